package dev.baml4j.sap.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds which of several named candidates a piece of text means, the way enum values and string
 * literals are matched: exact, then substring counts, over three normalisations (as is,
 * punctuation removed, lowercased). A tie for the most matches is ambiguous.
 */
final class TextMatcher {

    /** The outcome: a winning name, an ambiguity, or nothing. */
    record Result(String winner, boolean exact, String ambiguity) {
    }

    private TextMatcher() {
    }

    /** {@code candidates}: name → the strings that mean it, in declaration order. */
    static Result match(String text, Map<String, List<String>> candidates) {
        String trimmed = text.trim();
        for (int pass = 0; pass < 3; pass++) {
            String t = normalise(trimmed, pass);
            Map<String, List<String>> cands = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : candidates.entrySet()) {
                List<String> forms = new ArrayList<>();
                for (String c : e.getValue()) {
                    String n = normalise(c.trim(), pass);
                    if (!n.isEmpty()) {
                        forms.add(n);
                    }
                }
                cands.put(e.getKey(), forms);
            }
            for (Map.Entry<String, List<String>> e : cands.entrySet()) {
                for (String c : e.getValue()) {
                    if (c.equals(t)) {
                        return new Result(e.getKey(), true, null);
                    }
                }
            }
            String folded = fold(t);
            for (Map.Entry<String, List<String>> e : cands.entrySet()) {
                for (String c : e.getValue()) {
                    if (fold(c).equals(folded)) {
                        return new Result(e.getKey(), true, null);
                    }
                }
            }
            Result r = countMatches(t, cands);
            if (r == null) {
                Map<String, List<String>> foldedCands = new LinkedHashMap<>();
                for (Map.Entry<String, List<String>> e : cands.entrySet()) {
                    List<String> forms = new ArrayList<>();
                    for (String c : e.getValue()) {
                        forms.add(fold(c));
                    }
                    foldedCands.put(e.getKey(), forms);
                }
                r = countMatches(folded, foldedCands);
            }
            if (r != null) {
                return r;
            }
        }
        return new Result(null, false, null);
    }

    private record Hit(int start, int end, String name) {
    }

    private static Result countMatches(String text, Map<String, List<String>> cands) {
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : cands.entrySet()) {
            for (String c : e.getValue()) {
                int from = 0;
                while (true) {
                    int at = text.indexOf(c, from);
                    if (at < 0) {
                        break;
                    }
                    hits.add(new Hit(at, at + c.length(), e.getKey()));
                    from = at + 1;
                }
            }
        }
        if (hits.isEmpty()) {
            return null;
        }
        hits.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start)
                : Integer.compare(b.end - b.start, a.end - a.start));
        Map<String, Integer> counts = new LinkedHashMap<>();
        int lastEnd = -1;
        for (Hit h : hits) {
            if (h.start < lastEnd) {
                continue;
            }
            lastEnd = h.end;
            counts.merge(h.name, 1, Integer::sum);
        }
        int best = 0;
        for (int n : counts.values()) {
            best = Math.max(best, n);
        }
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() == best) {
                top.add(e.getKey());
            }
        }
        if (top.size() == 1) {
            return new Result(top.get(0), false, null);
        }
        TreeMap<String, Integer> sorted = new TreeMap<>(counts);
        StringBuilder msg = new StringBuilder();
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            if (msg.length() > 0) {
                msg.append(", ");
            }
            msg.append(e.getKey()).append(" (").append(e.getValue()).append(" times)");
        }
        return new Result(null, false, msg.toString());
    }

    private static String normalise(String s, int pass) {
        if (pass == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            }
        }
        String out = b.toString();
        return pass == 2 ? out.toLowerCase(Locale.ROOT) : out;
    }

    /** Accent folding: NFKD without combining marks, plus the letters NFKD leaves alone. */
    static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return d.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ø", "o").replace("Ø", "O")
                .replace("œ", "oe").replace("Œ", "OE");
    }
}
