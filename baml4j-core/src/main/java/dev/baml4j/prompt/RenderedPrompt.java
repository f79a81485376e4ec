package dev.baml4j.prompt;

import java.util.List;
import java.util.stream.Collectors;

/** What prompt rendering produces: ordered chat messages, independent of any provider. */
public record RenderedPrompt(List<ChatMessage> messages) {

    public RenderedPrompt {
        messages = List.copyOf(messages);
    }

    /** The text of every message, for errors and logs: {@code [role] text} blocks. */
    public String toDisplayString() {
        return messages.stream().map(m -> "[" + m.role() + "]\n" + m.parts().stream()
                .map(p -> p instanceof ChatPart.Text t ? t.text() : "<" + ((ChatPart.Media) p).media().kind().keyword() + ">")
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n"));
    }
}
