package dev.baml4j.prompt.internal;

import dev.baml4j.types.BamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one render collects besides text: the role markers ({@code _.role(...)}) and media values
 * printed so far. The text carries sentinels pointing into these lists; {@link RoleSplitter}
 * cuts the text at them afterwards. One instance per render, never shared between threads.
 */
public final class RenderState {

    /** Sentinels use a control character that BAML templates and arguments do not contain. */
    static final char MARK = '\u0001';

    /** One {@code _.role(...)} call: the role and its keyword arguments as plain Java values. */
    public record RoleMarker(String role, Map<String, Object> metadata) {
    }

    private final List<RoleMarker> roles = new ArrayList<>();
    private final java.util.Set<String> globalNames = new java.util.HashSet<>();
    private final List<BamlValue.MediaValue> media = new ArrayList<>();
    private final ValuePrinter printer = new ValuePrinter(this::mediaSentinel);

    String roleSentinel(RoleMarker marker) {
        roles.add(marker);
        return MARK + "baml4j:role:" + (roles.size() - 1) + MARK;
    }

    String mediaSentinel(BamlValue.MediaValue value) {
        media.add(value);
        return MARK + "baml4j:media:" + (media.size() - 1) + MARK;
    }

    /** Names bound for the render, null-valued ones included (Jinjava's context drops those). */
    public void defineGlobals(java.util.Collection<String> names) {
        globalNames.addAll(names);
    }

    boolean isGlobal(String name) {
        return globalNames.contains(name);
    }

    public ValuePrinter printer() {
        return printer;
    }

    public List<RoleMarker> roles() {
        return roles;
    }

    public List<BamlValue.MediaValue> media() {
        return media;
    }
}
