package dev.baml4j.lang.internal;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The declarations made of config values: {@code client<llm>}, {@code retry_policy}, {@code test}, {@code generator}. */
final class ConfigDeclParser {

    private final Lexer lx;
    private final ValueParser values;
    private final Blocks blocks;

    ConfigDeclParser(Lexer lx, ValueParser values, Blocks blocks) {
        this.lx = lx;
        this.values = values;
        this.blocks = blocks;
    }


    private static final List<String> CLIENT_KEYS = List.of("provider", "retry_policy", "options");

    Ast.ClientDecl clientDecl(int start) {
        lx.skipInline();
        if (lx.accept('<')) {
            int typeStart = lx.pos;
            String type = lx.expectIdentifier("`llm` in `client<llm>`");
            if (!type.equals("llm")) {
                lx.error(typeStart, lx.pos, "unknown client type `" + type + "`", "write `client<llm>`");
            }
            lx.expect('>', "to close `client<llm`");
        }
        int nameStart = blocks.skipToName();
        String name = lx.expectIdentifier("a client name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "client `" + name + "`";
        ConfigValue[] found = new ConfigValue[3];
        Set<String> seen = new HashSet<>();
        blocks.block(what, start, (doc, at) -> {
            String key = blocks.memberKey(what, CLIENT_KEYS);
            int idx = CLIENT_KEYS.indexOf(key);
            if (idx < 0) {
                blocks.unknownKey(key, at, what, CLIENT_KEYS);
            } else {
                blocks.duplicateKey(seen, key, at, what);
                found[idx] = values.value(ValueParser.Context.BLOCK_MEMBER, 0);
            }
            lx.skipInline();
        });
        ConfigValue.MapLit options;
        if (found[2] == null) {
            options = ConfigValue.MapLit.empty(nameSpan);
        } else if (found[2] instanceof ConfigValue.MapLit m) {
            options = m;
        } else {
            lx.error(found[2].span(), "the `options` of " + what + " must be a map, not " + found[2].describe(),
                    "write `options { key value }`");
            options = ConfigValue.MapLit.empty(found[2].span());
        }
        return new Ast.ClientDecl(name, nameSpan, found[0], found[1], options, lx.span(start, lx.pos));
    }

    private static final List<String> RETRY_KEYS = List.of("max_retries", "strategy", "options");

    Ast.RetryPolicyDecl retryPolicyDecl(int start) {
        int nameStart = blocks.skipToName();
        String name = lx.expectIdentifier("a retry_policy name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "retry_policy `" + name + "`";
        ConfigValue[] found = new ConfigValue[3];
        Set<String> seen = new HashSet<>();
        blocks.block(what, start, (doc, at) -> {
            String key = blocks.memberKey(what, RETRY_KEYS);
            int idx = RETRY_KEYS.indexOf(key);
            if (idx < 0) {
                blocks.unknownKey(key, at, what, RETRY_KEYS);
            } else {
                blocks.duplicateKey(seen, key, at, what);
                found[idx] = values.value(ValueParser.Context.BLOCK_MEMBER, 0);
            }
            lx.skipInline();
        });
        return new Ast.RetryPolicyDecl(name, nameSpan, found[0], found[1], found[2], lx.span(start, lx.pos));
    }

    private static final List<String> TEST_KEYS = List.of("functions", "args", "type_builder");

    Ast.TestDecl testDecl(int start) {
        int nameStart = blocks.skipToName();
        String name = lx.expectIdentifier("a test name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "test `" + name + "`";
        ConfigValue[] functions = new ConfigValue[1];
        ConfigValue.MapLit[] args = new ConfigValue.MapLit[1];
        List<Attribute> attrs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        blocks.block(what, start, (doc, at) -> {
            if (lx.peek() == '@' && lx.peek(1) == '@') {
                attrs.add(values.attribute(0));
                blocks.expectMemberEnd("a block attribute");
                return;
            }
            String key = blocks.memberKey(what, TEST_KEYS);
            if (key.equals("functions")) {
                blocks.duplicateKey(seen, key, at, what);
                functions[0] = values.value(ValueParser.Context.BLOCK_MEMBER, 0);
            } else if (key.equals("args")) {
                blocks.duplicateKey(seen, key, at, what);
                lx.skipInline();
                if (lx.peek() != '{') {
                    throw lx.fail(lx.pos, lx.pos + 1, "expected `{` after `args`", "write `args { name value }`");
                }
                args[0] = values.map(0);
            } else if (key.equals("type_builder")) {
                blocks.duplicateKey(seen, key, at, what);
                skipBalancedBraces();
            } else {
                blocks.unknownKey(key, at, what, TEST_KEYS);
            }
            lx.skipInline();
        });
        ConfigValue.MapLit argMap = args[0] != null ? args[0] : ConfigValue.MapLit.empty(nameSpan);
        return new Ast.TestDecl(name, nameSpan, functions[0], argMap, attrs, lx.span(start, lx.pos));
    }

    /**
     * A test's {@code type_builder { … }}: it only matters to tools that run tests with dynamic
     * types, so it is checked for balance and skipped. Iterative, so depth cannot hurt.
     */
    private void skipBalancedBraces() {
        lx.skipInline();
        int open = lx.pos;
        if (!lx.accept('{')) {
            throw lx.fail(open, open + 1, "expected `{` after `type_builder`", null);
        }
        int depth = 1;
        while (depth > 0) {
            if (lx.eof()) {
                throw lx.fail(open, open + 1, "unclosed `type_builder` block", "add `}`");
            }
            if (lx.rawStringHashes() > 0) {
                Literals.raw(lx);
                continue;
            }
            char c = lx.peek();
            if (c == '"') {
                Literals.quoted(lx);
                continue;
            }
            if (c == '/' && lx.peek(1) == '/') {
                lx.pos = lx.lineEnd();
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            lx.pos++;
        }
    }

    Ast.GeneratorDecl generatorDecl(int start) {
        int nameStart = blocks.skipToName();
        String name = lx.expectIdentifier("a generator name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "generator `" + name + "`";
        List<ConfigValue.Entry> entries = new ArrayList<>();
        int bodyStart = lx.pos;
        blocks.block(what, start, (doc, at) -> {
            String key = blocks.memberKey(what, List.of("output_type", "output_dir", "version"));
            SourceSpan keySpan = lx.span(at, lx.pos);
            entries.add(new ConfigValue.Entry(key, keySpan, values.value(ValueParser.Context.BLOCK_MEMBER, 0)));
            lx.skipInline();
        });
        return new Ast.GeneratorDecl(name, nameSpan, new ConfigValue.MapLit(entries, lx.span(bodyStart, lx.pos)),
                lx.span(start, lx.pos));
    }
}
