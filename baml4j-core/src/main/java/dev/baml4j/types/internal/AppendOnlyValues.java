package dev.baml4j.types.internal;

import dev.baml4j.types.BamlValue;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A growing list of values that hands out immutable prefix views in O(1): a streaming parse keeps
 * one per open list and builds each partial {@link BamlValue.ListValue} from a view instead of
 * copying every row received so far. Internal: no compatibility promise.
 *
 * <p>Slots are only ever written at or beyond the current size, and a view records the size it
 * was taken at, so a view never changes after it is handed out. Not thread-safe for appending;
 * views are safe to share (they reach the array through a final field, written before
 * publication).
 */
public final class AppendOnlyValues {

    private BamlValue[] items;
    private int size;

    public AppendOnlyValues() {
        this(8);
    }

    /** A buffer sized for {@code expected} values (it still grows past that). */
    public AppendOnlyValues(int expected) {
        items = new BamlValue[Math.max(1, expected)];
    }

    public void add(BamlValue value) {
        Objects.requireNonNull(value, "value");
        if (size == items.length) {
            // Old views keep the old array; its first `size` slots stay as they are.
            items = Arrays.copyOf(items, size + (size >> 1) + 1);
        }
        items[size++] = value;
    }

    public int size() {
        return size;
    }

    /** The values added so far, as an immutable list. */
    public List<BamlValue> view() {
        return new View(items, size, null);
    }

    /** The values added so far followed by {@code last}, which is not added to the buffer. */
    public List<BamlValue> viewWith(BamlValue last) {
        return new View(items, size, Objects.requireNonNull(last, "last"));
    }

    /** Whether {@code list} is one of these views, hence immutable and free of nulls. */
    public static boolean isView(List<?> list) {
        return list instanceof View;
    }

    private static final class View extends AbstractList<BamlValue> implements RandomAccess {
        private final BamlValue[] base;
        private final int baseSize;
        private final BamlValue last;

        View(BamlValue[] base, int baseSize, BamlValue last) {
            this.base = base;
            this.baseSize = baseSize;
            this.last = last;
        }

        @Override
        public BamlValue get(int index) {
            if (index >= 0 && index < baseSize) {
                return base[index];
            }
            if (index == baseSize && last != null) {
                return last;
            }
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
        }

        @Override
        public int size() {
            return last == null ? baseSize : baseSize + 1;
        }
    }
}
