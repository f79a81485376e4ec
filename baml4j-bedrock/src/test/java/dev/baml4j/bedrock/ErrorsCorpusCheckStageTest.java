package dev.baml4j.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The load-time half of {@code errors.jsonl}: every case the official runtime rejects at check
 * time (or, for a client registry, when the client is built) must be rejected by our validation
 * with the same meaning, and every case it accepts must pass validation — unless the case is a
 * deliberate deviation listed in {@code conformance/deviations.json}.
 */
class ErrorsCorpusCheckStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("../conformance/corpus/errors.jsonl");
    private static final Path DEVIATIONS = Path.of("../conformance/deviations.json");
    private static final Pattern UNSUPPORTED = Pattern.compile("(?:property|key|field|type in media_url_handler|mode): '?([A-Za-z_]+)");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z]+(?:_[A-Za-z]+)+");

    private final AwsBedrockProvider provider = new AwsBedrockProvider();
    private final ClientValidator validator = new ClientValidator() {
        @Override
        public boolean knowsProvider(String p) {
            return p.equals("aws-bedrock");
        }

        @Override
        public List<Diagnostic> validate(ClientDef client) {
            return provider.validate(client);
        }
    };

    @Test
    void loadTimeOutcomesMatchTheOfficialRuntimeOrAreListedDeviations() throws IOException {
        JsonNode deviations = JSON.readTree(DEVIATIONS.toFile());
        List<String> unexpected = new ArrayList<>();
        int checked = 0;
        int agreed = 0;
        for (String line : Files.readAllLines(CORPUS)) {
            JsonNode c = JSON.readTree(line);
            if (c.path("kind").asText().equals("provider")) {
                continue; // provider names are the compiler's, not this provider's
            }
            checked++;
            JsonNode expected = c.get("expected");
            boolean registry = c.has("registry");
            List<Diagnostic> errors = registry ? provider.validate(registryClient(c.get("registry")))
                    : compile(c).diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
            boolean expectLoadError = c.get("stage").asText().equals("check")
                    || (registry && !expected.path("ok").asBoolean(true)
                            && expected.path("message_head").asText().startsWith("Failed to create clients"));
            String text = errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
            boolean agrees;
            if (expectLoadError) {
                String key = keyWord(expected.path("message_fragment").asText());
                agrees = !errors.isEmpty() && text.toLowerCase().contains(key.toLowerCase());
            } else {
                agrees = errors.isEmpty();
            }
            if (agrees) {
                agreed++;
            } else if (!deviations.has(c.get("id").asText())) {
                unexpected.add(c.get("id").asText() + " (expected " + (expectLoadError ? "a load-time error about `"
                        + keyWord(expected.path("message_fragment").asText()) + "`" : "no load-time error") + ", got: "
                        + (text.isEmpty() ? "none" : text) + ")");
            }
        }
        assertThat(unexpected).as("cases that disagree and are not listed in deviations.json").isEmpty();
        assertThat(checked).isGreaterThan(80);
        assertThat(agreed).isGreaterThan(60);
    }

    /** The option or key the official message is about: what our message must name too. */
    static String keyWord(String fragment) {
        Matcher m = UNSUPPORTED.matcher(fragment);
        if (m.find()) {
            return m.group(1);
        }
        Matcher id = IDENT.matcher(fragment);
        if (id.find()) {
            return id.group();
        }
        return fragment.split("[ .:]")[0];
    }

    private Compilation compile(JsonNode c) {
        List<SourceFile> files = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = c.get("baml").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            files.add(new SourceFile(e.getKey(), e.getValue().asText()));
        }
        return BamlCompiler.compile(files, validator);
    }

    /** A ClientRegistry's options as the runtime hands them to a provider: plain values, no source spans. */
    static ClientDef registryClient(JsonNode registry) {
        return new ClientDef(registry.get("name").asText(), registry.get("provider").asText(), SourceSpan.NONE, null,
                (ConfigValue.MapLit) config(registry.get("options")), SourceSpan.NONE);
    }

    private static ConfigValue config(JsonNode n) {
        SourceSpan s = SourceSpan.NONE;
        if (n.isObject()) {
            List<ConfigValue.Entry> entries = new ArrayList<>();
            n.properties().forEach(e -> entries.add(new ConfigValue.Entry(e.getKey(), s, config(e.getValue()))));
            return new ConfigValue.MapLit(entries, s);
        } else if (n.isArray()) {
            List<ConfigValue> items = new ArrayList<>();
            n.forEach(x -> items.add(config(x)));
            return new ConfigValue.ArrayLit(items, s);
        } else if (n.isNumber()) {
            return new ConfigValue.NumberLit(n.asText(), s);
        } else if (n.isBoolean()) {
            return new ConfigValue.BoolLit(n.asBoolean(), s);
        } else if (n.isNull()) {
            return new ConfigValue.NullLit(s);
        }
        return new ConfigValue.StringLit(n.asText(), ConfigValue.StringStyle.QUOTED, s);
    }
}
