package dev.baml4j.codegen.internal;

import dev.baml4j.types.Attributed;
import java.util.ArrayList;
import java.util.List;

/** Javadoc text from {@code ///} doc comments and {@code @description}s, made safe to embed. */
final class Javadocs {

    private Javadocs() {
    }

    /** The doc comment and the description (either may be absent), joined; empty when both are. */
    static String of(String docComment, Attributed attributed, String descriptionAttribute) {
        List<String> parts = new ArrayList<>();
        if (docComment != null && !docComment.isBlank()) {
            parts.add(docComment.strip());
        }
        attributed.attributeString(descriptionAttribute).ifPresent(d -> {
            if (!d.isBlank()) {
                parts.add(d.strip());
            }
        });
        return escape(String.join("\n\n", parts));
    }

    /** Text for inside {@code {@code ...}}, where entities are not decoded: only the comment end is unsafe. */
    static String code(String text) {
        return text.replace("*/", "*\\/").replace("\\u", "\\\\u");
    }

    /** Keeps user text from closing the comment or starting HTML and Javadoc constructs. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\u", "\\\\u");
    }
}
