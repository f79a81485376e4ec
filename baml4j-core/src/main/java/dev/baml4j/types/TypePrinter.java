package dev.baml4j.types;

import java.util.stream.Collectors;

/** Prints types in BAML syntax, parenthesising where the grammar needs it. */
final class TypePrinter {

    private TypePrinter() {
    }

    static String print(BamlType type) {
        // Java 17: no pattern matching in switch yet, so an instanceof chain.
        if (type instanceof BamlType.Primitive p) {
            return p.kind().keyword();
        } else if (type instanceof BamlType.Media m) {
            return m.kind().keyword();
        } else if (type instanceof BamlType.Literal l) {
            return l.value() instanceof String s ? quote(s) : String.valueOf(l.value());
        } else if (type instanceof BamlType.ClassRef c) {
            return c.name();
        } else if (type instanceof BamlType.EnumRef e) {
            return e.name();
        } else if (type instanceof BamlType.AliasRef a) {
            return a.name();
        } else if (type instanceof BamlType.ListOf l) {
            return atom(l.element()) + "[]";
        } else if (type instanceof BamlType.MapOf m) {
            return "map<" + print(m.key()) + ", " + print(m.value()) + ">";
        } else if (type instanceof BamlType.Union u) {
            return u.options().stream().map(TypePrinter::print).collect(Collectors.joining(" | "));
        } else if (type instanceof BamlType.Optional o) {
            return atom(o.inner()) + "?";
        } else {
            return print(((BamlType.Annotated) type).inner());
        }
    }

    private static String atom(BamlType type) {
        BamlType t = type.unannotated();
        return t instanceof BamlType.Union || t instanceof BamlType.Optional ? "(" + print(t) + ")" : print(t);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
