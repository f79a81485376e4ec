package dev.baml4j.codegen.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baml4j.codegen.internal.UnionSpec.ClassCase;
import dev.baml4j.codegen.internal.UnionSpec.JsonKind;
import dev.baml4j.codegen.internal.UnionSpec.ValueCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A sealed interface per union, with a Jackson deserializer that picks the case from the JSON:
 * by JSON kind (string, number, boolean, array, object), enum strings by value name, objects by
 * their field names (an exact match first, then the first class whose fields cover the keys).
 */
public final class UnionEmitter {

    private static final String DATABIND = "com.fasterxml.jackson.databind";
    private static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
    private static final ClassName JSON_DESERIALIZE = ClassName.get(DATABIND + ".annotation", "JsonDeserialize");
    private static final ClassName STD_DESERIALIZER = ClassName.get(DATABIND + ".deser.std", "StdDeserializer");
    private static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
    private static final ClassName CONTEXT = ClassName.get(DATABIND, "DeserializationContext");
    private static final ClassName JSON_NODE = ClassName.get(DATABIND, "JsonNode");

    public TypeSpec emit(UnionSpec union) {
        ClassName name = union.name();
        ClassName deserializer = name.nestedClass("Deserializer");
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE).addMember("using", "$T.class", deserializer).build())
                .addJavadoc("The BAML union {@code $L}: one case per option. Class options are the generated records\n"
                        + "themselves; other options are wrapped in the nested records.\n", Javadocs.code(union.bamlText()));
        // With only nested cases javac finds the permitted classes itself; class cases must be listed.
        boolean listPermitted = union.cases().stream().anyMatch(c -> c instanceof ClassCase);
        for (UnionSpec.Case c : union.cases()) {
            if (c instanceof ClassCase cc) {
                type.addPermittedSubclass(cc.record());
            } else {
                ValueCase v = (ValueCase) c;
                ClassName record = name.nestedClass(v.simpleName());
                if (listPermitted) {
                    type.addPermittedSubclass(record);
                }
                TypeName value = v.valueType().isBoxedPrimitive() ? v.valueType().unbox() : v.valueType();
                type.addType(TypeSpec.recordBuilder(record)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addSuperinterface(name)
                        .recordConstructor(MethodSpec.constructorBuilder()
                                .addParameter(ParameterSpec.builder(value, "value").addAnnotation(JSON_VALUE).build())
                                .build())
                        .build());
            }
        }
        type.addType(deserializer(union, deserializer));
        return type.build();
    }

    private TypeSpec deserializer(UnionSpec union, ClassName self) {
        ClassName name = union.name();
        TypeSpec.Builder d = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(STD_DESERIALIZER, name))
                .addJavadoc("Picks the case of {@link $T} that a JSON value holds.\n", name)
                .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("1L").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addStatement("super($T.class)", name).build());
        MethodSpec.Builder m = MethodSpec.methodBuilder("deserialize")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(name)
                .addParameter(JSON_PARSER, "parser")
                .addParameter(CONTEXT, "context")
                .addException(IOException.class)
                .addStatement("$T node = context.readTree(parser)", JSON_NODE);
        List<ValueCase> values = new ArrayList<>();
        List<ClassCase> classes = new ArrayList<>();
        for (UnionSpec.Case c : union.cases()) {
            if (c instanceof ClassCase cc) {
                classes.add(cc);
            } else {
                values.add((ValueCase) c);
            }
        }
        Set<String> fieldNames = new HashSet<>();
        textual(m, name, values);
        numbers(m, name, values);
        ValueCase bool = first(values, JsonKind.BOOLEAN);
        if (bool != null) {
            m.beginControlFlow("if (node.isBoolean())")
                    .addStatement("return new $T(node.asBoolean())", name.nestedClass(bool.simpleName()))
                    .endControlFlow();
        }
        arrays(m, d, name, values, fieldNames);
        objects(m, d, name, values, classes, fieldNames);
        m.addStatement("return context.reportInputMismatch(this, $S, node.getNodeType())",
                "a JSON %s is none of " + union.bamlText().replace("%", "%%"));
        d.addMethod(m.build());
        return d.build();
    }

    private void textual(MethodSpec.Builder m, ClassName name, List<ValueCase> values) {
        List<ValueCase> strings = values.stream().filter(v -> v.kind() == JsonKind.STRING).toList();
        if (strings.isEmpty()) {
            return;
        }
        m.beginControlFlow("if (node.isTextual())");
        ValueCase plain = null;
        for (ValueCase v : strings) {
            if (v.enumType() != null) {
                m.addStatement("$T<$T> $N = $T.fromValueName(node.textValue())", java.util.Optional.class, v.enumType(),
                        local(v), v.enumType());
                m.beginControlFlow("if ($N.isPresent())", local(v))
                        .addStatement("return new $T($N.get())", name.nestedClass(v.simpleName()), local(v))
                        .endControlFlow();
            } else if (plain == null) {
                plain = v;
            }
        }
        if (plain != null) {
            m.addStatement("return new $T(node.textValue())", name.nestedClass(plain.simpleName()));
        }
        m.endControlFlow();
    }

    private void numbers(MethodSpec.Builder m, ClassName name, List<ValueCase> values) {
        ValueCase integer = first(values, JsonKind.INTEGER);
        ValueCase floating = first(values, JsonKind.FLOAT);
        if (integer != null) {
            m.beginControlFlow("if (node.isIntegralNumber())")
                    .addStatement("return new $T(node.longValue())", name.nestedClass(integer.simpleName()))
                    .endControlFlow();
        }
        if (floating != null) {
            m.beginControlFlow("if (node.isNumber())")
                    .addStatement("return new $T(node.doubleValue())", name.nestedClass(floating.simpleName()))
                    .endControlFlow();
        } else if (integer != null) {
            m.beginControlFlow("if (node.isNumber())")
                    .addStatement("return new $T(node.longValue())", name.nestedClass(integer.simpleName()))
                    .endControlFlow();
        }
    }

    private void arrays(MethodSpec.Builder m, TypeSpec.Builder d, ClassName name, List<ValueCase> values,
            Set<String> fieldNames) {
        List<ValueCase> lists = values.stream().filter(v -> v.kind() == JsonKind.ARRAY).toList();
        if (lists.isEmpty()) {
            return;
        }
        m.beginControlFlow("if (node.isArray())");
        for (int i = 0; i < lists.size(); i++) {
            ValueCase v = lists.get(i);
            CodeBlock read = CodeBlock.of("return new $T(context.readTreeAsValue(node, $L))",
                    name.nestedClass(v.simpleName()), typeArgument(d, v, fieldNames));
            if (i < lists.size() - 1 && v.elementKind() != null) {
                // Several list options: the first item's JSON kind decides; an empty list takes the first.
                m.beginControlFlow("if (node.isEmpty() || node.get(0).$L())", isMethod(v.elementKind()))
                        .addStatement(read).endControlFlow();
            } else {
                m.addStatement(read);
                break;
            }
        }
        m.endControlFlow();
    }

    private void objects(MethodSpec.Builder m, TypeSpec.Builder d, ClassName name, List<ValueCase> values,
            List<ClassCase> classes, Set<String> fieldNames) {
        ValueCase other = first(values, JsonKind.OBJECT);
        if (classes.isEmpty() && other == null) {
            return;
        }
        m.beginControlFlow("if (node.isObject())");
        if (!classes.isEmpty()) {
            m.addStatement("$T<$T> keys = new $T<>()", Set.class, String.class, HashSet.class);
            m.addStatement("node.fieldNames().forEachRemaining(keys::add)");
            List<String> constants = new ArrayList<>();
            for (ClassCase c : classes) {
                String constant = unique(fieldNames, upperSnake(c.record().simpleName()) + "_FIELDS");
                constants.add(constant);
                CodeBlock names = c.jsonFields().stream().sorted().map(f -> CodeBlock.of("$S", f))
                        .collect(CodeBlock.joining(", "));
                d.addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), constant,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("$T.of($L)", Set.class, names).build());
            }
            for (int i = 0; i < classes.size(); i++) {
                m.beginControlFlow("if (keys.equals($N))", constants.get(i))
                        .addStatement("return context.readTreeAsValue(node, $T.class)", classes.get(i).record())
                        .endControlFlow();
            }
            for (int i = 0; i < classes.size(); i++) {
                m.beginControlFlow("if ($N.containsAll(keys))", constants.get(i))
                        .addStatement("return context.readTreeAsValue(node, $T.class)", classes.get(i).record())
                        .endControlFlow();
            }
        }
        if (other != null) {
            m.addStatement("return new $T(context.readTreeAsValue(node, $L))", name.nestedClass(other.simpleName()),
                    typeArgument(d, other, fieldNames));
        } else {
            m.addStatement("return context.readTreeAsValue(node, $T.class)", classes.get(0).record());
        }
        m.endControlFlow();
    }

    /** {@code Foo.class}, or a {@code TypeReference} constant (resolved by the context) for generic types. */
    private CodeBlock typeArgument(TypeSpec.Builder d, ValueCase v, Set<String> fieldNames) {
        TypeName type = v.valueType();
        if (type instanceof ClassName c) {
            return CodeBlock.of("$T.class", c);
        }
        String constant = unique(fieldNames, upperSnake(v.simpleName()));
        d.addField(FieldSpec.builder(ParameterizedTypeName.get(TYPE_REFERENCE, type), constant,
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("new $T<>() {}", TYPE_REFERENCE).build());
        return CodeBlock.of("context.getTypeFactory().constructType($N)", constant);
    }

    static String upperSnake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String unique(Set<String> used, String wanted) {
        String n = wanted;
        for (int i = 2; !used.add(n); i++) {
            n = wanted + "_" + i;
        }
        return n;
    }

    private static String isMethod(JsonKind kind) {
        switch (kind) {
            case STRING: return "isTextual";
            case INTEGER: return "isIntegralNumber";
            case FLOAT: return "isNumber";
            case BOOLEAN: return "isBoolean";
            case ARRAY: return "isArray";
            default: return "isObject";
        }
    }

    private static String local(ValueCase v) {
        String s = v.simpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static ValueCase first(List<ValueCase> values, JsonKind kind) {
        return values.stream().filter(v -> v.kind() == kind).findFirst().orElse(null);
    }
}
