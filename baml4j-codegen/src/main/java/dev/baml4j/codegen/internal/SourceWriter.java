package dev.baml4j.codegen.internal;

import dev.baml4j.codegen.GeneratedFile;
import dev.baml4j.codegen.GenerationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated files, leaving a file untouched when its bytes are already right (so build
 * tools see no change and incremental compilation stays incremental), and deletes files an
 * earlier run generated that this run did not (recognised by their header line).
 */
public final class SourceWriter {

    private final String headerMarker;

    public SourceWriter(String headerMarker) {
        this.headerMarker = headerMarker;
    }

    public GenerationResult write(Path outputDir, String packageDir, List<GeneratedFile> files) {
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        Set<Path> current = new HashSet<>();
        try {
            for (GeneratedFile f : files) {
                Path target = outputDir.resolve(f.relativePath());
                current.add(target.toAbsolutePath().normalize());
                byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    unchanged.add(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                written.add(target);
            }
            Path pkg = outputDir.resolve(packageDir);
            if (Files.isDirectory(pkg)) {
                try (Stream<Path> list = Files.list(pkg)) {
                    for (Path p : list.sorted().toList()) {
                        if (p.toString().endsWith(".java") && !current.contains(p.toAbsolutePath().normalize())
                                && isGenerated(p)) {
                            Files.delete(p);
                            deleted.add(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write generated sources to " + outputDir + ": " + e.getMessage(), e);
        }
        return new GenerationResult(written, unchanged, deleted);
    }

    private boolean isGenerated(Path p) throws IOException {
        try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.contains(headerMarker)).orElse(false);
        }
    }
}
