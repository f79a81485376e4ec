package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.GeneratorDef;
import dev.baml4j.lang.ParamDef;
import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.lang.TemplateStringDef;
import dev.baml4j.lang.TestDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns parsed files into the IR: declares every name, reports duplicates, resolves types,
 * checks attributes, functions, clients and retry policies. Works on whatever the parser could
 * read, so a syntax error in one declaration doesn't hide a type error in another.
 */
final class Validator {

    private final List<Diagnostic> diagnostics;
    private final ClientValidator clientValidator;
    private final AttributeRules attributeRules;

    private final Map<String, Ast.Decl> topNames = new LinkedHashMap<>();
    private final Map<String, Ast.ClassDecl> classDecls = new LinkedHashMap<>();
    private final Map<String, Ast.EnumDecl> enumDecls = new LinkedHashMap<>();
    private final Map<String, Ast.AliasDecl> aliasDecls = new LinkedHashMap<>();
    private final Map<String, Ast.Decl> callables = new LinkedHashMap<>();
    private final Map<String, Ast.ClientDecl> clientDecls = new LinkedHashMap<>();
    private final Map<String, Ast.RetryPolicyDecl> retryDecls = new LinkedHashMap<>();
    private final Map<String, Ast.TestDecl> testDecls = new LinkedHashMap<>();
    private final Map<String, Ast.GeneratorDecl> generatorDecls = new LinkedHashMap<>();
    private TypeResolver types;

    /** Field names BAML rejects because they are declaration keywords. */
    private static final Set<String> FIELD_KEYWORDS = Set.of("class", "enum", "function");

    Validator(List<Diagnostic> diagnostics, ClientValidator clientValidator) {
        this.diagnostics = diagnostics;
        this.clientValidator = clientValidator;
        this.attributeRules = new AttributeRules(diagnostics);
    }

    BamlProject validate(List<SourceFile> files, List<Ast.FileAst> asts) {
        for (Ast.FileAst file : asts) {
            for (Ast.Decl d : file.decls()) {
                declare(d);
            }
        }
        types = new TypeResolver(classDecls.keySet(), enumDecls.keySet(), aliasDecls.keySet(), diagnostics,
                attributeRules);

        Map<String, TypeAliasDef> aliases = new LinkedHashMap<>();
        Map<String, BamlType> aliasTypes = new HashMap<>();
        for (Ast.AliasDecl a : aliasDecls.values()) {
            BamlType t = types.resolve(a.type());
            aliases.put(a.name(), new TypeAliasDef(a.name(), t, a.nameSpan()));
            aliasTypes.put(a.name(), t);
        }
        Map<String, ClassDef> classes = new LinkedHashMap<>();
        for (Ast.ClassDecl c : classDecls.values()) {
            classes.put(c.name(), classDef(c));
        }
        Map<String, EnumDef> enums = new LinkedHashMap<>();
        for (Ast.EnumDecl e : enumDecls.values()) {
            enums.put(e.name(), enumDef(e));
        }
        types.checkMapKeys();
        new ClassCycles(diagnostics).check(classes, aliasTypes);
        new AliasCycles(diagnostics).check(aliasDecls, aliasTypes);

        ClientRules clientRules = new ClientRules(diagnostics, clientValidator);
        Map<String, RetryPolicyDef> retryPolicies = new LinkedHashMap<>();
        for (Ast.RetryPolicyDecl r : retryDecls.values()) {
            RetryPolicyDef def = clientRules.retryPolicy(r);
            if (def != null) {
                retryPolicies.put(def.name(), def);
            }
        }
        Map<String, ClientDef> clients = new LinkedHashMap<>();
        for (Ast.ClientDecl c : clientDecls.values()) {
            ClientDef def = clientRules.client(c, retryDecls.keySet());
            if (def != null) {
                clients.put(def.name(), def);
            }
        }

        ReturnTypeCheck returnTypes = new ReturnTypeCheck(diagnostics, classes, aliases);
        Map<String, FunctionDef> functions = new LinkedHashMap<>();
        Map<String, TemplateStringDef> templates = new LinkedHashMap<>();
        for (Ast.Decl d : callables.values()) {
            if (d instanceof Ast.FunctionDecl f) {
                FunctionDef def = functionDef(f, clients, clientRules);
                functions.put(def.name(), def);
                returnTypes.check(def.returnType(), f);
            } else if (d instanceof Ast.TemplateStringDecl t) {
                templates.put(t.name(), new TemplateStringDef(t.name(), params(t.params()), t.body().text(), t.nameSpan()));
                checkReads(t.body(), t.params(), "template_string `" + t.name() + "`");
            }
        }
        StrategyRules strategies = new StrategyRules(diagnostics, clientRules);
        strategies.check(clientDecls.values(), clients);
        for (ClientDef c : clients.values()) {
            clientRules.validateOptions(c, strategies.reportedFor(c.name()));
        }

        List<TestDef> tests = new ArrayList<>();
        for (Ast.TestDecl t : testDecls.values()) {
            tests.add(testDef(t));
        }
        List<GeneratorDef> generators = new ArrayList<>();
        for (Ast.GeneratorDecl g : generatorDecls.values()) {
            checkGenerator(g);
            generators.add(new GeneratorDef(g.name(), g.options(), g.nameSpan()));
        }
        return new BamlProject(files, classes, enums, aliases, functions, clients, retryPolicies, templates, tests,
                generators);
    }

