package dev.baml4j.lang;

import dev.baml4j.types.BamlType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IR of a validated BAML project: every declaration by name, in source order. Immutable and
 * safe to share; produced only by {@link BamlCompiler}, so every type reference in it resolves.
 */
public record BamlProject(
        List<SourceFile> files,
        Map<String, ClassDef> classes,
        Map<String, EnumDef> enums,
        Map<String, TypeAliasDef> aliases,
        Map<String, FunctionDef> functions,
        Map<String, ClientDef> clients,
        Map<String, RetryPolicyDef> retryPolicies,
        Map<String, TemplateStringDef> templateStrings,
        List<TestDef> tests,
        List<GeneratorDef> generators) {

    public BamlProject {
        files = List.copyOf(files);
        classes = frozen(classes);
        enums = frozen(enums);
        aliases = frozen(aliases);
        functions = frozen(functions);
        clients = frozen(clients);
        retryPolicies = frozen(retryPolicies);
        templateStrings = frozen(templateStrings);
        tests = List.copyOf(tests);
        generators = List.copyOf(generators);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Optional<ClassDef> classDef(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    public Optional<EnumDef> enumDef(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    public Optional<FunctionDef> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public Optional<ClientDef> client(String name) {
        return Optional.ofNullable(clients.get(name));
    }

    /** Follows alias references (not into lists or maps) until a non-alias type is reached. */
    public BamlType resolveAlias(BamlType type) {
        BamlType t = type;
        int guard = 0;
        while (t instanceof BamlType.AliasRef a && guard++ < 1000) {
            TypeAliasDef def = aliases.get(a.name());
            if (def == null) {
                return t;
            }
            t = def.type();
        }
        return t;
    }
}
