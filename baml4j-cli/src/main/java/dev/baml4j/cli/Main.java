package dev.baml4j.cli;

import dev.baml4j.cli.internal.ErrorReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code baml4j} command. Exit codes: 0 success, 1 a user error (bad {@code .baml} files, a
 * failed call, failed cases), 2 bad usage. Errors print as one paragraph; {@code --verbose} adds
 * the stack trace.
 */
@Command(name = "baml4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "BAML for the JVM: check .baml files, call functions, run the Bedrock emulator.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {

    /** Every subcommand, in the order {@code --help} lists them. Add new commands here. */
    static final List<Class<?>> COMMANDS = List.of(
            InitCommand.class,
            CheckCommand.class,
            GenerateCommand.class,
            dev.baml4j.cli.runtime.RunCommand.class,
            dev.baml4j.cli.runtime.StreamCommand.class,
            PreviewCommand.class,
            dev.baml4j.cli.runtime.TestCommand.class,
            dev.baml4j.cli.runtime.ServeCommand.class,
            EmulatorCommand.class,
            DemoCommand.class,
            ConformanceCommand.class,
            picocli.AutoComplete.GenerateCompletion.class);

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's stdout and stderr; returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return execute(out, err, args);
    }

    /** Runs the command line on the given writers; returns the exit code. For tests and embedding. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        boolean verbose = Arrays.asList(args).contains("--verbose");
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            ErrorReport.print(ex, verbose, cmd.getErr());
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> command : COMMANDS) {
            cl.addSubcommand(command);
        }
        // `--args @file` is read by the commands themselves, not expanded by picocli into arguments;
        // set after the subcommands are added, so it reaches them.
        cl.setExpandAtFiles(false);
        return cl;
    }

    /** The version from the build, e.g. {@code baml4j 0.1.0-SNAPSHOT}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"baml4j " + p.getProperty("version", "(development build)"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
