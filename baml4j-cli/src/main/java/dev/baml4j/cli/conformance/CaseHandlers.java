package dev.baml4j.cli.conformance;

import java.util.List;

/** Every conformance handler, tried in order. Add new handlers here. */
public final class CaseHandlers {

    public static final List<CaseHandler> ALL = List.of(
            new LanguageCheckHandler(),
            new PromptRequestHandler(),
            new BedrockOptionsHandler(),
            new BedrockCallHandler(),
            new SapParseHandler());

    private CaseHandlers() {
    }
}
