package dev.baml4j.types.internal;

import dev.baml4j.types.BamlValue;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the ordered, immutable field map of a {@link BamlValue.ClassValue} or the entries of a
 * {@link BamlValue.MapValue} without the defensive copy their constructors make of any other map:
 * the parser builds one per class instance per chunk while streaming. Once {@link #build()} has
 * run the builder refuses more entries, so the map it returned can never change. Internal: no
 * compatibility promise.
 */
public final class FrozenMapBuilder {

    private LinkedHashMap<String, BamlValue> map = new LinkedHashMap<>();

    public FrozenMapBuilder put(String key, BamlValue value) {
        open().put(key, value);
        return this;
    }

    public boolean containsKey(String key) {
        return open().containsKey(key);
    }

    /** The entries as an immutable map, in insertion order; the builder is spent afterwards. */
    public Map<String, BamlValue> build() {
        Map<String, BamlValue> frozen = new Frozen(open());
        map = null;
        return frozen;
    }

    /** Whether {@code m} came from {@link #build()}, hence immutable. */
    public static boolean isFrozen(Map<?, ?> m) {
        return m instanceof Frozen;
    }

    private LinkedHashMap<String, BamlValue> open() {
        if (map == null) {
            throw new IllegalStateException("the map was already built");
        }
        return map;
    }

    /** Reads go to an unmodifiable view of a map nothing else references. */
    private static final class Frozen extends AbstractMap<String, BamlValue> {
        private final Map<String, BamlValue> view;

        Frozen(LinkedHashMap<String, BamlValue> owned) {
            this.view = Collections.unmodifiableMap(owned);
        }

        @Override
        public Set<Entry<String, BamlValue>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<BamlValue> values() {
            return view.values();
        }

        @Override
        public BamlValue get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public boolean equals(Object o) {
            return view.equals(o);
        }

        @Override
        public int hashCode() {
            return view.hashCode();
        }
    }
}
