package dev.baml4j.prompt.internal;

import dev.baml4j.lang.ParamDef;
import dev.baml4j.lang.TemplateStringDef;
import dev.baml4j.lang.TemplateText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Jinja source of one prompt: every template_string as a macro, then the prompt itself,
 * trimmed, with lstrip_blocks applied. Knows which source line came from which {@code .baml} line.
 */
public final class TemplateSource {

    private record Segment(int firstSourceLine, int lineCount, TemplateText origin) {
    }

    private final String source;
    private final List<Segment> segments;

    private TemplateSource(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
    }

    public static TemplateSource of(TemplateText prompt, Collection<TemplateStringDef> templateStrings) {
        StringBuilder sb = new StringBuilder();
        List<Segment> segments = new ArrayList<>();
        int line = 1;
        for (TemplateStringDef ts : templateStrings) {
            String params = ts.params().stream().map(ParamDef::name).collect(Collectors.joining(", "));
            String body = lstripBlocks(ts.template().text().strip());
            String macro = "{% macro " + ts.name() + "(" + params + ") %}" + body + "{% endmacro %}";
            int lines = newlines(macro);
            segments.add(new Segment(line, lines + 1, ts.template()));
            sb.append(macro);
            line += lines;
        }
        String body = lstripBlocks(prompt.text().strip());
        segments.add(new Segment(line, newlines(body) + 1, prompt));
        sb.append(body);
        return new TemplateSource(ReservedNames.rewrite(sb.toString()), List.copyOf(segments));
    }

    public String source() {
        return source;
    }

    /** {@code file:line} of a line of {@link #source()}, or null if unknown. */
    public String location(int sourceLine) {
        Segment best = null;
        for (Segment s : segments) {
            if (sourceLine >= s.firstSourceLine()) {
                best = s;
            }
        }
        if (best == null || sourceLine <= 0) {
            return null;
        }
        TemplateText t = best.origin();
        int fileLine = t.firstLine() + (sourceLine - best.firstSourceLine());
        return t.span().file() + ":" + fileLine;
    }

    /**
     * Jinja's lstrip_blocks: spaces and tabs from the start of a line up to a block or comment
     * tag are removed (not when the tag is {@code {%+}), except inside {@code raw} blocks.
     */
    static String lstripBlocks(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        boolean raw = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int j = 0;
            while (j < l.length() && (l.charAt(j) == ' ' || l.charAt(j) == '\t')) {
                j++;
            }
            String rest = l.substring(j);
            boolean tag = (rest.startsWith("{%") && !rest.startsWith("{%+")) || rest.startsWith("{#");
            if (tag && j > 0 && (!raw || rest.matches("\\{%-?\\s*endraw.*"))) {
                l = rest;
            }
            if (l.matches(".*\\{%-?\\s*raw\\s*-?%}.*") && !l.matches(".*\\{%-?\\s*endraw\\s*-?%}.*")) {
                raw = true;
            } else if (l.matches(".*\\{%-?\\s*endraw\\s*-?%}.*")) {
                raw = false;
            }
            out.append(l);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int newlines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
