package dev.baml4j.prompt.internal;

import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.ChatPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

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
        if (text.indexOf(RenderState.MARK) < 0) {
            return List.of(ChatMessage.text(defaultRole, text));
        }
        Matcher m = RenderState.SENTINEL.matcher(text);
        List<ChatMessage> out = new ArrayList<>();
        String role = defaultRole;
        Map<String, Object> metadata = Map.of();
        List<ChatPart> parts = new ArrayList<>();
        int pos = 0;
        while (m.find()) {
            addText(parts, text.substring(pos, m.start()));
            pos = m.end();
            int index = Integer.parseInt(m.group(2));
            if (m.group(1).equals("media")) {
                parts.add(new ChatPart.Media(state.media().get(index)));
            } else {
                flush(out, role, parts, metadata);
                RenderState.RoleMarker marker = state.roles().get(index);
                role = marker.role();
                metadata = marker.metadata();
                parts = new ArrayList<>();
            }
        }
        addText(parts, text.substring(pos));
        flush(out, role, parts, metadata);
        return out;
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
