package dev.baml4j.prompt.internal;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.BamlType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code {{ ctx.output_format }}}: the schema text BAML puts in prompts, byte for byte (spec
 * §2.5). Types are collected from the return type with a LIFO stack (so hoisted blocks come out
 * in reverse field order), enums and recursive classes are hoisted into named blocks, and the
 * rest is rendered inline.
 */
public final class OutputFormatRenderer {

    private final BamlProject project;
    private final BamlType target;
    private final OutputFormatOptions opts;
    private final Set<String> hoistedClasses = new LinkedHashSet<>();
    private final Set<String> hoistedEnums = new LinkedHashSet<>();
    private final Set<String> recursiveAliases = new LinkedHashSet<>();

    private OutputFormatRenderer(BamlProject project, BamlType target, OutputFormatOptions opts) {
        this.project = project;
        this.target = target;
        this.opts = opts;
    }

    /** Renders the output format of {@code target}; IllegalArgumentException for bad options. */
    public static String render(BamlProject project, BamlType target, OutputFormatOptions opts) {
        return new OutputFormatRenderer(project, target, opts).render();
    }

    private String render() {
        OutputFormatTypes types = OutputFormatTypes.collect(project, target);
        List<String> classOrder = types.classes();
        List<String> enumOrder = types.enums();
        List<String> aliasOrder = types.aliases();

        for (String name : opts.hoistClasses()) {
            if (!project.classes().containsKey(name)) {
                throw new IllegalArgumentException("hoist_classes names an unknown class '" + name + "'");
            }
        }
        Set<String> recursive = types.recursiveClasses();
        for (String c : classOrder) {
            if (recursive.contains(c)) {
                hoistedClasses.add(c);
            }
        }
        for (String c : classOrder) {
            if (opts.hoistAll() || opts.hoistClasses().contains(c)) {
                hoistedClasses.add(c);
            }
        }
        BamlType top = unwrap(target);
        String targetEnum = top instanceof BamlType.EnumRef e ? e.name() : null;
        for (String e : enumOrder) {
            EnumDef def = project.enums().get(e);
            if (def != null && (opts.alwaysHoistEnums() || shouldHoistEnum(def))) {
                hoistedEnums.add(e);
            }
        }
        for (String a : aliasOrder) {
            if (types.isRecursiveAlias(a)) {
                recursiveAliases.add(a);
            }
        }

        StringBuilder out = new StringBuilder();
        List<String> enumBlocks = new ArrayList<>();
        for (String e : hoistedEnums) {
            if (!e.equals(targetEnum)) {
                enumBlocks.add(enumBlock(project.enums().get(e)));
            }
        }
        if (!enumBlocks.isEmpty()) {
            out.append(String.join("\n\n", enumBlocks)).append("\n\n");
        }
        List<String> classBlocks = new ArrayList<>();
        for (String c : hoistedClasses) {
            classBlocks.add(hoistedClassBlock(project.classes().get(c)));
        }
        if (!classBlocks.isEmpty()) {
            out.append(String.join("\n\n", classBlocks)).append("\n\n");
        }
        if (!recursiveAliases.isEmpty()) {
            for (String a : recursiveAliases) {
                out.append(keywordPrefix()).append(a).append(" = ").append(type(project.aliases().get(a).type())).append('\n');
            }
            out.append('\n');
        }
        String prefix = opts.prefixSet() ? opts.prefix() : autoPrefix(top);
        boolean isString = top instanceof BamlType.Primitive p && p.kind() == BamlType.PrimitiveKind.STRING;
        if (isString && !opts.prefixSet()) {
            return stripTrailingNewlines(out.toString());
        }
        if (prefix != null) {
            out.append(prefix);
        }
        out.append(body(top, targetEnum));
        return stripTrailingNewlines(out.toString());
    }

