package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void versionAndHelpExitZero() {
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("baml4j ");
        Cli help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check", "conformance");
    }

    @Test
    void everyRegisteredCommandIsAvailable() {
        assertThat(Main.commandLine().getSubcommands()).containsKeys("check", "conformance", "demo")
                .hasSameSizeAs(Main.COMMANDS);
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(Cli.run().exitCode()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(Cli.run("check", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(Cli.run("conformance").exitCode()).isEqualTo(2);
    }

    @Test
    void userErrorsAreOneParagraphWithoutStackTrace(@TempDir Path tmp) {
        Cli r = Cli.run("check", tmp.resolve("missing").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: `").contains("is not a directory").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void verboseAddsTheStackTrace(@TempDir Path tmp) {
        Cli r = Cli.run("--verbose", "check", tmp.resolve("missing").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not a directory").contains("\tat dev.baml4j.cli");
    }

    @Test
    void checkOfAnEmptyFolderIsAUserError(@TempDir Path tmp) {
        Cli r = Cli.run("check", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no .baml files");
    }

    @Test
    void checkPassesOnAValidProject(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("nested"));
        Files.writeString(tmp.resolve("a.baml"), "class A {\n  b B\n}\n");
        Files.writeString(tmp.resolve("nested/b.baml"), "enum B {\n  X\n}\n");
        Cli r = Cli.run("check", tmp.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("checked 2 files: 0 errors, 0 warnings");
    }

    @Test
    void checkListsEveryErrorOfTheBrokenExamplesWithItsLocation() {
        Cli r = Cli.run("check", "../examples/broken");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains(
                "types.baml:6:10: error: unknown type `Skil`",
                "help: did you mean `Skill`?",
                "types.baml:7:14: error: a map key cannot be `int`",
                "types.baml:8:3: error: field `name` is declared twice",
                "types.baml:12:16: error: `@alias` takes one string",
                "types.baml:13:13: error: `@skip` on field `Skill.years`",
                "types.baml:19:3: error: unknown attribute `@@dinamic`",
                "functions.baml:3:14: error: retry_policy `Patient` has no `max_retries`",
                "functions.baml:10:12: error: unknown provider `aws_bedrock`",
                "functions.baml:11:16: error: unknown retry_policy `Patiant`",
                "functions.baml:18:10: error: unknown client `Haikuu`",
                "functions.baml:25:10: error: function `Summarize` has no prompt",
                "functions.baml:33:5: error: client `Sonnet`: Unsupported property: temperature",
                "syntax.baml:4:7: error: class fields have no `:`",
                "syntax.baml:5:3: error: field `age` has no type",
                "syntax.baml:8:1: error: `clas` does not start a declaration",
                "syntax.baml:13:7: error: unexpected `GREEN` after enum value `RED`",
                "syntax.baml:16:21: error: expected `:` after parameter `name`",
                "syntax.baml:22:28: error: unterminated string");
        assertThat(r.out()).containsPattern("(?m)^checked 3 files: \\d+ errors, 0 warnings$");
        assertThat(r.out()).contains("      skills Skil[]").contains("             ^^^^");
    }

    @Test
    void demoRunsTheExampleProjectOfTheRepositoryAndExitsZero() {
        String before = System.getProperty("baml4j.home");
        System.setProperty("baml4j.home", "..");
        try {
            Cli r = Cli.run("demo", "--no-color");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("5/5").contains("Point the same project at real Amazon Bedrock");
        } finally {
            if (before == null) {
                System.clearProperty("baml4j.home");
            } else {
                System.setProperty("baml4j.home", before);
            }
        }
    }
}
