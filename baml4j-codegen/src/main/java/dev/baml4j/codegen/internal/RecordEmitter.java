package dev.baml4j.codegen.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baml4j.codegen.internal.TypeMapper.Mode;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.FieldDef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A record per BAML class, and a {@code Partial…} record per class for streams. Components carry
 * {@code @JsonProperty} with the BAML field name because the runtime's JSON uses field names
 * (not aliases) and Java names are camelCase.
 */
public final class RecordEmitter {

    static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
    private static final ClassName JSON_DESERIALIZE = ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
    private static final ClassName JSON_IGNORE_PROPERTIES =
            ClassName.get("com.fasterxml.jackson.annotation", "JsonIgnoreProperties");
    private static final ClassName NO_DESERIALIZER = ClassName.get("com.fasterxml.jackson.databind", "JsonDeserializer", "None");

    private final JavaModel model;
    private final TypeMapper types;

    public RecordEmitter(JavaModel model, TypeMapper types) {
        this.model = model;
        this.types = types;
    }

    /** Maps the field types of both records, so every union (and who implements it) is known. */
    public void prepare(ClassDef c) {
        for (FieldDef f : c.fields()) {
            types.field(f.type(), f.attributes(), Mode.FINAL);
            if (model.hasPartialRecord(c.name())) {
                types.field(f.type(), f.attributes(), Mode.PARTIAL);
            }
        }
    }

    public TypeSpec finalRecord(ClassDef c) {
        ClassName name = model.classType(c.name());
        TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        String doc = Javadocs.of(c.docComment(), c, "description");
        if (!doc.isEmpty()) {
            record.addJavadoc("$L\n", doc);
        } else {
            record.addJavadoc("The BAML class {@code $L}.\n", c.name());
        }
        Map<FieldDef, String> names = componentNames(c.fields());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        boolean paramDocs = false;
        for (FieldDef f : c.fields()) {
            TypeName t = types.field(f.type(), f.attributes(), Mode.FINAL);
            ctor.addParameter(component(t, names.get(f), f));
            String fieldDoc = Javadocs.of(f.docComment(), f, "description");
            if (!fieldDoc.isEmpty()) {
                if (!paramDocs) {
                    record.addJavadoc("\n");
                    paramDocs = true;
                }
                record.addJavadoc("@param $L $L\n", names.get(f), fieldDoc);
            }
        }
        record.recordConstructor(ctor.build());
        implementUnions(record, name);
        dynamic(record, c);
        return record.build();
    }

    public TypeSpec partialRecord(ClassDef c) {
        ClassName name = model.partialClassType(c.name());
        TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        record.addJavadoc("{@link $T} as it streams: a field is null until the model has written it (or while it\n"
                + "is incomplete, for numbers, booleans, enums and {@code @stream.done} values); lists and maps\n"
                + "are empty, never null.\n", model.classType(c.name()));
        Map<FieldDef, String> names = componentNames(c.fields());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        boolean needsCompact = false;
        for (FieldDef f : c.fields()) {
            TypeName t = types.field(f.type(), f.attributes(), Mode.PARTIAL);
            String n = names.get(f);
            ctor.addParameter(component(t, n, f));
            if (types.isNonNullCollectionInPartial(f)) {
                Class<?> empty = t instanceof com.palantir.javapoet.ParameterizedTypeName p
                        && p.rawType().equals(ClassName.get(Map.class)) ? Map.class : List.class;
                compact.addStatement("$N = $N == null ? $T.of() : $N", n, n, empty, n);
                needsCompact = true;
            }
        }
        record.recordConstructor(ctor.build());
        if (needsCompact) {
            record.addMethod(compact.build());
        }
        implementUnions(record, name);
        dynamic(record, c);
        return record.build();
    }

    /** A {@code @@dynamic} class may gain fields at run time (TypeBuilder) that the record cannot hold. */
    private static void dynamic(TypeSpec.Builder record, ClassDef c) {
        if (c.isDynamic()) {
            record.addAnnotation(AnnotationSpec.builder(JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build());
        }
    }

    /**
     * Joins the sealed interfaces of the unions this class is an option of. Jackson applies a
     * supertype's {@code @JsonDeserialize} to subtypes, so the record resets it to the default.
     */
    private void implementUnions(TypeSpec.Builder record, ClassName name) {
        if (!types.interfacesOf(name).isEmpty()) {
            record.addSuperinterfaces(types.interfacesOf(name));
            record.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE).addMember("using", "$T.class", NO_DESERIALIZER).build());
        }
    }

    private static ParameterSpec component(TypeName type, String name, FieldDef f) {
        return ParameterSpec.builder(type, name)
                .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", f.name()).build())
                .build();
    }

    /** camelCase names, unique within the record. */
    static Map<FieldDef, String> componentNames(List<FieldDef> fields) {
        Map<FieldDef, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (FieldDef f : fields) {
            String wanted = JavaNames.member(f.name());
            String n = wanted;
            for (int i = 2; !used.add(n); i++) {
                n = wanted + i;
            }
            out.put(f, n);
        }
        return out;
    }
}
