package dev.baml4j.codegen.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baml4j.codegen.internal.TypeMapper.Mode;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.ParamDef;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * The {@code BamlClient} class: one method per BAML function, named in Java style, plus the
 * {@code async()}, {@code stream()}, {@code parse()} and {@code parseStream()} views. Every call
 * goes through {@code BamlRuntime} with the function's BAML name and the argument map.
 */
public final class ClientEmitter {

    private static final String RUNTIME_PACKAGE = "dev.baml4j.runtime";
    static final ClassName BAML_RUNTIME = ClassName.get(RUNTIME_PACKAGE, "BamlRuntime");
    static final ClassName BAML_STREAM = ClassName.get(RUNTIME_PACKAGE, "BamlStream");
    static final ClassName CALL_OPTIONS = ClassName.get(RUNTIME_PACKAGE, "CallOptions");
    private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
    private static final TypeName ARGS = ParameterizedTypeName.get(Map.class, String.class, Object.class);

    /** Methods of BamlClient itself; a BAML function with one of these names gets a suffix. */
    private static final Set<String> RESERVED = Set.of("create", "withOptions", "runtime", "options", "async", "stream",
            "parse", "parseStream", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait");

    private final BamlProject project;
    private final JavaModel model;
    private final TypeMapper types;
    private final String resourceRoot;
    private final Map<FunctionDef, Signature> signatures = new LinkedHashMap<>();
    private final Map<TypeName, FieldSpec> typeConstants = new LinkedHashMap<>();

    public ClientEmitter(BamlProject project, JavaModel model, TypeMapper types, String resourceRoot) {
        this.project = project;
        this.model = model;
        this.types = types;
        this.resourceRoot = resourceRoot;
    }

    /** Maps every function's types; call before emitting anything, so unions are all known. */
    public void prepare() {
        Set<String> methods = new HashSet<>(RESERVED);
        for (FunctionDef fn : project.functions().values()) {
            String method = unique(methods, JavaNames.member(fn.name()), "Function");
            // The method bodies use these names for the client's fields and the argument map.
            Set<String> paramNames = new HashSet<>(Set.of("args", "runtime", "options"));
            Map<ParamDef, String> params = new LinkedHashMap<>();
            Map<ParamDef, TypeName> paramTypes = new LinkedHashMap<>();
            for (ParamDef p : fn.params()) {
                params.put(p, unique(paramNames, JavaNames.member(p.name()), ""));
                paramTypes.put(p, types.field(p.type().unannotated(), List.of(), Mode.FINAL));
            }
            TypeName result = types.field(fn.returnType(), List.of(), Mode.FINAL);
            TypeName finalType = types.boxed(fn.returnType(), Mode.FINAL);
            TypeName partialType = types.boxed(fn.returnType(), Mode.PARTIAL);
            signatures.put(fn, new Signature(method, params, paramTypes, result, finalType, partialType));
        }
    }

    public TypeSpec emit() {
        ClassName client = model.client();
        TypeSpec.Builder type = TypeSpec.classBuilder(client)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classDoc(client))
                .addField(FieldSpec.builder(String.class, "BAML_SOURCES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", resourceRoot).build())
                .addField(BAML_RUNTIME, "runtime", Modifier.PRIVATE, Modifier.FINAL)
                .addField(CALL_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(BAML_RUNTIME, "runtime")
                        .addParameter(CALL_OPTIONS, "options")
                        .addStatement("this.runtime = runtime")
                        .addStatement("this.options = options")
                        .build())
                .addMethod(MethodSpec.methodBuilder("create")
                        .addJavadoc("A client over the {@code .baml} sources packaged with it (classpath {@code $L/}).\n",
                                resourceRoot)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(client)
                        .addStatement("return new $T($T.fromClasspath(BAML_SOURCES), $T.defaults())",
                                client, BAML_RUNTIME, CALL_OPTIONS)
                        .build())
                .addMethod(MethodSpec.methodBuilder("create")
                        .addJavadoc("A client over a runtime built elsewhere, e.g. {@code BamlRuntime.fromDirectory(path)}.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(client)
                        .addParameter(BAML_RUNTIME, "runtime")
                        .addStatement("return new $T(runtime, $T.defaults())", client, CALL_OPTIONS)
                        .build())
                .addMethod(MethodSpec.methodBuilder("withOptions")
                        .addJavadoc("A client that makes every call with these options (client registry, env, collector, tags).\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(client)
                        .addParameter(CALL_OPTIONS, "options")
                        .addStatement("return new $T(runtime, options)", client)
                        .build())
                .addMethod(MethodSpec.methodBuilder("runtime")
                        .addJavadoc("The runtime this client calls.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(BAML_RUNTIME)
                        .addStatement("return runtime")
                        .build());
        type.addMethod(viewAccessor("async", "AsyncClient", "Calls that return at once with a {@link CompletableFuture}."));
        type.addMethod(viewAccessor("stream", "StreamClient",
                "Streaming calls: partial values as the reply arrives, then the final value."));
        type.addMethod(viewAccessor("parse", "ParseClient",
                "Parses text a model already returned, as each function would, without calling it."));
        type.addMethod(viewAccessor("parseStream", "ParseStreamClient",
                "Parses a prefix of a reply into the partial value a stream would yield for it."));
        TypeSpec.Builder async = view("AsyncClient", "The asynchronous calls of {@link $T}.", client);
        TypeSpec.Builder stream = view("StreamClient", "The streaming calls of {@link $T}.", client);
        TypeSpec.Builder parse = view("ParseClient", "Parsing with the functions' return types, see {@link $T#parse()}.", client);
        TypeSpec.Builder parseStream = view("ParseStreamClient",
                "Partial parsing with the functions' stream types, see {@link $T#parseStream()}.", client);
        for (Map.Entry<FunctionDef, Signature> e : signatures.entrySet()) {
            FunctionDef fn = e.getKey();
            Signature s = e.getValue();
            CodeBlock args = CodeBlock.of("$N($L)", s.method() + "Args",
                    s.params().values().stream().map(n -> CodeBlock.of("$N", n)).collect(CodeBlock.joining(", ")));
            type.addMethod(call(fn, s, s.result(), "Calls", CodeBlock.of("return runtime.call($S, $L, $L, options)",
                    fn.name(), args, token(fn, "RESULT", s.finalType()))));
            async.addMethod(call(fn, s, ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), s.finalType()),
                    "Starts a call to", CodeBlock.of("return runtime.callAsync($S, $L, $L, options)",
                            fn.name(), args, token(fn, "RESULT", s.finalType()))));
            stream.addMethod(call(fn, s, ParameterizedTypeName.get(BAML_STREAM, s.partialType(), s.finalType()),
                    "Streams", CodeBlock.of("return runtime.stream($S, $L, $L, $L, options)", fn.name(), args,
                            token(fn, "PARTIAL", s.partialType()), token(fn, "RESULT", s.finalType()))));
            parse.addMethod(parser(fn, s, s.result(), CodeBlock.of("return runtime.parse($S, text, $L)", fn.name(),
                    token(fn, "RESULT", s.finalType()))));
            parseStream.addMethod(parser(fn, s, s.partialType(), CodeBlock.of("return runtime.parseStream($S, text, $L)",
                    fn.name(), token(fn, "PARTIAL", s.partialType()))));
            type.addMethod(argsMethod(s));
        }
        type.addFields(typeConstants.values());
        type.addType(async.build()).addType(stream.build()).addType(parse.build()).addType(parseStream.build());
        return type.build();
    }

    /** The class Javadoc, with an example that calls the project's first function. */
    private CodeBlock classDoc(ClassName client) {
        String call = "someFunction(args)";
        if (!signatures.isEmpty()) {
            Signature first = signatures.values().iterator().next();
            call = first.method() + "(" + String.join(", ", first.params().values()) + ")";
        }
        return CodeBlock.builder()
                .add("The typed client for this project's BAML functions.\n\n")
                .add("<pre>{@code\n")
                .add("$T b = $T.create();\n", client, client)
                .add("var result = b.$L;                  // waits for the reply\n", call)
                .add("var future = b.async().$L;          // a CompletableFuture\n", call)
                .add("try (var stream = b.stream().$L) {  // partial values as the text arrives\n", call)
                .add("    stream.forEach(System.out::println);\n")
                .add("    var done = stream.getFinalResponse();\n")
                .add("}\n")
                .add("}</pre>\n\n")
                .add("<p>Instances are immutable and thread-safe; {@link #withOptions} returns a new one.\n")
                .build();
    }

    private MethodSpec call(FunctionDef fn, Signature s, TypeName returns, String verb, CodeBlock body) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(s.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addJavadoc("$L the BAML function {@code $L}.\n", verb, Javadocs.code(signatureText(fn)));
        for (Map.Entry<ParamDef, String> p : s.params().entrySet()) {
            m.addParameter(s.paramTypes().get(p.getKey()), p.getValue());
        }
        return m.addStatement(body).build();
    }

    private MethodSpec parser(FunctionDef fn, Signature s, TypeName returns, CodeBlock body) {
        return MethodSpec.methodBuilder(s.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addJavadoc("Parses model output as the BAML function {@code $L} would.\n", fn.name())
                .addParameter(String.class, "text")
                .addStatement(body)
                .build();
    }

    private MethodSpec argsMethod(Signature s) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(s.method() + "Args")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ARGS);
        for (Map.Entry<ParamDef, String> p : s.params().entrySet()) {
            m.addParameter(s.paramTypes().get(p.getKey()), p.getValue());
        }
        if (s.params().isEmpty()) {
            return m.addStatement("return $T.of()", Map.class).build();
        }
        // A LinkedHashMap, not Map.of: optional arguments may be null, and order follows the declaration.
        m.addStatement("$T args = new $T<>()", ARGS, LinkedHashMap.class);
        for (Map.Entry<ParamDef, String> p : s.params().entrySet()) {
            m.addStatement("args.put($S, $N)", p.getKey().name(), p.getValue());
        }
        return m.addStatement("return args").build();
    }

