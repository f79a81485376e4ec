package dev.baml4j.codegen.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A Java enum per BAML enum. Constants are named after the values; JSON carries the value name
 * ({@code @JsonValue valueName()}), and {@code alias()} gives the name the model sees.
 */
public final class EnumEmitter {

    private static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");

    private final JavaModel model;

    public EnumEmitter(JavaModel model) {
        this.model = model;
    }

    public TypeSpec emit(EnumDef e) {
        ClassName name = model.enumType(e.name());
        TypeSpec.Builder type = TypeSpec.enumBuilder(name).addModifiers(Modifier.PUBLIC);
        String doc = Javadocs.of(e.docComment(), e, "description");
        type.addJavadoc("$L\n", doc.isEmpty() ? "The BAML enum {@code " + Javadocs.escape(e.name()) + "}." : doc);
        Set<String> used = new HashSet<>();
        for (EnumValueDef v : e.values()) {
            String wanted = JavaNames.constant(v.name());
            String constant = wanted;
            for (int i = 2; !used.add(constant); i++) {
                constant = wanted + i;
            }
            TypeSpec.Builder body = TypeSpec.anonymousClassBuilder("$S, $S", v.name(), v.renderedName());
            String valueDoc = Javadocs.of(v.docComment(), v, "description");
            if (v.isSkipped()) {
                valueDoc = (valueDoc.isEmpty() ? "" : valueDoc + "\n\n") + "Never produced by the model ({@code @skip}).";
            }
            if (!valueDoc.isEmpty()) {
                body.addJavadoc("$L\n", valueDoc);
            }
            type.addEnumConstant(constant, body.build());
        }
        type.addField(FieldSpec.builder(String.class, "valueName", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addField(FieldSpec.builder(String.class, "alias", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addParameter(String.class, "valueName")
                .addParameter(String.class, "alias")
                .addStatement("this.valueName = valueName")
                .addStatement("this.alias = alias")
                .build());
        type.addMethod(MethodSpec.methodBuilder("valueName")
                .addJavadoc("The BAML value name, as it appears in JSON.\n")
                .addAnnotation(JSON_VALUE)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return valueName")
                .build());
        type.addMethod(MethodSpec.methodBuilder("alias")
                .addJavadoc("The name the model sees: the value's {@code @alias}, else its name.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return alias")
                .build());
        type.addMethod(MethodSpec.methodBuilder("fromValueName")
                .addJavadoc("The constant for a BAML value name, if there is one.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), name))
                .addParameter(String.class, "valueName")
                .beginControlFlow("for ($T value : values())", name)
                .beginControlFlow("if (value.valueName.equals(valueName))")
                .addStatement("return $T.of(value)", Optional.class)
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $T.empty()", Optional.class)
                .build());
        return type.build();
    }
}
