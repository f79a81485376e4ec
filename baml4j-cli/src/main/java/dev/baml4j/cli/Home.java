package dev.baml4j.cli;

import java.nio.file.Path;

/**
 * The repository the command runs from: {@code bin/baml4j} passes it as {@code -Dbaml4j.home};
 * without it (the jar run by hand), the working directory.
 */
public final class Home {

    private Home() {
    }

    public static Path path() {
        String home = System.getProperty("baml4j.home");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
