package dev.baml4j.bedrock.internal;

import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.ChatPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rendered messages into a conversation Converse accepts: roles outside
 * {@code allowed_roles} become {@code default_role}, {@code remap_roles} applies, leading system
 * turns become {@code system}, a later system turn is demoted to {@code user}, and consecutive
 * turns of one role are merged. The merge runs after the demotion, so the list never holds two
 * turns of one role in a row (Bedrock rejects that; the official runtime merges before demoting).
 * A {@code cache_control} the client allows becomes a cache point after that turn's own content.
 */
public final class RoleNormalizer {

    /** A piece of a turn: a rendered part, or a cache point. */
    public sealed interface Piece {
        record Part(ChatPart part) implements Piece {
        }

        record CachePoint() implements Piece {
        }
    }

    public record Turn(String role, List<Piece> pieces) {
        public Turn {
            pieces = List.copyOf(pieces);
        }
    }

    /** {@code system} holds the system pieces (possibly empty); {@code messages} the rest, in order. */
    public record Conversation(List<Piece> system, List<Turn> messages) {
    }

    private RoleNormalizer() {
    }

    public static Conversation normalize(List<ChatMessage> rendered, BedrockOptions options) {
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage m : rendered) {
            if (m.parts().isEmpty()) {
                continue;
            }
            String role = options.allowedRoles().contains(m.role()) ? m.role() : options.defaultRole();
            role = options.remapRoles().getOrDefault(role, role);
            List<Piece> pieces = new ArrayList<>();
            for (ChatPart p : m.parts()) {
                pieces.add(new Piece.Part(p));
            }
            if (m.metadata().containsKey("cache_control") && options.roleMetadata().allows("cache_control")) {
                pieces.add(new Piece.CachePoint());
            }
            turns.add(new Turn(role, pieces));
        }
        List<Piece> system = new ArrayList<>();
        int i = 0;
        boolean onlySystem = turns.stream().allMatch(t -> t.role().equals("system"));
        // A prompt that is nothing but system text still needs a message: it is sent as the user turn.
        if (!onlySystem) {
            while (i < turns.size() && turns.get(i).role().equals("system")) {
                system.addAll(turns.get(i).pieces());
                i++;
            }
        }
        List<Turn> messages = new ArrayList<>();
        for (; i < turns.size(); i++) {
            Turn t = turns.get(i);
            String role = t.role().equals("system") ? "user" : t.role();
            if (!messages.isEmpty() && messages.get(messages.size() - 1).role().equals(role)) {
                Turn last = messages.remove(messages.size() - 1);
                List<Piece> merged = new ArrayList<>(last.pieces());
                merged.addAll(t.pieces());
                messages.add(new Turn(role, merged));
            } else {
                messages.add(new Turn(role, t.pieces()));
            }
        }
        return new Conversation(system, messages);
    }
}
