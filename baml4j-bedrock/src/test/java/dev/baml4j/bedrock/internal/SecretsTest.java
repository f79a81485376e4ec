package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.TestClients.env;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.BamlConfigException;
import dev.baml4j.bedrock.AwsBedrockProvider;
import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Secret keys and session tokens never show in messages, toString, previews or console output. */
class SecretsTest {

    private static final String SECRET = "sEcReT/ValueThatMustNeverLeak0123456789";
    private static final String TOKEN = "TokenThatMustNeverLeak//////////abc";

    private static String everything(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    @Test
    @ResourceLock("system-out")
    void secretsStayOutOfEveryOutput() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        try {
            Map<String, Object> o = new HashMap<>();
            o.put("endpoint_url", "http://127.0.0.1:9");
            o.put("access_key_id", env("MY_KEY"));
            o.put("secret_access_key", env("MY_SECRET"));
            o.put("session_token", env("MY_TOKEN"));
            Map<String, String> envMap = Map.of("MY_KEY", "AKIDLEAKTEST", "MY_SECRET", SECRET, "MY_TOKEN", TOKEN,
                    "AWS_EC2_METADATA_DISABLED", "true");
            LlmClient c = new AwsBedrockProvider().create(TestClients.with(o), new ClientContext(envMap, true));
            seen.append(c).append(c.preview(new RenderedPrompt(List.of(ChatMessage.text("user", "x"))), true));
            seen.append(((BedrockLlmClient) c).options());
            // Nothing listens on port 9: the call fails with a connection error.
            seen.append(everything(c.call(new RenderedPrompt(List.of(ChatMessage.text("user", "x"))))
                    .handle((r, e) -> e).join()));
            // A half-set pair from env: the error names the variables, never the values.
            Map<String, String> broken = Map.of("MY_KEY", "", "MY_SECRET", SECRET, "MY_TOKEN", TOKEN);
            try {
                new AwsBedrockProvider().create(TestClients.with(o), new ClientContext(broken, true));
            } catch (BamlConfigException e) {
                seen.append(everything(e)).append(e.diagnostics());
                assertThat(e.getMessage()).contains("MY_SECRET");
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String all = seen + console.toString(StandardCharsets.UTF_8);
        assertThat(all).contains("AKIDLEAKTEST").contains("Probe");
        assertThat(all).doesNotContain(SECRET).doesNotContain(TOKEN);
    }
}
