package dev.baml4j.sap.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict JSON through Jackson's streaming parser into candidate nodes, with an explicit stack
 * (no recursion) and duplicate keys kept. Returns null when the text is not exactly one JSON value.
 */
final class StrictJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StrictJson() {
    }

    static JValue parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            List<JValue> stack = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            JValue root = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (root != null && stack.isEmpty()) {
                    return null;
                }
                JValue v;
                switch (t) {
                    case FIELD_NAME:
                        keys.set(keys.size() - 1, p.currentName());
                        continue;
                    case END_OBJECT:
                    case END_ARRAY: {
                        JValue done = stack.remove(stack.size() - 1);
                        keys.remove(keys.size() - 1);
                        if (done instanceof JValue.JObject o) {
                            o.complete = true;
                        } else {
                            ((JValue.JArray) done).complete = true;
                        }
                        continue;
                    }
                    case START_OBJECT:
                        v = new JValue.JObject();
                        break;
                    case START_ARRAY:
                        v = new JValue.JArray();
                        break;
                    case VALUE_STRING:
                        v = new JValue.JString(p.getText(), true);
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        v = new JValue.JNumber(p.getText(), true);
                        break;
                    case VALUE_TRUE:
                        v = new JValue.JBool(true);
                        break;
                    case VALUE_FALSE:
                        v = new JValue.JBool(false);
                        break;
                    case VALUE_NULL:
                        v = JValue.JNull.INSTANCE;
                        break;
                    default:
                        return null;
                }
                if (stack.isEmpty()) {
                    root = v;
                } else {
                    JValue parent = stack.get(stack.size() - 1);
                    if (parent instanceof JValue.JObject o) {
                        o.keys.add(keys.get(keys.size() - 1));
                        o.values.add(v);
                    } else {
                        ((JValue.JArray) parent).items.add(v);
                    }
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (stack.size() >= FixingParser.MAX_DEPTH) {
                        return null;
                    }
                    stack.add(v);
                    keys.add(null);
                }
            }
            return stack.isEmpty() ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
