package dev.baml4j.codegen;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.types.BamlValue;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac ({@code --release 17 -Xlint:all}) against baml4j-core and Jackson. */
final class JavaSourceCompiler {

    /** What javac said: every error and warning, rendered; empty when the sources are clean. */
    record Result(List<String> problems, Path classes) {
    }

    private JavaSourceCompiler() {
    }

    static Result compile(List<GeneratedFile> files, Path workDir) {
        try {
            Path src = workDir.resolve("src");
            Path classes = workDir.resolve("classes");
            Files.createDirectories(classes);
            List<File> sources = new ArrayList<>();
            for (GeneratedFile f : files) {
                Path p = src.resolve(f.relativePath());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
                sources.add(p.toFile());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-Xlint:all", "-proc:none", "-classpath", classpath(),
                        "-d", classes.toString());
                boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(sources)).call();
                List<String> problems = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE || !ok)
                        .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName())
                                + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                        .collect(Collectors.toList());
                if (!ok && problems.isEmpty()) {
                    problems.add("javac failed without diagnostics");
                }
                return new Result(problems, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars and class folders generated code needs: baml4j-core (runtime included) and Jackson. */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(BamlValue.class, JsonProperty.class, JsonParser.class, ObjectMapper.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
