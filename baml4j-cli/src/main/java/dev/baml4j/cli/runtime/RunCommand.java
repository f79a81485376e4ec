package dev.baml4j.cli.runtime;

import dev.baml4j.runtime.BamlRuntime;
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

/** {@code baml4j run DIR FUNCTION --args JSON}: calls a function, prints its result as JSON. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Calls FUNCTION of the project in DIR and prints the result as JSON on stdout.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the .baml files.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FUNCTION", description = "The function to call.")
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
            BamlValue result = rt.call(function, CallFlags.parseArgs(args), flags.options());
            out.println(Output.json(result.toJson(), !flags.json));
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            Output.failure(err, e, flags.json);
            return 1;
        }
    }
}
