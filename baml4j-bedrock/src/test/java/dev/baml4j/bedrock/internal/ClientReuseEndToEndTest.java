package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.EmulatorFixture.client;
import static dev.baml4j.bedrock.internal.EmulatorFixture.cleanEnv;
import static dev.baml4j.bedrock.internal.EmulatorFixture.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.junit.BedrockEmulatorExtension;
import dev.baml4j.provider.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One SDK client and a handful of connections serve many calls from many clients and threads. */
@ExtendWith(BedrockEmulatorExtension.class)
class ClientReuseEndToEndTest {

    @Test
    void thousandCallsShareOneSdkClientAndAFewConnections(BedrockEmulator emulator) {
        int before = SdkClients.size();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
        int maxOpen = 0;
        for (int i = 0; i < 1000; i++) {
            inFlight.acquireUninterruptibly();
            // A fresh provider client per call, as a runtime would build it; the SDK client underneath is shared.
            CompletableFuture<LlmResponse> f = client(emulator, Map.of(), cleanEnv(), true).call(prompt("n" + i));
            f.whenComplete((r, e) -> inFlight.release());
            calls.add(f);
            if (i % 50 == 0) {
                maxOpen = Math.max(maxOpen, emulator.openConnections());
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).join().text()).isEqualTo("n" + i);
        }
        maxOpen = Math.max(maxOpen, emulator.openConnections());
        assertThat(SdkClients.size() - before).isLessThanOrEqualTo(1);
        assertThat(emulator.journal().total()).isEqualTo(1000);
        assertThat(maxOpen).isBetween(1, 20);
    }
}
