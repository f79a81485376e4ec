package dev.baml4j.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.runtime.RuntimeClock;
import dev.baml4j.types.BamlValue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent streams need no thread each: 500 streams in flight at once, consumed through
 * their publishers, while the JVM's thread count stays small and fixed. The bench runs 10,000.
 */
class ConcurrentStreamsTest {

    private static final int STREAMS = 500;

    @Test
    void fiveHundredConcurrentStreamsRunOnAFewThreads() throws Exception {
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).workerThreads(2)
                .credentials(Credentials.defaults()).build().start()) {
            emulator.rules(Rules.of(Rule.any().reply(Reply.text("{\"name\": \"Ada\", \"hobbies\": [\"x\", \"y\"]}")
                    .withDeltas(6))));
            BamlRuntime rt = E2eProject.runtime(emulator, RuntimeClock.system());
            // Warm up class loading and the connection pool before counting threads.
            rt.stream("Describe", Map.of("text", "warm")).getFinalResponse();

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            AtomicInteger peak = new AtomicInteger(before);
            AtomicInteger partials = new AtomicInteger();
            List<CompletableFuture<BamlValue>> finals = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                BamlStream<BamlValue, BamlValue> s = rt.stream("Describe", Map.of("text", "n" + i),
                        CallOptions.defaults());
                s.toPublisher().subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(BamlValue item) {
                        partials.incrementAndGet();
                        peak.accumulateAndGet(threads.getThreadCount(), Math::max);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                });
                finals.add(s.finalResponse());
            }
            CompletableFuture.allOf(finals.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            for (CompletableFuture<BamlValue> f : finals) {
                assertThat(f.join().toJson().get("name").asText()).isEqualTo("Ada");
            }
            assertThat(emulator.journal().total()).isEqualTo(STREAMS + 1L);
            assertThat(partials.get()).isGreaterThanOrEqualTo(STREAMS);
            // Threads grow by a bounded pool's worth at most, nowhere near one per stream.
            assertThat(peak.get() - before).isLessThan(64);
        }
    }
}
