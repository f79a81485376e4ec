package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void createsAStarterProjectThatChecksClean() {
        Cli init = Cli.run("init", dir.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(dir.resolve("baml_src/clients.baml")).exists();
        assertThat(dir.resolve("baml_src/main.baml")).exists();

        Cli check = Cli.run("check", dir.resolve("baml_src").toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("checked 2 files: 0 errors");
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        Files.createDirectories(dir.resolve("baml_src"));
        Files.writeString(dir.resolve("baml_src/main.baml"), "// mine\n");

        Cli init = Cli.run("init", dir.toString());

        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err()).contains("already exists");
        assertThat(Files.readString(dir.resolve("baml_src/main.baml"))).isEqualTo("// mine\n");
    }
}
