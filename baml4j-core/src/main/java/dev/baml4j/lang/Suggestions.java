package dev.baml4j.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" candidates by edit distance, for diagnostics of the compiler and of providers.
 * Case is ignored, {@code -} and {@code _} count as the same character, and a name written without
 * them ({@code maxTokens} for {@code max_tokens}) is still found.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate within a typo's distance of {@code word}, or null. */
    public static String closest(String word, Collection<String> candidates) {
        List<String> all = close(word, candidates, 1);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Up to {@code limit} candidates within a typo's distance, closest first. */
    public static List<String> close(String word, Collection<String> candidates, int limit) {
        int max = Math.max(2, word.length() / 3);
        List<String> found = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String c : candidates) {
            if (c.equals(word)) {
                continue;
            }
            int d = Math.min(distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT)),
                    distance(squeezed(word), squeezed(c)));
            if (d <= max) {
                found.add(c);
                distances.add(d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(distances::get));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.size() && out.size() < limit; i++) {
            out.add(found.get(order.get(i)));
        }
        return out;
    }

    private static String squeezed(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, with {@code -} and {@code _} counted as the same character. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = same(a.charAt(i - 1), b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static boolean same(char x, char y) {
        return x == y || ((x == '-' || x == '_') && (y == '-' || y == '_'));
    }
}
