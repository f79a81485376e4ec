package dev.baml4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.cli.internal.BamlSources;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.CallOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baml4j preview DIR FUNCTION --args JSON}: the exact HTTP request a call would send (signed,
 * with {@code Authorization} and session tokens redacted) as {@code curl}, and the equivalent
 * {@code aws bedrock-runtime converse} command. Nothing is sent.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Shows the signed HTTP request a function call would send (secrets redacted), as curl and as an aws CLI command.")
final class PreviewCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the .baml files.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FUNCTION", description = "The function to preview.")
    String function;

    @Option(names = "--args", paramLabel = "JSON", defaultValue = "{}", description = "The arguments as a JSON object.")
    String args;

    @Option(names = "--client", paramLabel = "NAME", description = "Use this client instead of the function's own.")
    String client;

    @Option(names = "--stream", description = "Preview the streaming request (ConverseStream).")
    boolean stream;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SourceFile> files = BamlSources.read(dir);
        BamlRuntime runtime = BamlRuntime.builder().files(files).build();
        Map<String, Object> arguments;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(args, Map.class);
            arguments = parsed;
        } catch (Exception e) {
            throw new UserError("--args must be a JSON object, e.g. --args '{\"text\": \"hi\"}': " + e.getMessage(), e);
        }
        CallOptions.Builder options = CallOptions.builder();
        if (client != null) {
            options.client(client);
        }
        RequestPreview p = runtime.preview(function, arguments, options.build(), stream);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + p.method() + " " + p.url());
        out.println(p.curl());
        if (p.cliForm() != null) {
            out.println();
            out.println("# the same request with the AWS CLI:");
            out.println(p.cliForm());
        }
        return 0;
    }
}
