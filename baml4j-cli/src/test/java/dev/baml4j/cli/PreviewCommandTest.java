package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheSignedRequestAsCurlAndAwsCliWithSecretsRedacted() throws IOException {
        Files.writeString(dir.resolve("main.baml"), """
                client<llm> Claude {
                  provider aws-bedrock
                  options {
                    model "anthropic.claude-3-haiku-20240307-v1:0"
                    region "eu-west-1"
                    endpoint_url "http://127.0.0.1:9/proxy"
                    access_key_id "AKIDEXAMPLE"
                    secret_access_key "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
                    session_token "SESSION-TOKEN-SECRET"
                  }
                }

                function Echo(text: string) -> string {
                  client Claude
                  prompt #"
                    {{ _.role("system") }} Be brief.
                    {{ _.role("user") }} {{ text }}
                  "#
                }
                """);
        Cli r = Cli.run("preview", dir.toString(), "Echo", "--args", "{\"text\": \"ping\"}");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("curl -X POST 'http://127.0.0.1:9/proxy/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse'")
                .contains("<redacted>").contains("\"text\":\"ping\"")
                .contains("AWS_REGION=eu-west-1 aws bedrock-runtime converse --model-id 'anthropic.claude-3-haiku-20240307-v1:0'")
                .doesNotContain("wJalrXUtnFEMI").doesNotContain("SESSION-TOKEN-SECRET");
    }
}
