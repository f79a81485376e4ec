package dev.baml4j.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Something that carries attributes: fields, enum values, classes, parameters. */
public interface Attributed {

    List<Attribute> attributes();

    default boolean hasAttribute(String name) {
        for (Attribute a : attributes()) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    default Optional<Attribute> attribute(String name) {
        for (Attribute a : attributes()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The string argument of the named attribute: {@code alias}, {@code description}. */
    default Optional<String> attributeString(String name) {
        return attribute(name).flatMap(Attribute::stringArg);
    }

    default List<Constraint> constraints() {
        List<Constraint> out = new ArrayList<>();
        for (Attribute a : attributes()) {
            Constraint c = Constraint.of(a);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
