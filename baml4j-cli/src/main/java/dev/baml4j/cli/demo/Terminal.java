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

    /** Replaces the block drawn by the previous call (on a terminal); otherwise prints it. */
    public void redraw(String block) {
        if (ansi && redrawLines > 0) {
            out.print("\u001b[" + redrawLines + "A\u001b[J");
        }
        out.println(block);
        out.flush();
        redrawLines = block.split("\n", -1).length;
    }

    /** Ends a sequence of redraws: the next redraw starts a new block. */
    public void endRedraw() {
        redrawLines = 0;
    }

    public String paint(String sgr, String text) {
        return ansi ? "\u001b[" + sgr + "m" + text + RESET : text;
    }
}
