package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final String RESUME = """
            class Resume {
              name string
            }

            function ExtractResume(resume_text: string) -> Resume {
              client "aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0"
              prompt #"{{ resume_text }} {{ ctx.output_format }}"#
            }
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Types only: its clients would need a provider installed, which check (and so generate) verifies. */
    private static final String TYPES = """
            class Resume {
              name string
              seniority Seniority
            }

            enum Seniority {
              JUNIOR
              SENIOR
            }
            """;

    @Test
    void generatesTheClientAndCopiesTheSources() throws Exception {
        Files.createDirectories(dir.resolve("baml_src"));
        Files.writeString(dir.resolve("baml_src/resume.baml"), TYPES);

        int code = run(dir.resolve("baml_src").toString(), "--out", dir.resolve("java").toString(),
                "--package", "com.example.ai", "--resources", dir.resolve("res").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("java/com/example/ai/BamlClient.java")).content().contains("public final class BamlClient");
        assertThat(dir.resolve("java/com/example/ai/Resume.java")).content()
                .contains("public record Resume(@JsonProperty(\"name\") String name");
        assertThat(dir.resolve("java/com/example/ai/Seniority.java")).exists();
        assertThat(dir.resolve("res/baml_src/resume.baml")).hasContent(TYPES);
        assertThat(out.toString()).contains("generated 4 files");
    }

    @Test
    void generatesAMethodPerFunctionForAwsBedrockClients() throws Exception {
        Files.writeString(dir.resolve("resume.baml"), RESUME);

        int code = run(dir.toString(), "--out", dir.resolve("java").toString(), "--package", "com.example.ai");

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("java/com/example/ai/BamlClient.java")).content()
                .contains("public Resume extractResume(String resumeText)")
                .contains("runtime.call(\"ExtractResume\"");
        assertThat(dir.resolve("java/com/example/ai/PartialResume.java")).exists();
    }

    @Test
    void bamlErrorsArePrintedWithLocationAndExitOne() throws Exception {
        Files.writeString(dir.resolve("bad.baml"), TYPES.replace("name string", "name strin"));

        int code = run(dir.toString(), "--out", dir.resolve("java").toString(), "--package", "com.example.ai");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("bad.baml:2:8").contains("strin").contains("nothing generated");
        assertThat(dir.resolve("java")).doesNotExist();
    }

    @Test
    void unknownProvidersStopGenerationLikeCheck() throws Exception {
        Files.writeString(dir.resolve("a.baml"), RESUME.replace("client \"aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0\"",
                "client Cheap") + """

                client<llm> Cheap {
                  provider no-such-provider
                  options {
                    model "m"
                  }
                }
                """);

        int code = run(dir.toString(), "--out", dir.resolve("java").toString(), "--package", "com.example.ai");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("a.baml:").contains("no-such-provider");
        assertThat(dir.resolve("java")).doesNotExist();
    }

    @Test
    void invalidPackageNameIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("a.baml"), TYPES);

        int code = run(dir.toString(), "--out", dir.resolve("java").toString(), "--package", "com.1bad");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not a valid Java package name");
    }

    @Test
    void isRegisteredInTheBaml4jCommand() {
        Cli help = Cli.run("--help");

        assertThat(help.out()).contains("generate");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "generate";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }
}
