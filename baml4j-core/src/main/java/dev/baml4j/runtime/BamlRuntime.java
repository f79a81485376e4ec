package dev.baml4j.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlAbortException;
import dev.baml4j.BamlException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.runtime.internal.CancelScope;
import dev.baml4j.runtime.internal.ClientFactory;
import dev.baml4j.runtime.internal.ProviderRegistry;
import dev.baml4j.types.BamlValue;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A loaded BAML project, ready to call its functions. Immutable and safe to share across threads;
 * build one per project and reuse it (model clients and their connections are cached inside).
 *
 * <pre>{@code
 * BamlRuntime rt = BamlRuntime.fromDirectory(Path.of("baml_src"));
 * Resume r = rt.call("ExtractResume", Map.of("text", txt), Resume.class);
 * try (BamlStream<BamlValue, BamlValue> s = rt.stream("ExtractResume", Map.of("text", txt))) {
 *     for (BamlValue partial : s) show(partial);
 * }
 * }</pre>
 *
 * Typed results are the JSON of {@link BamlValue#toJson()} (class fields by BAML field name, enums
 * by value name) bound with Jackson. Failures are unchecked {@link BamlException}s.
 */
public final class BamlRuntime {

    private final BamlProject project;
    private final Stages stages;
    private final CallPipeline pipeline;
    private final ObjectMapper mapper;

    BamlRuntime(BamlProject project, ClientFactory clients, RuntimeClock clock,
            java.util.function.Supplier<Map<String, String>> baseEnv, ObjectMapper mapper) {
        this.project = project;
        this.stages = new Stages(project);
        this.pipeline = new CallPipeline(project, stages, clients, clock, baseEnv);
        this.mapper = mapper;
    }

    public static BamlRuntimeBuilder builder() {
        return new BamlRuntimeBuilder();
    }

    /** Loads every {@code .baml} file under {@code dir}. Throws {@link dev.baml4j.BamlConfigException} on errors. */
    public static BamlRuntime fromDirectory(Path dir) {
        return builder().directory(dir).build();
    }

    /** Loads every {@code .baml} resource under a class-path folder ({@code "baml_src"}), from directories or jars. */
    public static BamlRuntime fromClasspath(String folder) {
        return builder().classpath(folder).build();
    }

    /** Loads sources given as {@code path → text}. */
    public static BamlRuntime fromSources(Map<String, String> sources) {
        return builder().sources(sources).build();
    }

    /** The provider checks {@code BamlCompiler.compile} needs, from the providers on the class path. */
    public static ClientValidator clientValidator() {
        return ProviderRegistry.load(Thread.currentThread().getContextClassLoader()).validator();
    }

    public BamlProject project() {
        return project;
    }

    // ---- calls ------------------------------------------------------------------------------

    public BamlValue call(String function, Map<String, ?> args) {
        return call(function, args, CallOptions.defaults());
    }

    public BamlValue call(String function, Map<String, ?> args, CallOptions options) {
        return await(callAsync(function, args, options));
    }

    public <T> T call(String function, Map<String, ?> args, Class<T> type) {
        return call(function, args, (Type) type, CallOptions.defaults());
    }

    public <T> T call(String function, Map<String, ?> args, Class<T> type, CallOptions options) {
        return call(function, args, (Type) type, options);
    }

    /** For generic results: {@code new TypeReference<List<Resume>>() {}.getType()}, or a Jackson {@code JavaType}. */
    public <T> T call(String function, Map<String, ?> args, Type type, CallOptions options) {
        return await(callAsync(function, args, type, options));
    }

    public CompletableFuture<BamlValue> callAsync(String function, Map<String, ?> args) {
        return callAsync(function, args, CallOptions.defaults());
    }

