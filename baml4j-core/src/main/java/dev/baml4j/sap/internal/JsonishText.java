package dev.baml4j.sap.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Prints a candidate node the way the official runtime does when a string is expected:
 * {@code {a: [1, b]}} (unquoted, comma-space separated). Iterative, so deep trees are safe.
 */
final class JsonishText {

    private JsonishText() {
    }

    static String print(JValue root) {
        StringBuilder out = new StringBuilder();
        Deque<Object> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof String s) {
                out.append(s);
                continue;
            }
            JValue v = (JValue) item;
            if (v instanceof JValue.JString s) {
                out.append(s.value());
            } else if (v instanceof JValue.JNumber n) {
                out.append(numberText(n));
            } else if (v instanceof JValue.JBool b) {
                out.append(b.value());
            } else if (v instanceof JValue.JNull) {
                out.append("null");
            } else if (v instanceof JValue.JObject o) {
                work.push("}");
                for (int i = o.size() - 1; i >= 0; i--) {
                    work.push(o.values().get(i));
                    work.push((i > 0 ? ", " : "") + o.keys().get(i) + ": ");
                }
                work.push("{");
            } else if (v instanceof JValue.JArray a) {
                work.push("]");
                for (int i = a.items().size() - 1; i >= 0; i--) {
                    work.push(a.items().get(i));
                    if (i > 0) {
                        work.push(", ");
                    }
                }
                work.push("[");
            } else if (v instanceof JValue.JMarkdown m) {
                work.push(m.inner());
            } else if (v instanceof JValue.JFixed f) {
                work.push(f.inner());
            } else if (v instanceof JValue.JAnyOf any) {
                out.append(any.original());
            }
        }
        return out.toString();
    }

    /** Numbers print as the float parser reads them: {@code -12.5e2} gives {@code -1250.0}. */
    static String numberText(JValue.JNumber n) {
        String t = n.text();
        if (NumberText.isIntegerLiteral(t)) {
            return Long.toString(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
        }
        double d = n.asDouble();
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }
}
