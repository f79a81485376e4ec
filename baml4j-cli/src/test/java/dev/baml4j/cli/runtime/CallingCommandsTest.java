package dev.baml4j.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Fault;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code baml4j run}, {@code stream} and {@code test} against the emulator. */
class CallingCommandsTest {

    private static final String TESTS = """

            test DescribeAda {
              functions [Describe]
              args {
                text "Ada"
              }
              @@check(has_hobbies, {{ this.hobbies|length > 0 }})
              @@assert({{ this.name == "Ada" }})
            }

            test DescribeBob {
              functions [Describe]
              args {
                text "Bob"
              }
              @@assert({{ this.name == "Bob" }})
            }
            """;

    private static BedrockEmulator emulator;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().port(0).credentials(Credentials.defaults()).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void project() throws IOException {
        emulator.reset();
        emulator.rules(Rules.of(Rule.any().reply(
                Reply.text("{\"name\": \"Ada\", \"hobbies\": [\"math\", \"poetry\"]}").withDeltas(6))));
        Files.writeString(dir.resolve("main.baml"), E2eProject.SOURCE + TESTS);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Callable<Integer> command, CallFlags flags, String... args) {
        flags.processEnv = E2eProject.env(emulator);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // As Main configures it: `--args @file` is ours to read, not picocli's argument-file expansion.
        CommandLine cl = new CommandLine(command).setExpandAtFiles(false);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(RunCommand c, String... args) {
        c.flags = new CallFlags();
        return run(c, c.flags, args);
    }

    private Run stream(StreamCommand c, String... args) {
        c.flags = new CallFlags();
        return run(c, c.flags, args);
    }

    private Run test(TestCommand c, String... args) {
        c.flags = new CallFlags();
        return run(c, c.flags, args);
    }

    @Test
    void runPrintsTheResultAsJsonAndExitsZero() throws IOException {
        Run r = run(new RunCommand(), dir.toString(), "Describe", "--args", "{\"text\": \"Ada\"}");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("{\"name\":\"Ada\",\"hobbies\":[\"math\",\"poetry\"]}"));
    }

    @Test
    void runReadsArgumentsFromAFileAndHonoursClient() throws IOException {
        Path args = dir.resolve("args.json");
        Files.writeString(args, "{\"text\": \"Ada\"}");
        Run r = run(new RunCommand(), dir.toString(), "Echo", "--args", "@" + args, "--client", "West");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(emulator.journal().last().region()).isEqualTo("us-west-2");
    }

    @Test
    void runFailurePrintsTheErrorClassAndMessageOnStderr() {
        emulator.rules(Rules.of(Rule.any().fault(Fault.httpError(403, "AccessDeniedException", "no access"))));
        Run r = run(new RunCommand(), dir.toString(), "Echo", "--args", "{\"text\": \"hi\"}");
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("BamlClientHttpException: ").contains("403");
    }

    @Test
    void runRejectsArgumentsThatAreNotAJsonObject() {
        Run r = run(new RunCommand(), dir.toString(), "Echo", "--args", "[1, 2]");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--args must be a JSON object");
        assertThat(emulator.journal().requests()).isEmpty();
    }

    @Test
    void streamPrintsEachPartialAsAJsonLineThenTheFinal() throws IOException {
        Run r = stream(new StreamCommand(), dir.toString(), "Describe", "--args", "{\"text\": \"Ada\"}");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines.size()).isGreaterThan(2);
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo(JSON.readTree("{\"name\":\"Ada\",\"hobbies\":[\"math\",\"poetry\"]}"));
    }

    @Test
    void streamWithJsonTagsPartialsAndTheFinal() {
        Run r = stream(new StreamCommand(), dir.toString(), "Describe", "--args", "{\"text\": \"Ada\"}", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).startsWith("{\"partial\":");
        assertThat(lines[lines.length - 1]).startsWith("{\"final\":");
    }

    @Test
    void testRunsTestBlocksAndFailsWhenAnAssertFails() {
        Run r = test(new TestCommand(), dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("PASS   Describe::DescribeAda").contains("FAIL   Describe::DescribeBob")
                .contains("assert {{ this.name == \"Bob\" }} failed").contains("1 passed, 1 failed, 2 total");
    }

    @Test
    void testFilterSelectsTests() {
        Run r = test(new TestCommand(), dir.toString(), "--filter", "*Ada");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("1 passed, 0 failed, 1 total").doesNotContain("DescribeBob");
        Run none = test(new TestCommand(), dir.toString(), "--filter", "Nothing*");
        assertThat(none.exit()).isEqualTo(4);
    }

    @Test
    void envFileAndEnvFlagsFeedEnvVariables() throws IOException {
        Path envFile = dir.resolve("test.env");
        Files.writeString(envFile, "# the emulator\nexport EMU=http://127.0.0.1:1\n");
        Run r = run(new RunCommand(), dir.toString(), "Echo", "--args", "{\"text\": \"hi\"}", "--env-file",
                envFile.toString(), "--env", "EMU=" + emulator.uri(), "--client", "EastOnce");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(emulator.journal().requests()).hasSize(1);
        assertThat(Map.of("k", DotEnv.parse(List.of("A='x y'", "B=z # note"), "t").get("A"))).containsEntry("k", "x y");
        assertThat(DotEnv.parse(List.of("B=z # note"), "t")).containsEntry("B", "z");
    }
}
