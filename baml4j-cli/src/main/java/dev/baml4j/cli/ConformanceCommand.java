package dev.baml4j.cli;

import dev.baml4j.cli.conformance.CaseHandlers;
import dev.baml4j.cli.conformance.ConformanceRunner;
import dev.baml4j.cli.conformance.Deviations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baml4j conformance FILE.jsonl…}: runs conformance cases against baml4j. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Runs conformance cases (the corpus's JSONL files) and prints each failing case.",
                "Ends with `N passed, M failed, K skipped`; exits 0 only when nothing failed."})
final class ConformanceCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.jsonl", description = "Case files (sap, sap_partial, prompt, errors).")
    List<Path> files;

    @Option(names = "--deviations", paramLabel = "FILE",
            description = "JSON object {\"case-id\": \"reason\"} of cases baml4j answers differently on purpose.")
    Path deviations;

    @Option(names = "--parse-only", description = "Only check that every case's baml source parses.")
    boolean parseOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConformanceRunner runner = new ConformanceRunner(CaseHandlers.ALL, Deviations.read(deviations), parseOnly);
        ConformanceRunner.Tally tally = runner.run(files, out);
        out.println(tally);
        return tally.failed() == 0 ? 0 : 1;
    }
}
