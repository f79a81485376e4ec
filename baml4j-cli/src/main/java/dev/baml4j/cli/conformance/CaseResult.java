package dev.baml4j.cli.conformance;

import java.util.Objects;

/** The outcome of one case: passed, or what was expected and what came out (one line each). */
public record CaseResult(boolean passed, String expected, String got) {

    public static CaseResult pass() {
        return new CaseResult(true, "", "");
    }

    public static CaseResult fail(String expected, String got) {
        return new CaseResult(false, expected, got);
    }

    /** Passes when both texts are equal; otherwise a failure showing both. */
    public static CaseResult check(String expected, String got) {
        return Objects.equals(expected, got) ? pass() : fail(expected, got);
    }
}
