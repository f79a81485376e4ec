package dev.baml4j.sap.internal;

import java.util.ArrayList;
import java.util.List;

/** Markdown code fences with a language tag ({@code ```json}); an unclosed fence runs to the end. */
final class MarkdownFences {

    private MarkdownFences() {
    }

    static List<JValue> find(String text, boolean done) {
        List<JValue> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("```", from);
            if (open < 0) {
                break;
            }
            int tagStart = open + 3;
            int i = tagStart;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == ' ')) {
                i++;
            }
            String tag = text.substring(tagStart, i).trim();
            boolean lineEnds = i >= text.length() || text.charAt(i) == '\n';
            if (tag.isEmpty() || !lineEnds) {
                from = open + 3;
                continue;
            }
            int bodyStart = Math.min(i + 1, text.length());
            int close = text.indexOf("```", bodyStart);
            String body = close < 0 ? text.substring(bodyStart) : text.substring(bodyStart, close);
            boolean closed = close >= 0;
            List<JValue> inner = CandidateExtractor.inner(body, done || closed);
            if (!inner.isEmpty()) {
                JValue v = inner.size() == 1 ? inner.get(0) : new JValue.JAnyOf(inner, body, closed || done);
                out.add(new JValue.JMarkdown(tag, v, closed));
            }
            if (close < 0) {
                break;
            }
            from = close + 3;
        }
        return out;
    }
}
