package dev.baml4j.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.bench.load.internal.LoadResult;
import dev.baml4j.bench.load.internal.RawConverseLoad;
import dev.baml4j.bench.load.internal.StreamSwarm;
import java.util.List;

/**
 * Everything one load run measured.
 *
 * @param results every closed-loop result of every round (bare SDK, baml4j, official runtime)
 * @param rounds how many rounds ran (each scenario once per round, implementations interleaved)
 * @param bodyCheck whether the bare SDK sent the same Converse body as baml4j, checked in the journal
 * @param swarms the many-concurrent-streams runs
 * @param throughput the emulator throughput runs
 * @param officialStatus whether the official runtime ran, and if not, why
 * @param officialCompileMs official runtime parse + validate times of the generated project, if measured
 * @param notes what could not run, and why
 */
public record LoadReport(List<LoadResult> results, int rounds, String bodyCheck, List<StreamSwarm.Result> swarms,
        List<RawConverseLoad.Result> throughput, String officialStatus, JsonNode officialCompileMs,
        List<String> notes) {}