    // ---- names ---------------------------------------------------------------------------

    /**
     * Classes, enums, aliases, functions, template strings, clients and retry policies share one
     * namespace (as in BAML); tests and generators each have their own.
     */
    private void declare(Ast.Decl d) {
        boolean isType = d instanceof Ast.ClassDecl || d instanceof Ast.EnumDecl || d instanceof Ast.AliasDecl;
        if (isType && TypeResolver.BUILTINS.containsKey(d.name())) {
            diagnostics.add(Diagnostic.error(d.nameSpan(), "`" + d.name() + "` is a built-in type and cannot be"
                    + " declared again", "choose another name"));
            return;
        }
        if (d instanceof Ast.TestDecl t) {
            unique(testDecls, t);
            return;
        }
        if (d instanceof Ast.GeneratorDecl g) {
            unique(generatorDecls, g);
            return;
        }
        if (!unique(topNames, d)) {
            return;
        }
        if (d instanceof Ast.ClassDecl c) {
            classDecls.put(c.name(), c);
        } else if (d instanceof Ast.EnumDecl e) {
            enumDecls.put(e.name(), e);
        } else if (d instanceof Ast.AliasDecl a) {
            aliasDecls.put(a.name(), a);
        } else if (d instanceof Ast.FunctionDecl || d instanceof Ast.TemplateStringDecl) {
            callables.put(d.name(), d);
        } else if (d instanceof Ast.ClientDecl c) {
            clientDecls.put(c.name(), c);
        } else if (d instanceof Ast.RetryPolicyDecl r) {
            retryDecls.put(r.name(), r);
        }
    }

    @SuppressWarnings("unchecked")
    private <D extends Ast.Decl> boolean unique(Map<String, D> names, Ast.Decl d) {
        Ast.Decl first = names.get(d.name());
        if (first != null) {
            diagnostics.add(Diagnostic.error(d.nameSpan(), "`" + d.name() + "` is declared twice (as " + first.kind()
                    + " and as " + d.kind() + ")", "the first one is at " + first.nameSpan() + "; rename one of them"));
            return false;
        }
        names.put(d.name(), (D) d);
        return true;
    }

    // ---- types ---------------------------------------------------------------------------

    private ClassDef classDef(Ast.ClassDecl c) {
        String where = "class `" + c.name() + "`";
        attributeRules.check(c.attributes(), AttributeRules.Target.CLASS, where);
        List<FieldDef> fields = new ArrayList<>();
        Map<String, Ast.Field> seen = new HashMap<>();
        for (Ast.Field f : c.fields()) {
            Ast.Field first = seen.putIfAbsent(f.name(), f);
            if (first != null) {
                diagnostics.add(Diagnostic.error(f.nameSpan(), "field `" + f.name() + "` is declared twice in " + where,
                        "the first one is at " + first.nameSpan() + "; remove or rename one"));
                continue;
            }
            if (FIELD_KEYWORDS.contains(f.name())) {
                diagnostics.add(Diagnostic.error(f.nameSpan(), "field name `" + f.name() + "` is a BAML keyword",
                        "rename it, e.g. `" + f.name() + "_name`, and keep the JSON key with `@alias(\"" + f.name()
                                + "\")`"));
            }
            BamlType type = types.resolve(f.type());
            String fieldWhere = "field `" + c.name() + "." + f.name() + "`";
            attributeRules.check(f.attributes(), AttributeRules.Target.FIELD, fieldWhere);
            FieldDef def = new FieldDef(f.name(), type, f.attributes(), f.nameSpan(), f.doc());
            if (def.hasAttribute("skip") && !(type.unannotated() instanceof BamlType.Optional)) {
                diagnostics.add(Diagnostic.error(def.attribute("skip").get().span(),
                        "`@skip` on " + fieldWhere + ", which is not optional",
                        "a skipped field is never filled: make it `" + f.name() + " " + type.toBaml() + "?`"));
            }
            fields.add(def);
        }
        return new ClassDef(c.name(), fields, c.attributes(), c.nameSpan(), c.doc());
    }

