package dev.baml4j.lang;

import dev.baml4j.types.SourceSpan;
import java.util.Objects;

/**
 * A prompt or template_string body after BAML's raw-string normalisation (leading newlines
 * removed, trailing whitespace trimmed, dedented). {@code firstLine} is the source line of the
 * body's first line, so render errors can point into the file.
 */
public record TemplateText(String text, SourceSpan span, int firstLine) {
    public TemplateText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
    }
}
