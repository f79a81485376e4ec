package dev.baml4j.runtime.internal;

import dev.baml4j.BamlException;
import dev.baml4j.lang.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds {@code .baml} files in a directory tree or a class-path folder (directories and jars). */
public final class SourceLoader {

    private SourceLoader() {
    }

    public static List<SourceFile> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BamlException("BAML source directory " + dir + " does not exist; pass the folder that holds"
                    + " your .baml files (usually baml_src)");
        }
        List<SourceFile> files = read(dir, dir.toString());
        if (files.isEmpty()) {
            throw new BamlException("no .baml files under " + dir);
        }
        return files;
    }

    public static List<SourceFile> fromClasspath(String folder, ClassLoader loader) {
        String name = folder.replaceAll("^/+|/+$", "");
        List<SourceFile> files = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(name);
            while (roots.hasMoreElements()) {
                URI uri = roots.nextElement().toURI();
                if (uri.getScheme().equals("jar")) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    files.addAll(read(fs.provider().getPath(uri), name));
                } else {
                    files.addAll(read(Path.of(uri), name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading class-path folder " + name, e);
        } catch (URISyntaxException e) {
            throw new BamlException("class-path folder " + name + " has an unreadable location", e);
        }
        if (files.isEmpty()) {
            throw new BamlException("no .baml files in class-path folder " + name
                    + "; put them under src/main/resources/" + name);
        }
        return files;
    }

    private static List<SourceFile> read(Path root, String shownRoot) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".baml"))
                    .filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            List<SourceFile> out = new ArrayList<>();
            for (Path p : paths) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.add(new SourceFile(shownRoot.replaceAll("/+$", "") + "/" + rel,
                        Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading BAML sources under " + root, e);
        }
    }
}
