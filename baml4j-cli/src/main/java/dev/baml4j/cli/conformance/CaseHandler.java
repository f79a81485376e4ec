package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one kind of conformance case. The runner gives each case to the first handler in
 * {@link CaseHandlers#ALL} that {@link #accepts} it; a case no handler accepts fails.
 *
 * <pre>{@code
 * final class SapHandler implements CaseHandler {
 *     public String name() { return "sap"; }
 *     public boolean accepts(JsonNode c) { return CaseKind.of(c) == CaseKind.SAP; }
 *     public CaseResult run(JsonNode c) { ... return CaseResult.check(expectedJson, gotJson); }
 * }
 * }</pre>
 */
public interface CaseHandler {

    /** A short name for reports ("sap", "errors(check)"). */
    String name();

    /** Whether this handler runs the case, judged from its fields. Must be cheap and never throw. */
    boolean accepts(JsonNode testCase);

    /** Runs the case. An exception counts as a failure with the exception's message as "got". */
    CaseResult run(JsonNode testCase);
}
