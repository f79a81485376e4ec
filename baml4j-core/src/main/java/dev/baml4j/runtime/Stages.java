package dev.baml4j.runtime;

import dev.baml4j.BamlValidationException;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.prompt.ArgumentBinder;
import dev.baml4j.prompt.PromptRenderer;
import dev.baml4j.prompt.RenderContext;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.sap.SchemaAlignedParser;
import dev.baml4j.sap.StreamingParse;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.List;
import java.util.Map;

/** The stages the runtime wires together (lang, prompt, sap), each called in one place. */
final class Stages {

    /** The partials of one streaming attempt, fed chunk by chunk. */
    interface PartialParser {
        /** The partial after this chunk, or null while there is none. */
        BamlValue feed(String chunk);
    }

    private final BamlProject project;
    private final PromptRenderer renderer;
    private final SchemaAlignedParser parser;

    Stages(BamlProject project) {
        this.project = project;
        this.renderer = new PromptRenderer(project);
        this.parser = new SchemaAlignedParser(project);
    }

    static BamlProject compile(List<SourceFile> files, ClientValidator validator) {
        Compilation c = BamlCompiler.compile(files, validator);
        return c.projectOrThrow();
    }

    Map<String, BamlValue> bind(FunctionDef fn, Map<String, ?> args) {
        return ArgumentBinder.bind(project, fn, args);
    }

    RenderedPrompt render(FunctionDef fn, Map<String, BamlValue> args, ClientDef client, Map<String, String> tags) {
        return renderer.render(fn, args, new RenderContext(client.name(), client.provider(), tags));
    }

    /** The final parse; a failure carries the prompt that produced the text. */
    BamlValue parse(BamlType target, String text, RenderedPrompt prompt) {
        try {
            return parser.parse(target, text);
        } catch (BamlValidationException e) {
            if (prompt == null || e.prompt() != null) {
                throw e;
            }
            BamlValidationException withPrompt = new BamlValidationException(e.getMessage(),
                    prompt.toDisplayString(), e.rawOutput() == null ? text : e.rawOutput());
            withPrompt.initCause(e);
            throw withPrompt;
        }
    }

    BamlValue parsePartial(BamlType target, String text) {
        return parser.parsePartial(target, text);
    }

    PartialParser startStream(BamlType target) {
        StreamingParse parse = parser.startStream(target);
        return parse::feed;
    }
}
