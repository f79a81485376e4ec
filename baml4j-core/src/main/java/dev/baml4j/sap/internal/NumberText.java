package dev.baml4j.sap.internal;

import java.util.Locale;

/** Recognises number spellings the way the official runtime's float parser does. */
final class NumberText {

    private NumberText() {
    }

    /** {@code 12}, {@code -0.5}, {@code .5}, {@code 5.}, {@code 1e3}, {@code +2}, {@code NaN}, {@code inf}, {@code Infinity}. */
    static boolean isFloatLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        String rest = s.substring(i).toLowerCase(Locale.ROOT);
        if (rest.equals("nan") || rest.equals("inf") || rest.equals("infinity")) {
            return true;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    static double parse(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        String lower = t.toLowerCase(Locale.ROOT);
        boolean neg = lower.startsWith("-");
        String body = neg ? lower.substring(1) : lower;
        if (body.equals("nan")) {
            return Double.NaN;
        }
        if (body.equals("inf") || body.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    static boolean isIntegerLiteral(String s) {
        int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (i >= s.length() || s.length() - i > 18) {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