    private String body(BamlType top, String targetEnum) {
        if (targetEnum != null) {
            return enumBlock(project.enums().get(targetEnum));
        }
        if (top instanceof BamlType.ClassRef c && hoistedClasses.contains(c.name())) {
            return opts.prefixSet() ? c.name() : "";
        }
        if (top instanceof BamlType.AliasRef a && recursiveAliases.contains(a.name())) {
            return opts.prefixSet() ? a.name() : "";
        }
        return type(top);
    }

    private String autoPrefix(BamlType t) {
        String schema = opts.hoistedClassPrefix() != null ? opts.hoistedClassPrefix() : "schema";
        if (t instanceof BamlType.Primitive p) {
            if (p.kind() == BamlType.PrimitiveKind.STRING) {
                return null;
            }
            String name = p.kind().keyword();
            String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
            return "Answer as " + article + " ";
        }
        if (t instanceof BamlType.Literal) {
            return "Answer using this specific value:\n";
        }
        if (t instanceof BamlType.EnumRef) {
            return "Answer with any of the categories:\n";
        }
        if (t instanceof BamlType.ClassRef c) {
            if (hoistedClasses.contains(c.name())) {
                return "Answer in JSON using this " + schema + ": " + c.name();
            }
            return "Answer in JSON using this " + schema + ":\n";
        }
        if (t instanceof BamlType.ListOf) {
            return "Answer with a JSON Array using this schema:\n";
        }
        if (t instanceof BamlType.Union) {
            return "Answer in JSON using any of these schemas:\n";
        }
        if (t instanceof BamlType.Optional o) {
            return unwrap(o.inner()) instanceof BamlType.Union
                    ? "Answer in JSON using any of these schemas:\n"
                    : "Answer in JSON using this schema:\n";
        }
        if (t instanceof BamlType.AliasRef a && recursiveAliases.contains(a.name())) {
            return "Answer in JSON using this " + schema + ": " + a.name();
        }
        return "Answer in JSON using this schema:\n";
    }

    private static boolean shouldHoistEnum(EnumDef def) {
        long visible = def.values().stream().filter(v -> !v.isSkipped()).count();
        return visible > 6 || def.values().stream().anyMatch(v -> !v.isSkipped() && v.hasAttribute("description"));
    }

    // ---- rendering ----

    private String type(BamlType t) {
        BamlType u = unwrap(t);
        if (u instanceof BamlType.Primitive p) {
            return p.kind().keyword();
        }
        if (u instanceof BamlType.Media m) {
            throw new IllegalArgumentException("media type " + m.kind().keyword() + " cannot be part of an output format");
        }
        if (u instanceof BamlType.Literal l) {
            return literal(l.value());
        }
        if (u instanceof BamlType.EnumRef e) {
            EnumDef def = project.enums().get(e.name());
            if (def == null) {
                return e.name();
            }
            if (hoistedEnums.contains(e.name())) {
                return enumDisplayName(def);
            }
            List<String> values = new ArrayList<>();
            for (EnumValueDef v : def.values()) {
                if (!v.isSkipped()) {
                    values.add("'" + v.renderedName() + "'");
                }
            }
            return String.join(opts.orSplitter(), values);
        }
        if (u instanceof BamlType.ClassRef c) {
            if (hoistedClasses.contains(c.name())) {
                return c.name();
            }
            return classBody(project.classes().get(c.name()));
        }
        if (u instanceof BamlType.ListOf l) {
            return list(l.element());
        }
        if (u instanceof BamlType.MapOf m) {
            String k = type(m.key());
            String v = type(m.value());
            return opts.mapStyleObject() ? "{" + k + ": " + v + "}" : "map<" + k + ", " + v + ">";
        }
        if (u instanceof BamlType.Union un) {
            List<String> parts = new ArrayList<>();
            for (BamlType o : un.options()) {
                parts.add(type(o));
            }
            return String.join(opts.orSplitter(), parts);
        }
        if (u instanceof BamlType.Optional o) {
            return type(o.inner()) + opts.orSplitter() + "null";
        }
        if (u instanceof BamlType.AliasRef a) {
            if (recursiveAliases.contains(a.name())) {
                return a.name();
            }
            TypeAliasDef def = project.aliases().get(a.name());
            return def == null ? a.name() : type(def.type());
        }
        throw new IllegalStateException("unknown type " + t);
    }

