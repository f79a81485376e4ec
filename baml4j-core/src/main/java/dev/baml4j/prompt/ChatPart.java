package dev.baml4j.prompt;

import dev.baml4j.types.BamlValue;
import java.util.Objects;

/** A part of a chat message: text, or a media value that the provider converts. */
public sealed interface ChatPart {

    record Text(String text) implements ChatPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    record Media(BamlValue.MediaValue media) implements ChatPart {
        public Media {
            Objects.requireNonNull(media, "media");
        }
    }
}
