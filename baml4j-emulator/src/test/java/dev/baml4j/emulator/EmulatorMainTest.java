package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class EmulatorMainTest {
  @Test
  void printsTheUrlFirstAndServesTheRulesFile(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"rules\": [{\"reply\": {\"text\": \"from main\"}}]}");
    Path creds = dir.resolve("creds.json");
    Files.writeString(creds, "{}");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        EmulatorMain.class.getName(), "--port", "0", "--rules", rules.toString(), "--credentials", creds.toString()))
        .redirectErrorStream(false).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).get(60, TimeUnit.SECONDS);
      assertThat(first).matches("listening http://127\\.0\\.0\\.1:\\d+");
      URI uri = URI.create(first.substring("listening ".length()));
      try (BedrockRuntimeClient client = SdkClients.sync(uri)) {
        assertThat(client.converse(SdkClients.converse(null, "x")).output().message().content().get(0).text())
            .isEqualTo("from main");
      }
    } finally {
      p.destroy();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void badArgumentsExplainUsage() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(EmulatorMain.run(new String[] {"--port", "x"}, System.out, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port needs a number").contains("usage:");
    err.reset();
    assertThat(EmulatorMain.run(new String[] {"--rules", "/no/such/file.json"}, System.out, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/no/such/file.json");
  }
}
