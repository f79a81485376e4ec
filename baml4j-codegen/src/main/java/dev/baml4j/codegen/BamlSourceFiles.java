package dev.baml4j.codegen;

import dev.baml4j.lang.SourceFile;
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
 * The {@code .baml} files of a source folder: found, read with the paths diagnostics show, and
 * mirrored into a resource folder so that {@code BamlClient.create()} finds them on the classpath.
 * Used by the Maven plugin and by {@code baml4j generate}.
 */
public final class BamlSourceFiles {

    private BamlSourceFiles() {
    }

    /** Every {@code .baml} file under {@code dir}, sorted by path (empty when the folder is missing). */
    public static List<Path> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".baml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the files under {@code dir}; each {@link SourceFile#path()} is relative to
     * {@code displayBase} when the file is below it (so diagnostics print short, clickable paths).
     */
    public static List<SourceFile> read(Path dir, Path displayBase) {
        List<SourceFile> files = new ArrayList<>();
        Path base = displayBase.toAbsolutePath().normalize();
        for (Path p : find(dir)) {
            Path abs = p.toAbsolutePath().normalize();
            String display = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
            try {
                files.add(new SourceFile(display.replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /**
     * Mirrors the {@code .baml} files of {@code dir} into {@code target} (same relative paths):
     * identical files are left alone, and {@code .baml} files no longer in {@code dir} are deleted.
     */
    public static GenerationResult mirror(Path dir, Path target) {
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        Set<Path> current = new HashSet<>();
        try {
            for (Path p : find(dir)) {
                Path out = target.resolve(dir.relativize(p).toString());
                current.add(out.toAbsolutePath().normalize());
                byte[] bytes = Files.readAllBytes(p);
                if (Files.isRegularFile(out) && Arrays.equals(Files.readAllBytes(out), bytes)) {
                    unchanged.add(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.write(out, bytes);
                written.add(out);
            }
            for (Path old : find(target)) {
                if (!current.contains(old.toAbsolutePath().normalize())) {
                    Files.delete(old);
                    deleted.add(old);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy .baml files to " + target + ": " + e.getMessage(), e);
        }
        return new GenerationResult(written, unchanged, deleted);
    }
}
