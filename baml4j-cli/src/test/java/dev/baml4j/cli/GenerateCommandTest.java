package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    @Test
    void generatesTheClientAndCopiesTheSources() throws Exception {
        Files.createDirectories(dir.resolve("baml_src"));
        Files.writeString(dir.resolve("baml_src/resume.baml"), RESUME);

        int code = run(dir.resolve("baml_src").toString(), "--out", dir.resolve("java").toString(),
                "--package", "com.example.ai", "--resources", dir.resolve("res").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("java/com/example/ai/BamlClient.java")).content().contains("public Resume extractResume(");
        assertThat(dir.resolve("res/baml_src/resume.baml")).hasContent(RESUME);
        assertThat(out.toString()).contains("generated 3 files");
    }

    @Test
    void bamlErrorsArePrintedWithLocationAndExitOne() throws Exception {
        Files.writeString(dir.resolve("bad.baml"), RESUME.replace("name string", "name strin"));

        int code = run(dir.toString(), "--out", dir.resolve("java").toString(), "--package", "com.example.ai");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("bad.baml:2:8").contains("strin").contains("nothing generated");
        assertThat(dir.resolve("java")).doesNotExist();
    }

    @Test
    void invalidPackageNameIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("a.baml"), RESUME);

        int code = run(dir.toString(), "--out", dir.resolve("java").toString(), "--package", "com.1bad");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not a valid Java package name");
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new GenerateCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
