package dev.baml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

    @Test
    void endsWithTheTallyAndExitsZeroOnlyWhenNothingFailed(@TempDir Path tmp) throws IOException {
        Path cases = tmp.resolve("c.jsonl");
        Files.writeString(cases, "{\"id\": \"a-1\", \"stage\": \"check\", \"expected\": {\"message_fragment\":"
                + " \"Type `Nope` does not exist\"}, \"baml\": {\"m.baml\": \"class A {\\n  x Nope\\n}\\n\"}}\n");
        Cli ok = Cli.run("conformance", cases.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out().strip()).isEqualTo("1 passed, 0 failed, 0 skipped");

        Files.writeString(cases, "{\"id\": \"a-2\", \"target\": \"int\", \"raw\": \"1\", \"expected\": 2}\n");
        Cli failed = Cli.run("conformance", cases.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("FAIL a-2").endsWith("0 passed, 1 failed, 0 skipped\n");

        Path deviations = tmp.resolve("deviations.json");
        Files.writeString(deviations, "{\"a-2\": \"differs on purpose\"}");
        Cli skipped = Cli.run("conformance", cases.toString(), "--deviations", deviations.toString());
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.out().strip()).isEqualTo("0 passed, 0 failed, 1 skipped");
    }

    @Test
    void badDeviationsFileIsAUserError(@TempDir Path tmp) throws IOException {
        Path cases = tmp.resolve("c.jsonl");
        Files.writeString(cases, "");
        Path deviations = tmp.resolve("d.json");
        Files.writeString(deviations, "[1, 2]");
        Cli r = Cli.run("conformance", cases.toString(), "--deviations", deviations.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("must be a JSON object");
    }
}
