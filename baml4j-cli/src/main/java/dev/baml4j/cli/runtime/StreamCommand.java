package dev.baml4j.cli.runtime;

import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.types.BamlValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baml4j stream DIR FUNCTION --args JSON}: streams a function; each partial is one JSON line
 * as it arrives, then the final value. With {@code --json} lines are {@code {"partial": …}} and
 * {@code {"final": …}} objects.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Streams FUNCTION of the project in DIR: one JSON line per partial, then the final value.")
public final class StreamCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the .baml files.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FUNCTION", description = "The function to stream.")
    String function;

    @Option(names = "--args", paramLabel = "JSON|@FILE", description = "The arguments as a JSON object, or @file.")
    String args;

    @Mixin
    CallFlags flags;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            BamlRuntime rt = flags.runtime(dir);
            try (BamlStream<BamlValue, BamlValue> s = rt.stream(function, CallFlags.parseArgs(args), flags.options())) {
                for (BamlValue partial : s) {
                    out.println(flags.json ? Output.tagged("partial", partial.toJson()) : Output.json(partial.toJson(), false));
                    out.flush();
                }
                BamlValue done = s.getFinalResponse();
                out.println(flags.json ? Output.tagged("final", done.toJson()) : Output.json(done.toJson(), false));
                out.flush();
            }
            return 0;
        } catch (RuntimeException e) {
            out.flush();
            Output.failure(err, e, flags.json);
            return 1;
        }
    }
}
