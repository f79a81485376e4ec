package dev.baml4j.codegen.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The small value types some projects need: {@code Checked<T>} for {@code @check}ed values and
 * {@code StreamState<T>} for {@code @stream.with_state} fields. They mirror the JSON the runtime
 * gives for those values, and are emitted only when a project uses them.
 */
public final class SupportEmitter {

    private final JavaModel model;

    public SupportEmitter(JavaModel model) {
        this.model = model;
    }

    public TypeSpec checked() {
        TypeVariableName t = TypeVariableName.get("T");
        TypeName checks = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), model.check());
        return TypeSpec.recordBuilder(model.checked())
                .addModifiers(Modifier.PUBLIC)
                .addTypeVariable(t)
                .addJavadoc("A value with the results of its {@code @check}s, by check name.\n\n"
                        + "@param <T> the checked value's type\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(component(t, "value"))
                        .addParameter(component(checks, "checks"))
                        .build())
                .addMethod(MethodSpec.methodBuilder("allPassed")
                        .addJavadoc("Whether every check succeeded.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class)
                        .addStatement("return checks.values().stream().allMatch($T::passed)", model.check())
                        .build())
                .build();
    }

    public TypeSpec check() {
        return TypeSpec.recordBuilder(model.check())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The result of one {@code @check}: its name, its Jinja expression and its status\n"
                        + "({@code succeeded} or {@code failed}).\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(component(ClassName.get(String.class), "name"))
                        .addParameter(component(ClassName.get(String.class), "expression"))
                        .addParameter(component(ClassName.get(String.class), "status"))
                        .build())
                .addMethod(MethodSpec.methodBuilder("passed")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class)
                        .addStatement("return $S.equals(status)", "succeeded")
                        .build())
                .build();
    }

    public TypeSpec streamState() {
        TypeVariableName t = TypeVariableName.get("T");
        ClassName state = model.streamState().nestedClass("State");
        TypeSpec stateEnum = TypeSpec.enumBuilder(state)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("How far the model has got with the value.\n")
                .addEnumConstant("PENDING", constant("Pending", "Not started yet."))
                .addEnumConstant("INCOMPLETE", constant("Incomplete", "Being written."))
                .addEnumConstant("COMPLETE", constant("Complete", "Done."))
                .build();
        return TypeSpec.recordBuilder(model.streamState())
                .addModifiers(Modifier.PUBLIC)
                .addTypeVariable(t)
                .addJavadoc("A {@code @stream.with_state} value while streaming: its value so far and its state.\n\n"
                        + "@param <T> the streamed value's type\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(component(state, "state"))
                        .addParameter(component(t, "value"))
                        .build())
                .addType(stateEnum)
                .build();
    }

    private static TypeSpec constant(String json, String doc) {
        return TypeSpec.anonymousClassBuilder("")
                .addJavadoc("$L\n", doc)
                .addAnnotation(AnnotationSpec.builder(RecordEmitter.JSON_PROPERTY).addMember("value", "$S", json).build())
                .build();
    }

    private static ParameterSpec component(TypeName type, String name) {
        return ParameterSpec.builder(type, name)
                .addAnnotation(AnnotationSpec.builder(RecordEmitter.JSON_PROPERTY).addMember("value", "$S", name).build())
                .build();
    }
}