    /** Cancelling the returned future aborts the request in flight and any pending retry. */
    public CompletableFuture<BamlValue> callAsync(String function, Map<String, ?> args, CallOptions options) {
        CancelScope scope = scope(options);
        CompletableFuture<BamlValue> out = new CompletableFuture<>();
        pipeline.run(function, args, options, scope, null).whenComplete((v, e) -> {
            scope.detach();
            if (e == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(CallPipeline.unwrap(e));
            }
        });
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                scope.cancel(new BamlAbortException("call to " + function + " was cancelled"));
            }
        });
        return out;
    }

    public <T> CompletableFuture<T> callAsync(String function, Map<String, ?> args, Class<T> type,
            CallOptions options) {
        return callAsync(function, args, (Type) type, options);
    }

    public <T> CompletableFuture<T> callAsync(String function, Map<String, ?> args, Type type, CallOptions options) {
        CompletableFuture<BamlValue> raw = callAsync(function, args, options);
        CompletableFuture<T> typed = raw.thenApply(this.<T>mapperFor(mapper.constructType(type)));
        typed.whenComplete((v, e) -> {
            if (typed.isCancelled()) {
                raw.cancel(false);
            }
        });
        return typed;
    }

    // ---- streams ----------------------------------------------------------------------------

    public BamlStream<BamlValue, BamlValue> stream(String function, Map<String, ?> args) {
        return stream(function, args, CallOptions.defaults());
    }

    public BamlStream<BamlValue, BamlValue> stream(String function, Map<String, ?> args, CallOptions options) {
        return stream(function, args, BamlValue.class, BamlValue.class, options);
    }

    /** Partials are mapped to {@code partial} (use a type whose fields may all be null), the end to {@code result}. */
    public <P, T> BamlStream<P, T> stream(String function, Map<String, ?> args, Class<P> partial, Class<T> result,
            CallOptions options) {
        return stream(function, args, (Type) partial, (Type) result, options);
    }

    /** For generic partial or final types ({@code List<PartialSkill>}), as generated clients pass them. */
    public <P, T> BamlStream<P, T> stream(String function, Map<String, ?> args, Type partial, Type result,
            CallOptions options) {
        Function<BamlValue, P> toPartial = mapperFor(mapper.constructType(partial));
        Function<BamlValue, T> toResult = mapperFor(mapper.constructType(result));
        BamlStream<P, T> stream = new BamlStream<>();
        CancelScope scope = scope(options);
        stream.onAbort(() -> scope.cancel(new BamlAbortException("the stream of " + function + " was closed")));
        pipeline.run(function, args, options, scope, v -> {
            P mapped;
            try {
                mapped = toPartial.apply(v);
            } catch (RuntimeException e) {
                // A partial the typed view cannot hold yet (a null for a primitive) is skipped, not fatal.
                return;
            }
            stream.emit(mapped);
        }).whenComplete((v, e) -> {
            scope.detach();
            if (e != null) {
                stream.fail(e);
                return;
            }
            try {
                stream.complete(toResult.apply(v));
            } catch (RuntimeException mappingFailure) {
                stream.fail(mappingFailure);
            }
        });
        return stream;
    }

    // ---- parse only ------------------------------------------------------------------------

    /** Parses text as the function's reply would be parsed (final mode). */
    public BamlValue parse(String function, String text) {
        FunctionDef fn = pipeline.function(function);
        return stages.parse(fn.returnType(), text, null);
    }

    public <T> T parse(String function, String text, Class<T> type) {
        return parse(function, text, (Type) type);
    }

    public <T> T parse(String function, String text, Type type) {
        return this.<T>mapperFor(mapper.constructType(type)).apply(parse(function, text));
    }

    /** Parses a prefix of a reply as streaming would (partial mode). */
    public BamlValue parseStream(String function, String text) {
        FunctionDef fn = pipeline.function(function);
        return stages.parsePartial(fn.returnType(), text);
    }

    public <P> P parseStream(String function, String text, Class<P> partialType) {
        return parseStream(function, text, (Type) partialType);
    }

    public <P> P parseStream(String function, String text, Type partialType) {
        return this.<P>mapperFor(mapper.constructType(partialType)).apply(parseStream(function, text));
    }

    // ---- preview ---------------------------------------------------------------------------

    /** The request the call would send first (its first client), secrets redacted; nothing is sent. */
    public RequestPreview preview(String function, Map<String, ?> args, CallOptions options) {
        return pipeline.preview(function, args, options, false);
    }

    public RequestPreview preview(String function, Map<String, ?> args, CallOptions options, boolean stream) {
        return pipeline.preview(function, args, options, stream);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static CancelScope scope(CallOptions options) {
        return options.cancellation().map(c -> c.scope().child()).orElseGet(CancelScope::root);
    }

    @SuppressWarnings("unchecked")
    private <T> Function<BamlValue, T> mapperFor(JavaType type) {
        if (type.getRawClass() == BamlValue.class) {
            return v -> (T) v;
        }
        return v -> {
            try {
                return mapper.convertValue(v.toJson(), type);
            } catch (IllegalArgumentException e) {
                throw new BamlException("the result cannot be mapped to " + type.toCanonical() + ": "
                        + e.getMessage() + "; check that the Java type's fields match the BAML names", e);
            }
        };
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new BamlAbortException("interrupted while waiting for the call");
        } catch (ExecutionException | CompletionException e) {
            throw CallPipeline.unwrap(e);
        }
    }

    static ObjectMapper defaultMapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