    private EnumDef enumDef(Ast.EnumDecl e) {
        String where = "enum `" + e.name() + "`";
        attributeRules.check(e.attributes(), AttributeRules.Target.ENUM, where);
        List<EnumValueDef> values = new ArrayList<>();
        Map<String, Ast.EnumValue> seen = new HashMap<>();
        for (Ast.EnumValue v : e.values()) {
            Ast.EnumValue first = seen.putIfAbsent(v.name(), v);
            if (first != null) {
                diagnostics.add(Diagnostic.error(v.nameSpan(), "value `" + v.name() + "` is declared twice in " + where,
                        "the first one is at " + first.nameSpan() + "; remove one"));
                continue;
            }
            char initial = v.name().charAt(0);
            if (initial < 'A' || initial > 'Z') {
                // The official compiler rejects this; baml4j only warns, as nothing in Java depends on it.
                diagnostics.add(Diagnostic.warning(v.nameSpan(), "enum value `" + v.name()
                        + "` should start with an uppercase letter (the official BAML compiler rejects it)", "write `" + v.name().toUpperCase(java.util.Locale.ROOT)
                                .replaceFirst("^_+", "") + "`, and keep the text with `@alias(\"" + v.name() + "\")`"));
            }
            attributeRules.check(v.attributes(), AttributeRules.Target.ENUM_VALUE, "value `" + e.name() + "."
                    + v.name() + "`");
            values.add(new EnumValueDef(v.name(), v.attributes(), v.nameSpan(), v.doc()));
        }
        return new EnumDef(e.name(), values, e.attributes(), e.nameSpan(), e.doc());
    }

    private List<ParamDef> params(List<Ast.Param> params) {
        List<ParamDef> out = new ArrayList<>();
        Map<String, Ast.Param> seen = new HashMap<>();
        for (Ast.Param p : params) {
            Ast.Param first = seen.putIfAbsent(p.name(), p);
            if (first != null) {
                diagnostics.add(Diagnostic.error(p.nameSpan(), "parameter `" + p.name() + "` is declared twice",
                        "rename one of them"));
                continue;
            }
            attributeRules.check(p.attributes(), AttributeRules.Target.PARAM, "parameter `" + p.name() + "`");
            out.add(new ParamDef(p.name(), types.resolve(p.type()), p.attributes(), p.nameSpan()));
        }
        return out;
    }

    // ---- functions and tests -------------------------------------------------------------

    private FunctionDef functionDef(Ast.FunctionDecl f, Map<String, ClientDef> clients, ClientRules clientRules) {
        List<ParamDef> params = params(f.params());
        BamlType returnType = types.resolve(f.returnType());
        String clientName = null;
        SourceSpan clientSpan = f.nameSpan();
        if (f.client() == null) {
            diagnostics.add(Diagnostic.error(f.nameSpan(), "function `" + f.name() + "` has no client",
                    "add a line `client <ClientName>` or `client \"aws-bedrock/<model id>\"`"));
        } else if (f.client() instanceof ConfigValue.StringLit s) {
            clientName = s.value();
            clientSpan = s.span();
            if (clientName.contains("/")) {
                clients.computeIfAbsent(clientName, n -> clientRules.shorthand(n, s.span()));
            } else if (!clientDecls.containsKey(clientName)) {
                String suggestion = Suggestions.closest(clientName, clientDecls.keySet());
                diagnostics.add(Diagnostic.error(s.span(), "unknown client `" + clientName + "` in function `"
                        + f.name() + "`", suggestion != null ? "did you mean `" + suggestion + "`?"
                                : "declare it with `client<llm> " + clientName + " { ... }`, or write"
                                        + " `client \"provider/model\"`"));
            }
        } else {
            diagnostics.add(Diagnostic.error(f.client().span(), "the client of function `" + f.name()
                    + "` must be a client name, not " + f.client().describe(), "write `client MyClient`"));
        }
        if (f.prompt() == null) {
            diagnostics.add(Diagnostic.error(f.nameSpan(), "function `" + f.name() + "` has no prompt",
                    "add `prompt #\"...\"#`"));
        }
        if (f.prompt() != null) {
            checkReads(f.prompt(), f.params(), "the prompt of `" + f.name() + "`");
        }
        return new FunctionDef(f.name(), params, returnType, clientName, clientSpan,
                f.prompt() == null ? null : f.prompt().text(), f.nameSpan());
    }

