package dev.baml4j.cli.internal;

import dev.baml4j.cli.UserError;
import dev.baml4j.lang.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the {@code .baml} files of a project directory, named as the user would type them. */
public final class BamlSources {

    private BamlSources() {
    }

    /** Every {@code .baml} file under {@code dir}, sorted by path; a user error if there is none. */
    public static List<SourceFile> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("`" + dir + "` is not a directory: give the folder that holds your .baml files");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> p.getFileName().toString().endsWith(".baml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot read `" + dir + "`: " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new UserError("no .baml files under `" + dir + "`");
        }
        List<SourceFile> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                files.add(new SourceFile(display(p), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UserError("cannot read `" + p + "`: " + e.getMessage(), e);
            }
        }
        return files;
    }

    public static Map<String, String> byPath(List<SourceFile> files) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f.path(), f.text()));
        return out;
    }

    /** Relative to the working directory when the file is below it, so paths are short and clickable. */
    private static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
