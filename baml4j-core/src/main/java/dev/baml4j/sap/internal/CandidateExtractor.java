package dev.baml4j.sap.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole LLM reply into candidate trees, first stage that finds something wins: strict
 * JSON, markdown fences with a language tag, JSON grepped out of prose, the fixing tokenizer over
 * everything, and finally the text itself.
 */
public final class CandidateExtractor {

    /** Thrown when the text nests deeper than the tokenizer allows. */
    public static final class TooDeepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeepException() {
            super("the output nests brackets deeper than " + FixingParser.MAX_DEPTH + " levels", null, false, false);
        }
    }

    private CandidateExtractor() {
    }

    public static JValue.JAnyOf extract(String text, boolean done) {
        List<JValue> candidates = stages(text, done, true);
        return new JValue.JAnyOf(candidates, text, done);
    }

    private static List<JValue> stages(String text, boolean done, boolean allowString) {
        List<JValue> out = new ArrayList<>();
        JValue strict = StrictJson.parse(text);
        if (strict != null) {
            if (!done && strict instanceof JValue.JNumber n) {
                strict = new JValue.JNumber(n.text(), false);
            }
            out.add(strict);
            return out;
        }
        List<JValue> fences = MarkdownFences.find(text, done);
        if (!fences.isEmpty()) {
            out.addAll(fences);
            if (fences.size() > 1) {
                out.add(new JValue.JArray(fences, true));
            }
            return out;
        }
        List<JValue.JAnyOf> regions = grepRegions(text);
        if (regions.size() == 1) {
            out.add(new JValue.JFixed(regions.get(0).candidates().get(0)));
            return out;
        }
        if (!regions.isEmpty()) {
            // Several JSON values in prose: all of them as a list comes first (each item keeps its
            // own text, which a string item takes verbatim), then each one alone.
            out.add(new JValue.JFixed(new JValue.JArray(new ArrayList<>(regions), true)));
            for (JValue.JAnyOf r : regions) {
                out.add(new JValue.JFixed(r.candidates().get(0)));
            }
            return out;
        }
        FixingParser fixing = parse(text, false);
        List<JValue> roots = fixing.roots();
        if (!roots.isEmpty()) {
            boolean allStrings = roots.stream().allMatch(r -> r instanceof JValue.JString);
            if (roots.size() == 1) {
                out.add(new JValue.JFixed(roots.get(0)));
            } else if (allStrings) {
                out.add(new JValue.JFixed(new JValue.JArray(roots, true)));
            } else {
                List<JValue> kept = new ArrayList<>();
                for (JValue r : roots) {
                    if (r instanceof JValue.JObject || r instanceof JValue.JArray) {
                        kept.add(r);
                    }
                }
                addAll(out, kept);
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (allowString) {
            out.add(new JValue.JString(text, done));
        }
        return out;
    }

    /** Candidates for the content of one fence: everything but the plain-string fallback. */
    static List<JValue> inner(String text, boolean done) {
        return stages(text, done, false);
    }

    static void addAll(List<JValue> out, List<JValue> roots) {
        for (JValue r : roots) {
            out.add(new JValue.JFixed(r));
        }
        if (roots.size() > 1) {
            out.add(new JValue.JFixed(new JValue.JArray(roots, true)));
        }
    }

    private static FixingParser parse(String text, boolean grep) {
        FixingParser p = FixingParser.parseAll(text, grep);
        if (p.tooDeep()) {
            throw new TooDeepException();
        }
        return p;
    }

    /** Balanced {@code {...}} / {@code [...]} regions in prose, each parsed strictly or leniently; an unclosed last one too. */
    private static List<JValue.JAnyOf> grepRegions(String text) {
        List<JValue.JAnyOf> out = new ArrayList<>();
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open.length() == 0) {
                if (c == '{' || c == '[') {
                    open.append(c);
                    start = i;
                }
                continue;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (open.length() >= FixingParser.MAX_DEPTH) {
                    throw new TooDeepException();
                }
                open.append(c);
            } else if (c == '}' || c == ']') {
                char expected = open.charAt(open.length() - 1) == '{' ? '}' : ']';
                if (c != expected) {
                    return List.of();
                }
                open.setLength(open.length() - 1);
                if (open.length() == 0) {
                    String body = text.substring(start, i + 1);
                    out.add(new JValue.JAnyOf(List.of(region(body, true)), body, true));
                }
            }
        }
        if (open.length() > 0) {
            String body = text.substring(start);
            out.add(new JValue.JAnyOf(List.of(region(body, false)), body, false));
        }
        return out;
    }

    private static JValue region(String text, boolean closed) {
        if (closed) {
            JValue strict = StrictJson.parse(text);
            if (strict != null) {
                return strict;
            }
        }
        FixingParser p = parse(text, false);
        if (p.roots().isEmpty()) {
            return new JValue.JString(text, closed);
        }
        return p.roots().get(0);
    }
}