    private TestDef testDef(Ast.TestDecl t) {
        attributeRules.check(t.attributes(), AttributeRules.Target.TEST, "test `" + t.name() + "`");
        List<String> functions = new ArrayList<>();
        List<ConfigValue> listed = new ArrayList<>();
        if (t.functions() instanceof ConfigValue.ArrayLit a) {
            listed.addAll(a.items());
        } else if (t.functions() != null) {
            listed.add(t.functions());
        } else {
            diagnostics.add(Diagnostic.error(t.nameSpan(), "test `" + t.name() + "` names no functions",
                    "add `functions [MyFunction]`"));
        }
        Set<String> functionNames = functionNames();
        for (ConfigValue v : listed) {
            if (v instanceof ConfigValue.StringLit s) {
                if (!functionNames.contains(s.value())) {
                    String suggestion = Suggestions.closest(s.value(), functionNames);
                    // A warning, as in BAML: the test cannot run, but the project loads.
                    diagnostics.add(Diagnostic.warning(s.span(), "test `" + t.name() + "` names unknown function `"
                            + s.value() + "`", suggestion != null ? "did you mean `" + suggestion + "`?" : null));
                }
                functions.add(s.value());
            } else {
                diagnostics.add(Diagnostic.error(v.span(), "`functions` lists function names, not " + v.describe(),
                        "write `functions [MyFunction]`"));
            }
        }
        for (String fn : functions) {
            if (callables.get(fn) instanceof Ast.FunctionDecl f) {
                checkTestArgs(t, f);
            }
        }
        return new TestDef(t.name(), functions, t.args(), t.attributes(), t.nameSpan());
    }

    /**
     * A variable no parameter, template_string or enum provides prints as nothing at run time:
     * a warning, as in BAML, with the closest name.
     */
    private void checkReads(Ast.Template template, List<Ast.Param> params, String where) {
        Set<String> known = new java.util.LinkedHashSet<>();
        params.forEach(p -> known.add(p.name()));
        known.add("ctx");
        known.add("_");
        for (Ast.Decl d : callables.values()) {
            if (d instanceof Ast.TemplateStringDecl) {
                known.add(d.name());
            }
        }
        known.addAll(enumDecls.keySet());
        for (Ast.NameUse use : template.reads()) {
            if (!known.contains(use.name())) {
                String suggestion = Suggestions.closest(use.name(), known);
                diagnostics.add(Diagnostic.warning(use.span(), "variable `" + use.name() + "` in " + where
                        + " does not exist", suggestion != null ? "did you mean `" + suggestion + "`?"
                                : "it will print as nothing; pass it as a parameter"));
            }
        }
    }

    /** Warnings, as in BAML: the project loads, but the test cannot call the function as written. */
    private void checkTestArgs(Ast.TestDecl t, Ast.FunctionDecl f) {
        Set<String> params = new java.util.LinkedHashSet<>();
        f.params().forEach(p -> params.add(p.name()));
        for (ConfigValue.Entry e : t.args().entries()) {
            if (!params.contains(e.key())) {
                String suggestion = Suggestions.closest(e.key(), params);
                diagnostics.add(Diagnostic.warning(e.keySpan(), "test `" + t.name() + "` gives unknown argument `"
                        + e.key() + "` to function `" + f.name() + "`", suggestion != null
                                ? "did you mean `" + suggestion + "`?" : "its parameters: " + String.join(", ", params)));
            }
        }
        for (Ast.Param p : f.params()) {
            boolean optional = p.type() instanceof Ast.OptionalT;
            if (!optional && t.args().get(p.name()).isEmpty()) {
                diagnostics.add(Diagnostic.warning(t.nameSpan(), "test `" + t.name() + "` does not give argument `"
                        + p.name() + "` of function `" + f.name() + "`", "add it to `args { ... }`"));
            }
        }
    }

    /** The official generators; baml4j generates Java through its Maven plugin instead. */
    private static final List<String> OUTPUT_TYPES = List.of("python/pydantic", "python/pydantic/v1", "typescript",
            "typescript/react", "ruby/sorbet", "go", "rust", "rest/openapi");

    private void checkGenerator(Ast.GeneratorDecl g) {
        var outputType = g.options().get("output_type");
        if (outputType.isEmpty()) {
            diagnostics.add(Diagnostic.error(g.nameSpan(), "generator `" + g.name() + "` has no `output_type`",
                    "add `output_type \"python/pydantic\"` (or another official generator)"));
        } else if (!OUTPUT_TYPES.contains(outputType.get().asString().orElse(""))) {
            String given = outputType.get().asString().orElse(outputType.get().describe());
            List<String> close = Suggestions.close(given, OUTPUT_TYPES, 3);
            diagnostics.add(Diagnostic.error(outputType.get().span(), "unknown output_type `" + given
                    + "` in generator `" + g.name() + "`", (close.isEmpty() ? "one of " + String.join(", ", OUTPUT_TYPES)
                            : "did you mean `" + close.get(0) + "`?")
                            + "; baml4j generates Java with its Maven plugin, not a generator block"));
        }
    }

    private Set<String> functionNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (Ast.Decl d : callables.values()) {
            if (d instanceof Ast.FunctionDecl) {
                names.add(d.name());
            }
        }
        return names;
    }
}
