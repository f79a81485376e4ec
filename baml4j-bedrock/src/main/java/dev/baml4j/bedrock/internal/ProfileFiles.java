package dev.baml4j.bedrock.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The shared config and credentials files, located through the client's environment map
 * ({@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}, {@code HOME}) rather than the
 * process environment, so a call's own env decides which files are read.
 */
public record ProfileFiles(Path configFile, Path credentialsFile) {

    public static ProfileFiles from(Map<String, String> env) {
        String home = home(env);
        Path config = path(env.get("AWS_CONFIG_FILE"), home, "config");
        Path credentials = path(env.get("AWS_SHARED_CREDENTIALS_FILE"), home, "credentials");
        return new ProfileFiles(config, credentials);
    }

    /** The home directory as the env map names it ({@code HOME}, else {@code USERPROFILE}), else the JVM's. */
    static String home(Map<String, String> env) {
        return env.getOrDefault("HOME", env.getOrDefault("USERPROFILE", System.getProperty("user.home")));
    }

    private static Path path(String explicit, String home, String name) {
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit.startsWith("~/") && home != null ? home + explicit.substring(1) : explicit);
        }
        return home == null ? null : Path.of(home, ".aws", name);
    }

    /** Both files merged the way the SDK merges them; files that don't exist are skipped. */
    public ProfileFile load() {
        ProfileFile.Aggregator agg = ProfileFile.aggregator();
        if (configFile != null && Files.isRegularFile(configFile)) {
            agg.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (credentialsFile != null && Files.isRegularFile(credentialsFile)) {
            agg.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return agg.build();
    }

    public Optional<Profile> profile(String name) {
        return load().profile(name);
    }

    @Override
    public String toString() {
        return "config file " + configFile + ", credentials file " + credentialsFile;
    }
}
