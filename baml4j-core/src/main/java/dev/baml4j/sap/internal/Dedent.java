package dev.baml4j.sap.internal;

/** Removes the common leading indentation of the non-blank lines and trims surrounding blank lines. */
final class Dedent {

    private Dedent() {
    }

    static String dedent(String s) {
        String[] lines = s.split("\n", -1);
        int min = Integer.MAX_VALUE;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            min = Math.min(min, i);
        }
        if (min == Integer.MAX_VALUE) {
            min = 0;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            out.append(line.length() >= min ? line.substring(min) : line.stripLeading());
        }
        return out.toString().strip();
    }
}
