package dev.baml4j.cli.internal;

import dev.baml4j.BamlException;
import dev.baml4j.cli.UserError;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/** Prints a failed command's exception for people: one paragraph, the trace only on request. */
public final class ErrorReport {

    private ErrorReport() {
    }

    public static void print(Throwable ex, boolean verbose, PrintWriter err) {
        err.println("error: " + describe(ex));
        if (verbose) {
            printTrace(ex, err);
        } else if (!(ex instanceof UserError) && !(ex instanceof BamlException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
    }

    /** The message, with the causes' messages when they add something. */
    static String describe(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        String message = ex.getMessage();
        if (ex instanceof UserError || ex instanceof BamlException) {
            sb.append(message);
        } else {
            sb.append(ex.getClass().getSimpleName()).append(message == null ? "" : ": " + message);
        }
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = ex.getCause(); c != null && seen.add(c); c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !sb.toString().contains(m)) {
                sb.append(" (caused by: ").append(m).append(')');
            }
        }
        return sb.toString().replace('\n', ' ');
    }

    private static void printTrace(Throwable ex, PrintWriter err) {
        Set<Throwable> seen = new HashSet<>();
        String prefix = "";
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            err.println(prefix + t);
            for (StackTraceElement e : t.getStackTrace()) {
                err.println("\tat " + e);
            }
            prefix = "Caused by: ";
        }
    }
}
