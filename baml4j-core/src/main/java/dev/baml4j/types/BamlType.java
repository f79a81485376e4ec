package dev.baml4j.types;

import java.util.List;
import java.util.Objects;

/**
 * A BAML type expression after name resolution: what a parameter, a field or a function's
 * return type is. Immutable; compare with {@code equals}.
 *
 * <pre>{@code
 * BamlType t = new BamlType.ListOf(new BamlType.ClassRef("Resume"));   // Resume[]
 * }</pre>
 *
 * <p>{@code T?} is represented as {@link Optional}; the parser normalises {@code T | null} to it.
 * Attributes written on a type ({@code (string @assert(...))[]}) wrap it in {@link Annotated}.
 */
public sealed interface BamlType {

    /** {@code string}, {@code int}, {@code float}, {@code bool}, {@code null}. */
    record Primitive(PrimitiveKind kind) implements BamlType {
        public Primitive {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code image}, {@code audio}, {@code pdf}, {@code video}: allowed as parameters only. */
    record Media(MediaKind kind) implements BamlType {
        public Media {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A literal type: {@code "a"}, {@code 1}, {@code true}. The value is a String, Long or Boolean. */
    record Literal(Object value) implements BamlType {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
                throw new IllegalArgumentException("literal must be String, Long or Boolean: " + value);
            }
        }
    }

    /** A reference to a class declared in the project. */
    record ClassRef(String name) implements BamlType {
        public ClassRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A reference to an enum declared in the project. */
    record EnumRef(String name) implements BamlType {
        public EnumRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A reference to a type alias ({@code type Name = ...}); may be recursive through lists and maps. */
    record AliasRef(String name) implements BamlType {
        public AliasRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code T[]}. */
    record ListOf(BamlType element) implements BamlType {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }
    }

    /** {@code map<K, V>}. */
    record MapOf(BamlType key, BamlType value) implements BamlType {
        public MapOf {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code A | B | C}, in declaration order, never containing {@code null} (that becomes {@link Optional}). */
    record Union(List<BamlType> options) implements BamlType {
        public Union {
            options = List.copyOf(options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("a union needs at least two options");
            }
        }
    }

    /** {@code T?}, the same as {@code T | null}. */
    record Optional(BamlType inner) implements BamlType {
        public Optional {
            Objects.requireNonNull(inner, "inner");
        }
    }

    /** A type carrying attributes written on it: {@code @check}, {@code @assert}, {@code @stream.*}. */
    record Annotated(BamlType inner, List<Attribute> attributes) implements BamlType {
        public Annotated {
            Objects.requireNonNull(inner, "inner");
            attributes = List.copyOf(attributes);
        }
    }

    BamlType STRING = new Primitive(PrimitiveKind.STRING);
    BamlType INT = new Primitive(PrimitiveKind.INT);
    BamlType FLOAT = new Primitive(PrimitiveKind.FLOAT);
    BamlType BOOL = new Primitive(PrimitiveKind.BOOL);
    BamlType NULL = new Primitive(PrimitiveKind.NULL);

    /** The primitive kinds. */
    enum PrimitiveKind {
        STRING("string"), INT("int"), FLOAT("float"), BOOL("bool"), NULL("null");

        private final String keyword;

        PrimitiveKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** The media kinds. */
    enum MediaKind {
        IMAGE("image"), AUDIO("audio"), PDF("pdf"), VIDEO("video");

        private final String keyword;

        MediaKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** This type without an outer {@link Annotated} wrapper. */
    default BamlType unannotated() {
        BamlType t = this;
        while (t instanceof Annotated a) {
            t = a.inner();
        }
        return t;
    }

    /** Prints the type the way BAML source writes it: {@code map<string, Resume[]>?}. */
    default String toBaml() {
        return TypePrinter.print(this);
    }
}
