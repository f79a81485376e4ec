package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.ConfigValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which attributes may stand where, and what arguments each takes. */
final class AttributeRules {

    /** Where an attribute is written. */
    enum Target {
        FIELD(List.of("alias", "description", "skip", "check", "assert", "stream.done", "stream.not_null",
                "stream.with_state")),
        ENUM_VALUE(List.of("alias", "description", "skip", "check", "assert", "stream.done", "stream.not_null",
                "stream.with_state")),
        TYPE(List.of("check", "assert", "stream.done", "stream.not_null", "stream.with_state")),
        PARAM(List.of("check", "assert", "description", "alias")),
        CLASS(List.of("alias", "description", "dynamic", "check", "assert", "stream.done", "stream.not_null")),
        ENUM(List.of("alias", "description", "dynamic", "check", "assert")),
        TEST(List.of("check", "assert"));

        final List<String> allowed;

        Target(List<String> allowed) {
            this.allowed = allowed;
        }

        boolean block() {
            return this == CLASS || this == ENUM || this == TEST;
        }
    }

    private static final Map<String, String> USAGE = Map.of(
            "alias", "@alias(\"name\")",
            "description", "@description(\"text\")",
            "check", "@check(name, {{ this > 0 }})",
            "assert", "@assert(name, {{ this > 0 }})");

    private final List<Diagnostic> diagnostics;

    AttributeRules(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(List<Attribute> attributes, Target target, String where) {
        Set<String> seen = new HashSet<>();
        for (Attribute a : attributes) {
            String written = (a.block() ? "@@" : "@") + a.name();
            if (a.block() != target.block()) {
                String right = (target.block() ? "@@" : "@") + a.name();
                diagnostics.add(Diagnostic.error(a.span(), "`" + written + "` cannot be used on " + where,
                        target.allowed.contains(a.name()) ? "write `" + right + "`"
                                : (a.block() ? "`@@` attributes belong to a whole class or enum"
                                        : "`@` attributes belong to a field, value, type or parameter")));
                continue;
            }
            if (!target.allowed.contains(a.name())) {
                String suggestion = Suggestions.closest(a.name(), target.allowed);
                String prefix = target.block() ? "@@" : "@";
                diagnostics.add(Diagnostic.error(a.span(), "unknown attribute `" + written + "` on " + where,
                        suggestion != null ? "did you mean `" + prefix + suggestion + "`?"
                                : "allowed here: " + prefix + String.join(", " + prefix, target.allowed)));
                continue;
            }
            if (!a.name().equals("check") && !a.name().equals("assert") && !seen.add(a.name())) {
                diagnostics.add(Diagnostic.error(a.span(), "`" + written + "` is given twice on " + where,
                        "remove one of them"));
            }
            checkArgs(a, written);
        }
    }

    private void checkArgs(Attribute a, String written) {
        List<ConfigValue> args = a.args();
        switch (a.name()) {
            case "alias":
            case "description":
                if (args.size() != 1 || !(args.get(0) instanceof ConfigValue.StringLit)) {
                    diagnostics.add(Diagnostic.error(a.span(), "`" + written + "` takes one string",
                            "write `" + (a.block() ? "@" : "") + USAGE.get(a.name()) + "`"));
                }
                break;
            case "check":
                if (args.size() != 2 || !(args.get(0) instanceof ConfigValue.StringLit)
                        || !(args.get(1) instanceof ConfigValue.JinjaExpr)) {
                    diagnostics.add(Diagnostic.error(a.span(), "`" + written + "` takes a name and a `{{ … }}` expression",
                            "write `" + (a.block() ? "@" : "") + USAGE.get("check") + "`"));
                }
                break;
            case "assert":
                boolean ok = (args.size() == 1 && args.get(0) instanceof ConfigValue.JinjaExpr)
                        || (args.size() == 2 && args.get(0) instanceof ConfigValue.StringLit
                                && args.get(1) instanceof ConfigValue.JinjaExpr);
                if (!ok) {
                    diagnostics.add(Diagnostic.error(a.span(), "`" + written
                            + "` takes a `{{ … }}` expression, optionally after a name",
                            "write `" + (a.block() ? "@" : "") + USAGE.get("assert") + "`"));
                }
                break;
            default:
                if (!args.isEmpty()) {
                    diagnostics.add(Diagnostic.error(a.span(), "`" + written + "` takes no arguments",
                            "write `" + written + "`"));
                }
        }
    }
}
