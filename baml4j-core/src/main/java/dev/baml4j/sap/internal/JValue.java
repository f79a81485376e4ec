package dev.baml4j.sap.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate value tree the lenient tokenizer produces: JSON-like nodes that remember whether
 * they were closed in the text ({@code complete}). Containers are filled while the tokenizer runs
 * and are read-only afterwards; coercion never re-tokenizes.
 */
public sealed interface JValue {

    /** Whether the text closed this node (a string's quote, a container's bracket, a delimiter after a number). */
    boolean complete();

    /** A string; {@code value} grows while the tokenizer is inside it. */
    final class JString implements JValue {
        final StringBuilder text;
        boolean complete;

        public JString(String value, boolean complete) {
            this.text = new StringBuilder(value);
            this.complete = complete;
        }

        public String value() {
            return text.toString();
        }

        @Override
        public boolean complete() {
            return complete;
        }
    }

    /** A number, kept as written ({@code 1e3}, {@code -0.5}); {@code complete} is false at the end of a stream. */
    record JNumber(String text, boolean complete) implements JValue {
        public boolean isIntegral() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return false;
                }
            }
            return true;
        }

        public double asDouble() {
            return NumberText.parse(text);
        }
    }

    record JBool(boolean value) implements JValue {
        @Override
        public boolean complete() {
            return true;
        }
    }

    /** JSON {@code null}. */
    record JNull() implements JValue {
        public static final JNull INSTANCE = new JNull();

        @Override
        public boolean complete() {
            return true;
        }
    }

    /** An object; keys in input order, duplicates kept (coercion takes the first). */
    final class JObject implements JValue {
        final List<String> keys = new ArrayList<>();
        final List<JValue> values = new ArrayList<>();
        boolean complete;
        /** Coercions of this closed node already done while streaming (type → result). */
        Memo memo;

        public List<String> keys() {
            return keys;
        }

        public List<JValue> values() {
            return values;
        }

        public int size() {
            return values.size();
        }

        @Override
        public boolean complete() {
            return complete;
        }
    }

    final class JArray implements JValue {
        final List<JValue> items;
        boolean complete;
        Memo memo;
        /** While streaming: the coerced values of the leading items that can no longer change. */
        Object prefixType;
        dev.baml4j.types.internal.AppendOnlyValues prefixValues;
        int prefixCount;
        int prefixScore;
        int prefixChildScores;

        public JArray() {
            this.items = new ArrayList<>();
        }

        public JArray(List<JValue> items, boolean complete) {
            this.items = new ArrayList<>(items);
            this.complete = complete;
        }

        public List<JValue> items() {
            return items;
        }

        @Override
        public boolean complete() {
            return complete;
        }
    }

    /**
     * Results of coercing a closed container while streaming: a closed node never changes, so
     * later chunks reuse them instead of walking the finished part of the tree again.
     */
    final class Memo {
        private static final int SIZE = 4;
        private final Object[] types = new Object[SIZE];
        private final Coerced[] results = new Coerced[SIZE];
        private int next;

        Coerced get(Object type) {
            for (int i = 0; i < SIZE; i++) {
                if (types[i] == type) {
                    return results[i];
                }
            }
            return null;
        }

        void put(Object type, Coerced result) {
            types[next] = type;
            results[next] = result;
            next = (next + 1) % SIZE;
        }
    }

    /** The content of a markdown code fence ({@code ```json}); {@code tag} is the fence's language. */
    record JMarkdown(String tag, JValue inner, boolean complete) implements JValue {
    }

    /** A value repaired by the fixing tokenizer or found by grepping prose for JSON. */
    record JFixed(JValue inner) implements JValue {
        @Override
        public boolean complete() {
            return inner.complete();
        }
    }

    /** Every reading of the whole text, best first, plus the text itself. */
    record JAnyOf(List<JValue> candidates, String original, boolean complete) implements JValue {
    }
}
