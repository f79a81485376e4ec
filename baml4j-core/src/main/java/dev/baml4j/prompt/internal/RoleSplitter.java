package dev.baml4j.prompt.internal;

import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.ChatPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns rendered text with role and media sentinels into chat messages (spec §2.6): text before
 * the first role marker goes to the default role, every text piece is trimmed, whitespace-only
 * pieces and messages left without parts are dropped. Text without any sentinel is a completion
 * prompt: one message with the default role and the text exactly as rendered.
 */
public final class RoleSplitter {

    private RoleSplitter() {
    }

    public static List<ChatMessage> split(String text, RenderState state, String defaultRole) {
        int mark = text.indexOf(RenderState.MARK);
        if (mark < 0) {
            return List.of(ChatMessage.text(defaultRole, text));
        }
        List<ChatMessage> out = new ArrayList<>();
        String role = defaultRole;
        Map<String, Object> metadata = Map.of();
        List<ChatPart> parts = new ArrayList<>();
        int pos = 0;
        while (mark >= 0) {
            Sentinel s = Sentinel.at(text, mark);
            if (s == null) {
                mark = text.indexOf(RenderState.MARK, mark + 1);
                continue;
            }
            addText(parts, text.substring(pos, mark));
            pos = s.end();
            if (s.media()) {
                parts.add(new ChatPart.Media(state.media().get(s.index())));
            } else {
                flush(out, role, parts, metadata);
                RenderState.RoleMarker marker = state.roles().get(s.index());
                role = marker.role();
                metadata = marker.metadata();
                parts = new ArrayList<>();
            }
            mark = text.indexOf(RenderState.MARK, pos);
        }
        addText(parts, text.substring(pos));
        flush(out, role, parts, metadata);
        return out;
    }

    /** A sentinel {@code MARK baml4j:role:N MARK} or {@code MARK baml4j:media:N MARK} at a position. */
    private record Sentinel(boolean media, int index, int end) {
        private static final String ROLE = RenderState.MARK + "baml4j:role:";
        private static final String MEDIA = RenderState.MARK + "baml4j:media:";

        static Sentinel at(String text, int start) {
            boolean media;
            int digits;
            if (text.startsWith(ROLE, start)) {
                media = false;
                digits = start + ROLE.length();
            } else if (text.startsWith(MEDIA, start)) {
                media = true;
                digits = start + MEDIA.length();
            } else {
                return null;
            }
            int i = digits;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digits || i >= text.length() || text.charAt(i) != RenderState.MARK) {
                return null;
            }
            return new Sentinel(media, Integer.parseInt(text.substring(digits, i)), i + 1);
        }
    }

    private static void addText(List<ChatPart> parts, String piece) {
        String trimmed = piece.strip();
        if (!trimmed.isEmpty()) {
            parts.add(new ChatPart.Text(trimmed));
        }
    }

    private static void flush(List<ChatMessage> out, String role, List<ChatPart> parts, Map<String, Object> metadata) {
        if (!parts.isEmpty()) {
            out.add(new ChatMessage(role, parts, metadata));
        }
    }
}
