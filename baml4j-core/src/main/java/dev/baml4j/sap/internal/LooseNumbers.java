package dev.baml4j.sap.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written loosely in text: {@code "1,234.5"}, {@code "3/4"}, {@code "$1,200"},
 * {@code "12%"}, {@code "The answer is 42."}. Commas are always thousands separators.
 */
final class LooseNumbers {

    /** A parsed number and whether it was picked out of surrounding prose. */
    record Found(double value, boolean fromProse) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?\\$?(?:\\d+(?:,\\d+)*(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern FRACTION = Pattern.compile("\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*/\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*");

    private LooseNumbers() {
    }

    static Found parse(String text) {
        String s = text.trim();
        while (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1);
        }
        if (NumberText.isFloatLiteral(s)) {
            return new Found(NumberText.parse(s), false);
        }
        Matcher f = FRACTION.matcher(s);
        if (f.matches()) {
            double den = Double.parseDouble(f.group(2));
            if (den != 0) {
                return new Found(Double.parseDouble(f.group(1)) / den, false);
            }
        }
        Matcher m = NUMBER.matcher(s);
        String found = null;
        int count = 0;
        int start = -1;
        int end = -1;
        while (m.find()) {
            count++;
            if (count > 1) {
                return null;
            }
            found = m.group();
            start = m.start();
            end = m.end();
        }
        if (found == null) {
            return null;
        }
        String cleaned = found.replace(",", "").replace("$", "");
        try {
            double d = Double.parseDouble(cleaned);
            boolean prose = !onlySymbolsAround(s, start, end);
            return new Found(d, prose);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean onlySymbolsAround(String s, int start, int end) {
        for (int i = 0; i < s.length(); i++) {
            if (i >= start && i < end) {
                continue;
            }
            if (Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Half away from zero, as the official runtime rounds floats into ints. */
    static Long roundToLong(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > 9.2e18) {
            return null;
        }
        return (long) (Math.signum(d) * Math.floor(Math.abs(d) + 0.5));
    }
}
