package dev.baml4j.codegen;

import java.nio.file.Path;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * What {@link JavaClientGenerator} generates and where: the Java package, the source output
 * directory, and the classpath folder {@code BamlClient.create()} loads the {@code .baml} files
 * from (the Maven plugin copies them there).
 *
 * <pre>{@code
 * new JavaClientOptions("com.example.baml", Path.of("target/generated-sources/baml4j"))
 * }</pre>
 */
public record JavaClientOptions(String packageName, Path outputDir, String resourceRoot) {

    /** The classpath folder the Maven plugin and the CLI put the {@code .baml} sources in. */
    public static final String DEFAULT_RESOURCE_ROOT = "baml_src";

    public JavaClientOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(resourceRoot, "resourceRoot");
        if (!SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("not a valid Java package name: '" + packageName
                    + "' (use dotted lower-case identifiers, e.g. com.example.baml)");
        }
    }

    public JavaClientOptions(String packageName, Path outputDir) {
        this(packageName, outputDir, DEFAULT_RESOURCE_ROOT);
    }
}