    private String list(BamlType element) {
        BamlType e = unwrap(element);
        String inner = type(e);
        boolean inline;
        if (e instanceof BamlType.Primitive) {
            inline = true;
        } else if (e instanceof BamlType.ClassRef c) {
            inline = hoistedClasses.contains(c.name());
        } else if (e instanceof BamlType.EnumRef) {
            inline = inner.length() <= 15;
        } else if (e instanceof BamlType.Union u) {
            inline = u.options().stream().anyMatch(o -> unwrap(o) instanceof BamlType.Primitive);
            if (inline) {
                inner = "(" + inner + ")";
            }
        } else if (e instanceof BamlType.Optional) {
            inline = true;
            inner = "(" + inner + ")";
        } else if (e instanceof BamlType.AliasRef a) {
            inline = recursiveAliases.contains(a.name());
        } else {
            inline = false;
        }
        if (inline) {
            return inner + "[]";
        }
        return "[\n" + indentAll(inner) + "\n]";
    }

    /** A class as an inline schema block; field values that span lines are indented by two. */
    private String classBody(ClassDef def) {
        StringBuilder sb = new StringBuilder("{\n");
        def.attributeString("description").ifPresent(d -> {
            for (String line : d.strip().split("\n", -1)) {
                sb.append("  // ").append(line).append('\n');
            }
            sb.append('\n');
        });
        for (FieldDef f : def.fields()) {
            if (f.hasAttribute("skip")) {
                continue;
            }
            f.description().ifPresent(d -> {
                for (String line : d.strip().split("\n", -1)) {
                    sb.append("  // ").append(line).append('\n');
                }
            });
            String name = f.renderedName();
            if (opts.quoteClassFields()) {
                name = "\"" + name + "\"";
            }
            sb.append("  ").append(name).append(": ").append(indentContinuation(type(f.type()))).append(",\n");
        }
        return sb.append('}').toString();
    }

    /** {@code Name {...}}; the class description stays inside the braces (observed, unlike the spec text). */
    private String hoistedClassBlock(ClassDef def) {
        return keywordPrefix() + def.name() + ' ' + classBody(def);
    }

    /** {@code hoisted_class_prefix} also starts recursive alias definitions ({@code type JVal = ...}). */
    private String keywordPrefix() {
        return opts.hoistedClassPrefix() == null ? "" : opts.hoistedClassPrefix() + ' ';
    }

    private String enumBlock(EnumDef def) {
        StringBuilder sb = new StringBuilder(enumDisplayName(def)).append("\n----");
        String bullet = opts.enumValuePrefix() == null ? "" : opts.enumValuePrefix();
        for (EnumValueDef v : def.values()) {
            if (v.isSkipped()) {
                continue;
            }
            sb.append('\n').append(bullet).append(v.renderedName());
            v.attributeString("description").ifPresent(d -> sb.append(": ").append(d.strip().replace("\n", "\n  ")));
        }
        return sb.toString();
    }

    private static String enumDisplayName(EnumDef def) {
        return def.attributeString("alias").orElse(def.name());
    }

    private static String literal(Object v) {
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder();
            ValuePrinter.appendQuoted(sb, s);
            return sb.toString();
        }
        return String.valueOf(v);
    }

    private static BamlType unwrap(BamlType t) {
        return t.unannotated();
    }

    private static String indentAll(String s) {
        return "  " + s.replace("\n", "\n  ");
    }

    private static String indentContinuation(String s) {
        return s.replace("\n", "\n  ");
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
