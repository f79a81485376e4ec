package dev.baml4j.codegen.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Set;

/**
 * A BAML union that became a sealed interface: its name and one case per distinct option.
 * Class options are the generated records themselves (they implement the interface); every
 * other option gets a small record nested in the interface that wraps the value.
 */
public record UnionSpec(ClassName name, String bamlText, List<Case> cases) {

    public UnionSpec {
        cases = List.copyOf(cases);
    }

    /** How a JSON value announces which case it is; see {@code README.md}, "Unions". */
    public enum JsonKind { STRING, INTEGER, FLOAT, BOOLEAN, ARRAY, OBJECT }

    public sealed interface Case {
        JsonKind kind();
    }

    /** A class option: the record implements the interface; chosen by its JSON field names. */
    public record ClassCase(ClassName record, Set<String> jsonFields) implements Case {
        public ClassCase {
            jsonFields = Set.copyOf(jsonFields);
        }

        @Override
        public JsonKind kind() {
            return JsonKind.OBJECT;
        }
    }

    /**
     * Any other option: a nested record {@code simpleName(valueType value)}. {@code enumType} is
     * set for enum options, {@code elementKind} for list options (the kind of their items).
     */
    public record ValueCase(String simpleName, TypeName valueType, JsonKind kind, ClassName enumType,
            JsonKind elementKind) implements Case {
    }
}
