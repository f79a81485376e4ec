package dev.baml4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.emulator.Credentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "resume");

    private static String runDemo(boolean ansi) throws Exception {
        StringWriter text = new StringWriter();
        new Demo(EXAMPLE, new Terminal(new PrintWriter(text, true), ansi)).run();
        return text.toString();
    }

    @Test
    void runsEveryStepAgainstTheEmulatorInPlainText() throws Exception {
        String out = runDemo(false);

        assertThat(out).doesNotContain("\u001b[");
        assertThat(out).contains("1/5", "2/5", "3/5", "4/5", "5/5");
        // 1: the typed result, parsed from fenced JSON with an alias and a trailing comma.
        assertThat(out).contains("\"name\" : \"Ada Lovelace\"", "\"seniority\" : \"STAFF\"", "signature verified");
        // 2: partials stream in before the final value.
        assertThat(out).contains("partial 1:", "final: {\"subject\":\"Ada, a Staff Engineer role made for you\"");
        // 3: the finish-reason check.
        assertThat(out).contains("BamlClientFinishReasonException: finish reason `max_tokens`");
        // 4: three throttled attempts, then the other region.
        assertThat(out).contains("Claude: HTTP 429 ThrottlingException", "ClaudeWest: ", "after 4 attempts");
        // 5: the preview, with the secret and the signature redacted.
        assertThat(out).contains("curl", "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
        // Claude's retry_policy owns retries, so the SDK makes one attempt per request.
        assertThat(out).contains("amz-sdk-request: attempt=1; max=1");
        assertThat(out).doesNotContain(Credentials.EXAMPLE_SECRET_ACCESS_KEY);
        assertThat(out).containsPattern("(?i)redacted");
        assertThat(out).contains("Remove the `endpoint_url");
    }

    @Test
    void redrawsPartialsInPlaceOnATerminal() throws Exception {
        String out = runDemo(true);

        assertThat(out).contains("\u001b[1;36m1/5");
        // Cursor-up-and-clear between partials: the object is redrawn, not appended.
        assertThat(out).containsPattern("\u001b\\[\\d+A\u001b\\[J");
        assertThat(out).doesNotContain("partial 1:");
    }
}