    /** {@code Resume.class}, or a {@code Type} constant for generic types ({@code List<Resume>}). */
    private CodeBlock token(FunctionDef fn, String role, TypeName type) {
        if (type instanceof ClassName c) {
            return CodeBlock.of("$T.class", c);
        }
        String constant = UnionEmitter.upperSnake(JavaNames.camel(fn.name())) + "_" + role;
        FieldSpec field = typeConstants.computeIfAbsent(type, t -> FieldSpec.builder(Type.class, constant,
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T<$T>() {}.getType()", TYPE_REFERENCE, t).build());
        return CodeBlock.of("$N", field);
    }

    private MethodSpec viewAccessor(String name, String viewClass, String doc) {
        ClassName view = model.client().nestedClass(viewClass);
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n", doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addStatement("return new $T()", view)
                .build();
    }

    private TypeSpec.Builder view(String name, String doc, ClassName client) {
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(doc + "\n", client)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    private static String signatureText(FunctionDef fn) {
        StringBuilder out = new StringBuilder(fn.name()).append('(');
        for (int i = 0; i < fn.params().size(); i++) {
            ParamDef p = fn.params().get(i);
            out.append(i == 0 ? "" : ", ").append(p.name()).append(": ").append(p.type().toBaml());
        }
        return out.append(") -> ").append(fn.returnType().toBaml()).toString();
    }

    private static String unique(Set<String> used, String wanted, String suffix) {
        String n = used.contains(wanted) && !suffix.isEmpty() ? wanted + suffix : wanted;
        String base = n;
        for (int i = 2; !used.add(n); i++) {
            n = base + i;
        }
        return n;
    }

    private record Signature(String method, Map<ParamDef, String> params, Map<ParamDef, TypeName> paramTypes,
            TypeName result, TypeName finalType, TypeName partialType) {
    }
}
