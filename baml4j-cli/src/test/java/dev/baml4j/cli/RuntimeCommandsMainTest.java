package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run, stream and test are wired into {@code baml4j}, with {@code --args @file} left to the commands. */
class RuntimeCommandsMainTest {

    // Literal keys and region: explicit options are never mixed with the developer's own AWS_* variables.
    private static final String PROJECT = """
            client<llm> Emu {
              provider aws-bedrock
              options {
                model "anthropic.claude-3-haiku-20240307-v1:0"
                region "us-east-1"
                endpoint_url env.EMU
                access_key_id "%s"
                secret_access_key "%s"
              }
            }

            function Echo(text: string) -> string {
              client Emu
              prompt #"
                {{ _.role("user") }} {{ text }}
              "#
            }

            test SaysHello {
              functions [Echo]
              args {
                text "hello"
              }
              @@assert({{ this == "hello" }})
            }
            """.formatted(Credentials.EXAMPLE_ACCESS_KEY_ID, Credentials.EXAMPLE_SECRET_ACCESS_KEY);

    @TempDir
    Path dir;

    @Test
    void runStreamAndTestAreBaml4jCommands() throws IOException {
        Files.writeString(dir.resolve("main.baml"), PROJECT);
        Path args = dir.resolve("args.json");
        Files.writeString(args, "{\"text\": \"hello there\"}");
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).credentials(Credentials.defaults()).build()
                .start()) {
            emulator.rules(Rules.of(Rule.any().reply(Reply.ECHO.withDeltas(3))));
            String emu = "EMU=" + emulator.uri();

            Cli run = Cli.run("run", dir.toString(), "Echo", "--args", "@" + args, "--env", emu);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("\"hello there\"");

            Cli stream = Cli.run("stream", dir.toString(), "Echo", "--args", "{\"text\": \"hi\"}", "--env", emu);
            assertThat(stream.exitCode()).as(stream.err()).isZero();
            String[] lines = stream.out().strip().split("\n");
            assertThat(lines[lines.length - 1]).isEqualTo("\"hi\"");

            Cli test = Cli.run("test", dir.toString(), "--env", emu);
            assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
            assertThat(test.out()).contains("1 passed, 0 failed, 1 total");

            Cli failing = Cli.run("run", dir.toString(), "Echo", "--args", "{}", "--env", emu);
            assertThat(failing.exitCode()).isNotZero();
            assertThat(failing.err()).startsWith("BamlInvalidArgumentException: ");
        }
    }
}
