package dev.baml4j.prompt.internal;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.types.BamlType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered output formats by (return type, options): the text depends only on the project, so
 * each is computed once per renderer instead of on every render.
 */
public final class OutputFormatCache {

    private record Key(BamlType type, OutputFormatOptions options) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final BamlProject project;
    private final Map<Key, String> cache = new ConcurrentHashMap<>();

    public OutputFormatCache(BamlProject project) {
        this.project = project;
    }

    /** @throws IllegalArgumentException for options the project cannot satisfy (an unknown class) */
    String get(BamlType type, OutputFormatOptions options) {
        Key key = new Key(type, options);
        String cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String text = OutputFormatRenderer.render(project, type, options);
        if (cache.size() < MAX_ENTRIES) {
            cache.put(key, text);
        }
        return text;
    }
}
