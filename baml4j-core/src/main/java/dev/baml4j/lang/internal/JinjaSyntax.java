package dev.baml4j.lang.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Checks the block structure of a prompt's Jinja at load time, as BAML does: every
 * {@code {{ }}}, {@code {% %}} and {@code {# #}} is closed, and every {@code if}, {@code for},
 * {@code macro}, ... has its matching end tag. Expressions themselves are left to the renderer.
 */
final class JinjaSyntax {

    /** Block tags and the tag that closes each. */
    private static final Map<String, String> BLOCKS = Map.ofEntries(
            Map.entry("if", "endif"), Map.entry("for", "endfor"), Map.entry("macro", "endmacro"),
            Map.entry("filter", "endfilter"), Map.entry("call", "endcall"), Map.entry("with", "endwith"),
            Map.entry("block", "endblock"), Map.entry("autoescape", "endautoescape"), Map.entry("set", "endset"));

    /** Where a problem is: an offset into the checked text, its length, the message and a hint. */
    interface Sink {
        void error(int offset, int length, String message, String hint);
    }

    private record Open(String tag, int offset) {
    }

    private JinjaSyntax() {
    }

    static void check(String text, Sink sink) {
        Deque<Open> open = new ArrayDeque<>();
        int i = 0;
        while (true) {
            int start = text.indexOf('{', i);
            if (start < 0 || start + 1 >= text.length()) {
                break;
            }
            char kind = text.charAt(start + 1);
            if (kind != '{' && kind != '%' && kind != '#') {
                i = start + 1;
                continue;
            }
            String close = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
            int end = text.indexOf(close, start + 2);
            if (end < 0) {
                sink.error(start, 2, "unclosed `{" + kind + "` in the template", "close it with `" + close + "`");
                return;
            }
            if (kind == '%') {
                String body = text.substring(start + 2, end).strip();
                body = stripDash(body);
                String word = firstWord(body);
                if (word.equals("raw")) {
                    int endRaw = findEndRaw(text, end + 2);
                    if (endRaw < 0) {
                        sink.error(start, end + 2 - start, "`{% raw %}` is never closed", "add `{% endraw %}`");
                        return;
                    }
                    i = endRaw;
                    continue;
                }
                tag(word, body, start, end + 2 - start, open, sink);
            }
            i = end + 2;
        }
        for (Open o : open) {
            sink.error(o.offset(), 2, "`{% " + o.tag() + " %}` is never closed", "add `{% " + BLOCKS.get(o.tag())
                    + " %}`");
        }
    }

    private static void tag(String word, String body, int offset, int length, Deque<Open> open, Sink sink) {
        if (BLOCKS.containsKey(word)) {
            // `{% set x = 1 %}` is a statement; only `{% set x %}…{% endset %}` opens a block.
            if (!word.equals("set") || !body.contains("=")) {
                open.push(new Open(word, offset));
            }
        } else if (BLOCKS.containsValue(word)) {
            String opener = word.substring(3);
            if (open.isEmpty()) {
                sink.error(offset, length, "`{% " + word + " %}` without a `{% " + opener + " %}`",
                        "remove it, or open the block first");
            } else if (!open.peek().tag().equals(opener)) {
                Open inner = open.peek();
                sink.error(offset, length, "`{% " + word + " %}` where `{% " + BLOCKS.get(inner.tag())
                        + " %}` was expected", "close the inner `{% " + inner.tag() + " %}` first");
                if (open.stream().anyMatch(o -> o.tag().equals(opener))) {
                    while (!open.peek().tag().equals(opener)) {
                        open.pop();
                    }
                    open.pop();
                }
            } else {
                open.pop();
            }
        } else if (word.equals("elif") || word.equals("else")) {
            boolean inIfOrFor = !open.isEmpty() && (open.peek().tag().equals("if")
                    || (word.equals("else") && open.peek().tag().equals("for")));
            if (!inIfOrFor) {
                sink.error(offset, length, "`{% " + word + " %}` outside an `{% if %}` block", null);
            }
        }
    }

    private static String stripDash(String body) {
        String b = body;
        if (b.startsWith("-") || b.startsWith("+")) {
            b = b.substring(1);
        }
        if (b.endsWith("-") || b.endsWith("+")) {
            b = b.substring(0, b.length() - 1);
        }
        return b.strip();
    }

    private static String firstWord(String body) {
        int n = 0;
        while (n < body.length() && (Character.isLetterOrDigit(body.charAt(n)) || body.charAt(n) == '_')) {
            n++;
        }
        return body.substring(0, n);
    }

    /** The offset just after the {@code {% endraw %}} that closes a raw block, or -1. */
    private static int findEndRaw(String text, int from) {
        int i = from;
        while (true) {
            int start = text.indexOf("{%", i);
            if (start < 0) {
                return -1;
            }
            int end = text.indexOf("%}", start + 2);
            if (end < 0) {
                return -1;
            }
            if (stripDash(text.substring(start + 2, end).strip()).equals("endraw")) {
                return end + 2;
            }
            i = end + 2;
        }
    }
}
