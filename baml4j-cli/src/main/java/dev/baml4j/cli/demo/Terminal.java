package dev.baml4j.cli.demo;

import java.io.PrintWriter;

/**
 * Writes the demo's output: ANSI colour and in-place redraws on a terminal, plain lines when the
 * output is piped or {@code NO_COLOR} is set.
 */
public final class Terminal {

    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean ansi;
    private int redrawLines;

    public Terminal(PrintWriter out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    /** ANSI when stdout is a console and {@code NO_COLOR} is unset (https://no-color.org). */
    public static boolean detectAnsi() {
        return System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    public boolean isAnsi() {
        return ansi;
    }

    public void heading(String step, String title) {
        out.println();
        out.println(paint("1;36", step + " ") + paint("1", title));
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public void ok(String text) {
        line(paint("32", "✔ ") + text);
    }

    public void caught(String text) {
        line(paint("33", "✘ ") + text);
    }

    public void dim(String text) {
        line(paint("2", text));
    }

    /**
     * Replaces the block drawn by the previous call (on a terminal); otherwise prints it. Lines are
     * cut to the terminal's width, so that none wraps and the cursor moves back exactly.
     */
    public void redraw(String block) {
        if (ansi && redrawLines > 0) {
            out.print("\u001b[" + redrawLines + "A\u001b[J");
        }
        String[] lines = block.split("\n", -1);
        int width = ansi ? width() : Integer.MAX_VALUE;
        for (String line : lines) {
            out.println(line.length() < width ? line : line.substring(0, width - 2) + "…");
        }
        out.flush();
        redrawLines = lines.length;
    }

    /** The terminal's width from {@code COLUMNS} when the shell exports it, else a safe 80. */
    private static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
            return Math.max(20, columns);
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Ends a sequence of redraws with a last block shown in full; the next redraw starts a new block. */
    public void endRedraw(String block) {
        if (ansi && redrawLines > 0) {
            out.print("\u001b[" + redrawLines + "A\u001b[J");
        }
        line(block);
        redrawLines = 0;
    }

    public String paint(String sgr, String text) {
        return ansi ? "\u001b[" + sgr + "m" + text + RESET : text;
    }
}
