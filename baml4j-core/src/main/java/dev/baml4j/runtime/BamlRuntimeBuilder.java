package dev.baml4j.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.provider.LlmProvider;
import dev.baml4j.runtime.internal.ClientFactory;
import dev.baml4j.runtime.internal.ProviderRegistry;
import dev.baml4j.runtime.internal.SourceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds a {@link BamlRuntime}: where the sources come from, and what the runtime may read (the
 * environment behind {@code env.X}, the clock, the providers).
 *
 * <pre>{@code
 * BamlRuntime rt = BamlRuntime.builder()
 *     .directory(Path.of("baml_src"))
 *     .env(Map.of("AWS_REGION", "us-east-1"))   // instead of the process environment
 *     .build();
 * }</pre>
 */
public final class BamlRuntimeBuilder {

    private final List<SourceFile> files = new ArrayList<>();
    private BamlProject project;
    private Supplier<Map<String, String>> env = System::getenv;
    private RuntimeClock clock = RuntimeClock.system();
    private ClassLoader classLoader;
    private List<LlmProvider> providers;
    private ObjectMapper mapper;

    BamlRuntimeBuilder() {
    }

    public BamlRuntimeBuilder directory(Path dir) {
        files.addAll(SourceLoader.fromDirectory(dir));
        return this;
    }

    public BamlRuntimeBuilder classpath(String folder) {
        files.addAll(SourceLoader.fromClasspath(folder, loader()));
        return this;
    }

    public BamlRuntimeBuilder sources(Map<String, String> sources) {
        sources.forEach((path, text) -> files.add(new SourceFile(path, text)));
        return this;
    }

    public BamlRuntimeBuilder files(List<SourceFile> sourceFiles) {
        files.addAll(sourceFiles);
        return this;
    }

    /** An already compiled project (the code generator embeds one); sources are then ignored. */
    public BamlRuntimeBuilder project(BamlProject compiled) {
        this.project = compiled;
        return this;
    }

    /** The base environment for {@code env.X} and provider settings, instead of the process environment. */
    public BamlRuntimeBuilder env(Map<String, String> vars) {
        Map<String, String> copy = Map.copyOf(vars);
        this.env = () -> copy;
        return this;
    }

    /** Read on every call, as BAML reads the environment lazily. */
    public BamlRuntimeBuilder env(Supplier<Map<String, String>> vars) {
        this.env = Objects.requireNonNull(vars);
        return this;
    }

    public BamlRuntimeBuilder clock(RuntimeClock runtimeClock) {
        this.clock = Objects.requireNonNull(runtimeClock);
        return this;
    }

    /** Where providers (and class-path sources) are looked up; the context class loader by default. */
    public BamlRuntimeBuilder classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /** These providers instead of the ones {@link java.util.ServiceLoader} finds. */
    public BamlRuntimeBuilder providers(List<LlmProvider> explicit) {
        this.providers = List.copyOf(explicit);
        return this;
    }

    public BamlRuntimeBuilder objectMapper(ObjectMapper objectMapper) {
        this.mapper = objectMapper;
        return this;
    }

    public BamlRuntime build() {
        ProviderRegistry registry = providers != null ? new ProviderRegistry(providers)
                : ProviderRegistry.load(loader());
        BamlProject p = project;
        if (p == null) {
            if (files.isEmpty()) {
                throw new BamlException("no .baml sources were given; pass a directory, a class-path folder or sources");
            }
            p = Stages.compile(files, registry.validator());
        }
        return new BamlRuntime(p, new ClientFactory(registry), clock, env,
                mapper == null ? BamlRuntime.defaultMapper() : mapper);
    }

    private ClassLoader loader() {
        if (classLoader != null) {
            return classLoader;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : BamlRuntimeBuilder.class.getClassLoader();
    }
}
