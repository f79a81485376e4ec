package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** The kinds of corpus case, recognised by their fields (see the corpus README). */
public enum CaseKind {
    /** {@code target}, {@code raw}, {@code expected} or {@code error}: a final parse. */
    SAP,
    /** The same plus {@code complete} and {@code expected_partial}: a streaming prefix. */
    SAP_PARTIAL,
    /** {@code function}, {@code args}, {@code expected_body} or {@code expected_error}: a rendered request. */
    PROMPT,
    /** {@code stage: "check"}: the project must fail to compile. */
    ERRORS_CHECK,
    /** {@code stage: "call"}: the project compiles, a call against a stub gives a result or error. */
    ERRORS_CALL,
    UNKNOWN;

    public static CaseKind of(JsonNode c) {
        if (c.has("stage")) {
            String stage = c.path("stage").asText();
            return stage.equals("check") ? ERRORS_CHECK : stage.equals("call") ? ERRORS_CALL : UNKNOWN;
        }
        if (c.has("target") && c.has("raw")) {
            return c.has("complete") || c.has("expected_partial") ? SAP_PARTIAL : SAP;
        }
        if (c.has("function") && (c.has("expected_body") || c.has("expected_error"))) {
            return PROMPT;
        }
        return UNKNOWN;
    }
}
