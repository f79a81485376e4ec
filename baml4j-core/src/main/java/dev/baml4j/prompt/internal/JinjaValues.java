package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.types.BamlValue;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template-side form of BAML values. Strings, numbers, booleans and null become plain Java
 * values so Jinjava's operators and filters work on them; lists, maps, class instances, enums and
 * media become views that remember what BAML needs for printing (aliases, enum display names).
 * The views implement {@link PyishSerializable} only so that Jinjava does not re-wrap them.
 */
public final class JinjaValues {

    private JinjaValues() {
    }

    /** Converts an argument value for use in a template. */
    public static Object toJinja(BamlValue value, BamlProject project) {
        if (value instanceof BamlValue.StringValue s) {
            return s.value();
        }
        if (value instanceof BamlValue.IntValue i) {
            return i.value();
        }
        if (value instanceof BamlValue.FloatValue f) {
            return f.value();
        }
        if (value instanceof BamlValue.BoolValue b) {
            return b.value();
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (value instanceof BamlValue.ListValue l) {
            List<Object> items = new ArrayList<>(l.items().size());
            for (BamlValue item : l.items()) {
                items.add(toJinja(item, project));
            }
            return new ListView(items);
        }
        if (value instanceof BamlValue.MapValue m) {
            Map<String, Object> entries = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> entries.put(k, toJinja(v, project)));
            return new MapView(entries);
        }
        if (value instanceof BamlValue.ClassValue c) {
            Map<String, Object> fields = new LinkedHashMap<>();
            c.fields().forEach((k, v) -> fields.put(k, toJinja(v, project)));
            ClassDef def = project.classes().get(c.className());
            return new ClassView(c.className(), fields, def);
        }
        if (value instanceof BamlValue.EnumValue e) {
            EnumDef def = project.enums().get(e.enumName());
            String alias = e.value();
            if (def != null) {
                alias = def.value(e.value()).map(EnumValueDef::renderedName).orElse(e.value());
            }
            return new EnumView(e.enumName(), e.value(), alias);
        }
        if (value instanceof BamlValue.MediaValue m) {
            return new MediaView(m);
        }
        if (value instanceof BamlValue.CheckedValue c) {
            return toJinja(c.value(), project);
        }
        if (value instanceof BamlValue.StreamStateValue s) {
            return toJinja(s.value(), project);
        }
        throw new IllegalArgumentException("unsupported value " + value);
    }

    /** A BAML list. */
    public static final class ListView extends AbstractList<Object> implements PyishSerializable {
        private final List<Object> items;

        public ListView(List<Object> items) {
            this.items = Collections.unmodifiableList(items);
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** A BAML map, in insertion order. */
    public static class MapView extends AbstractMap<String, Object> implements PyishSerializable {
        private final Map<String, Object> entries;

        public MapView(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }
    }

    /** An instance of a BAML class: attribute access by real field name, printing by alias. */
    public static final class ClassView extends MapView {
        private final String className;
        private final ClassDef def;

        public ClassView(String className, Map<String, Object> fields, ClassDef def) {
            super(fields);
            this.className = className;
            this.def = def;
        }

        public String className() {
            return className;
        }

        /** The name BAML prints for a field: its {@code @alias}, else the field name. */
        public String displayName(String field) {
            if (def == null) {
                return field;
            }
            return def.field(field).map(FieldDef::renderedName).orElse(field);
        }
    }

    /**
     * An enum value. {@code toString()} is the value name so that {@code l == "HIGH"} compares the
     * real name (Jinjava coerces to String for {@code ==}); printing shows the alias.
     */
    public record EnumView(String enumName, String value, String alias) implements PyishSerializable {
        @Override
        public String toString() {
            return value;
        }
    }

    /** A media argument: printing it splits the message at that point. Always truthy. */
    public record MediaView(BamlValue.MediaValue media) implements PyishSerializable {
    }

    /**
     * What an undefined name or a missing attribute evaluates to, as minijinja's lenient
     * undefined: it prints as nothing, is falsy and iterates as empty (an empty list gives all
     * three in Jinjava), and reading an attribute of it is an error.
     */
    public static final class Undefined extends AbstractList<Object> implements PyishSerializable {
        public static final Undefined INSTANCE = new Undefined();

        private Undefined() {
        }

        @Override
        public Object get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "";
        }
    }
}
