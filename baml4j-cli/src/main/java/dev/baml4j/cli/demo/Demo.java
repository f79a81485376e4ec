package dev.baml4j.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.emulator.Rules;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.runtime.Collector;
import dev.baml4j.runtime.FunctionLog;
import dev.baml4j.runtime.LlmCall;
import dev.baml4j.types.BamlValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The five steps of {@code baml4j demo}, against an emulator started in this process and stopped
 * at the end whatever happens.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESUME_TEXT = String.join("\n",
            "Ada Lovelace — ada@example.com",
            "Analyst, Analytical Engines Ltd (1842–1852): wrote the first published algorithm;",
            "described loops and subroutines. Leads work across teams.",
            "Skills: mathematics, programming, technical writing");

    private final Path project;
    private final Terminal out;

    public Demo(Path project, Terminal out) {
        this.project = project;
        this.out = out;
    }

    public void run() throws IOException {
        BamlRuntime runtime = BamlRuntime.fromDirectory(project.resolve("baml_src"));
        Rules rules = Rules.load(project.resolve("emulator-rules.json"));
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).rules(rules).build().start()) {
            out.line(out.paint("1", "baml4j demo") + ": " + project.getFileName() + " against the Bedrock emulator at "
                    + emulator.uri() + " (SigV4 checked on every request)");
            CallOptions options = CallOptions.builder().env(environment(emulator)).build();

            BamlValue resume = typedCall(runtime, options, emulator);
            stream(runtime, options, resume);
            finishReason(runtime, options, emulator);
            fallback(runtime, options, emulator);
            preview(runtime, options);
        }
        out.heading("→", "Point the same project at real Amazon Bedrock");
        out.line("  1. Set credentials and a region the usual AWS way (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,");
        out.line("     AWS_PROFILE or an instance role; AWS_REGION), or the client's region option.");
        out.line("  2. Remove the `endpoint_url env.BEDROCK_ENDPOINT_URL` lines from "
                + project.resolve("baml_src").resolve("clients.baml"));
        out.line("  3. bin/baml4j run " + project.resolve("baml_src") + " ExtractResume --args '{\"resume_text\": \"…\"}'");
    }

    /** The emulator's URL and the AWS documentation example keys, over whatever the process has. */
    private static Map<String, String> environment(BedrockEmulator emulator) {
        return Map.of(
                "BEDROCK_ENDPOINT_URL", emulator.uri().toString(),
                "AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY,
                "AWS_SESSION_TOKEN", "",
                "AWS_PROFILE", "",
                "AWS_BEARER_TOKEN_BEDROCK", "");
    }

    private BamlValue typedCall(BamlRuntime runtime, CallOptions options, BedrockEmulator emulator) {
        out.heading("1/5", "A typed call: ExtractResume(resume_text) -> Resume");
        out.dim(indent(RESUME_TEXT));
        long start = System.nanoTime();
        BamlValue resume = runtime.call("ExtractResume", Map.of("resume_text", RESUME_TEXT), options);
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.line(indent(pretty(resume)));
        RecordedRequest sent = emulator.journal().last();
        out.ok("parsed the model's fenced, trailing-comma JSON into a Resume (alias `staff-plus` → STAFF) in " + ms
                + " ms (a cold JVM); signature " + (Boolean.TRUE.equals(sent.signatureValid()) ? "verified" : "NOT verified"));
        return resume;
    }

    private void stream(BamlRuntime runtime, CallOptions options, BamlValue resume) {
        out.heading("2/5", "A stream: DraftOutreach(candidate, role_title) -> OutreachEmail, partial objects as they arrive");
        int partials = 0;
        try (BamlStream<BamlValue, BamlValue> stream = runtime.stream("DraftOutreach",
                Map.of("candidate", resume, "role_title", "Staff Engineer"), options)) {
            for (BamlValue partial : stream) {
                partials++;
                if (out.isAnsi()) {
                    out.redraw(indent(pretty(partial)));
                } else {
                    out.line("  partial " + partials + ": " + shortened(compact(partial)));
                }
            }
            BamlValue email = stream.getFinalResponse();
            if (out.isAnsi()) {
                out.endRedraw(indent(pretty(email)));
            } else {
                out.line("  final: " + compact(email));
            }
        }
        out.ok(partials + " partial values, each one a valid OutreachEmail so far (strings grow, lists fill in)");
    }

    private void finishReason(BamlRuntime runtime, CallOptions options, BedrockEmulator emulator) {
        out.heading("3/5", "The finish-reason check: the model stops at max_tokens");
        emulator.control("{\"stopReason\": \"max_tokens\", \"times\": 1}");
        try {
            runtime.call("DraftOutreach", Map.of("candidate", sampleCandidate(), "role_title", "Staff Engineer"),
                    options);
            out.caught("the truncated reply was accepted (unexpected)");
        } catch (BamlClientFinishReasonException e) {
            out.ok("BamlClientFinishReasonException: finish reason `" + e.finishReason() + "` is not in client `"
                    + e.clientName() + "`'s finish_reason_allow_list; a truncated answer never passes as a result");
        } finally {
            emulator.control("{}");
        }
    }

    private void fallback(BamlRuntime runtime, CallOptions options, BedrockEmulator emulator) {
        out.heading("4/5", "A fallback: us-east-1 is throttled, ResilientClaude moves on to us-west-2");
        emulator.control("{\"status\": 429, \"errorType\": \"ThrottlingException\","
                + " \"errorMessage\": \"Too many requests, please wait before trying again.\", \"times\": 3}");
        Collector collector = new Collector("demo");
        try {
            BamlValue resume = runtime.call("ExtractResume", Map.of("resume_text", RESUME_TEXT),
                    options.toBuilder().collector(collector).build());
            FunctionLog log = collector.last().orElseThrow();
            List<LlmCall> calls = log.calls();
            for (LlmCall call : calls) {
                out.line("  " + call.clientName() + ": " + describe(call));
            }
            out.ok("got " + ((BamlValue.ClassValue) resume).fields().get("name").toJson() + " after " + calls.size()
                    + " attempts (retry_policy Patient on Claude, then ClaudeWest)");
        } finally {
            emulator.control("{}");
        }
    }

    private void preview(BamlRuntime runtime, CallOptions options) {
        out.heading("5/5", "The request preview: the exact signed HTTP request, secrets redacted");
        RequestPreview preview = runtime.preview("ExtractResume", Map.of("resume_text", "Grace Hopper, COBOL"), options);
        out.line(indent(preview.curl()));
        if (preview.cliForm() != null) {
            out.dim(indent(preview.cliForm()));
        }
        out.ok("the same with `bin/baml4j preview " + project.resolve("baml_src")
                + " ExtractResume --args '{\"resume_text\": \"…\"}'`");
    }

    private static String describe(LlmCall call) {
        String what = call.httpStatus() == null ? call.status().name() : "HTTP " + call.httpStatus();
        String code = call.errorCode() == null ? "" : " " + call.errorCode();
        return what + code + " in " + call.latency().toMillis() + " ms";
    }

    private static Map<String, Object> sampleCandidate() {
        return Map.of("name", "Grace Hopper", "seniority", "STAFF", "skills", List.of("COBOL"),
                "experience", List.of(Map.of("company", "US Navy", "title", "Rear Admiral", "highlights", List.of())));
    }

    private static String pretty(BamlValue value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode always serialises", e);
        }
    }

    private static String compact(BamlValue value) {
        return value.toJson().toString();
    }

    /** One line per partial when piped: enough to see it grow, short enough to read. */
    private static String shortened(String json) {
        return json.length() <= 110 ? json : json.substring(0, 50) + " … " + json.substring(json.length() - 56);
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
