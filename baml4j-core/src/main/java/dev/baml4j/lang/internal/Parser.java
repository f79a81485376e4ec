package dev.baml4j.lang.internal;

import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.lang.TemplateText;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for one {@code .baml} file. It recovers after every error: a broken
 * member is skipped to the end of its line, a broken declaration to the next line that starts a
 * declaration, so one run reports every error in the file.
 */
final class Parser {

    static final List<String> KEYWORDS = List.of("class", "enum", "function", "client", "template_string",
            "string_template", "retry_policy", "test", "generator", "type");

    private final Lexer lx;
    private final ValueParser values;
    private final TypeParser types;

    private Parser(SourceFile file, List<Diagnostic> diagnostics) {
        this.lx = new Lexer(file.path(), file.text(), diagnostics);
        this.values = new ValueParser(lx);
        this.types = new TypeParser(lx, values);
    }

    /** Parses one file; syntax errors go to {@code diagnostics}, and what could be read is returned. */
    static Ast.FileAst parse(SourceFile file, List<Diagnostic> diagnostics) {
        return new Parser(file, diagnostics).file();
    }

    private Ast.FileAst file() {
        List<Ast.Decl> decls = new ArrayList<>();
        while (true) {
            lx.skipTrivia();
            if (lx.eof() || lx.tooManyErrors()) {
                break;
            }
            String doc = lx.takeDoc();
            int start = lx.pos;
            try {
                decls.add(declaration(doc, start));
            } catch (ParseError | DeclarationAbandoned e) {
                recoverTopLevel();
            }
        }
        return new Ast.FileAst(lx.file, decls);
    }

    /** Skips to the next line that starts (in column 1) with a declaration keyword. */
    private void recoverTopLevel() {
        lx.skipLine();
        while (!lx.eof() && !startsDeclaration()) {
            lx.skipLine();
        }
    }

    /** Whether the current position is column 1 of a line that starts a declaration. */
    private boolean startsDeclaration() {
        if (lx.pos > 0 && lx.src.charAt(lx.pos - 1) != '\n') {
            return false;
        }
        int save = lx.pos;
        String word = lx.identifier();
        char next = lx.peek();
        lx.pos = save;
        return word != null && KEYWORDS.contains(word) && (next == ' ' || next == '\t' || next == '<');
    }

    private Ast.Decl declaration(String doc, int start) {
        String kw = lx.identifier();
        if (kw == null) {
            throw lx.fail(start, start + 1, "expected a declaration, found " + lx.describeHere(),
                    "a .baml file holds class, enum, function, client<llm>, template_string, retry_policy, test,"
                            + " generator and type declarations");
        }
        switch (kw) {
            case "class":
                return classDecl(doc, start);
            case "enum":
                return enumDecl(doc, start);
            case "function":
                return functionDecl(start);
            case "client":
                return clientDecl(start);
            case "template_string":
            case "string_template":
                return templateStringDecl(start);
            case "retry_policy":
                return retryPolicyDecl(start);
            case "test":
                return testDecl(start);
            case "generator":
                return generatorDecl(start);
            case "type":
                return aliasDecl(start);
            default:
                String suggestion = Suggestions.closest(kw, KEYWORDS);
                throw lx.fail(start, lx.pos, "`" + kw + "` does not start a declaration",
                        suggestion != null ? "did you mean `" + suggestion + "`?"
                                : "declarations start with class, enum, function, client<llm>, template_string,"
                                        + " retry_policy, test, generator or type");
        }
    }

    // ---- blocks --------------------------------------------------------------------------

    /** Reads one member of a block; {@code doc} holds its {@code ///} lines. */
    private interface Member {
        void read(String doc, int start);
    }

    /**
     * {@code { NL member NL member NL }}. A member that fails is skipped to the end of its line.
     * A block left open is closed, with an error, at the next declaration in column 1.
     */
    private void block(String what, int declStart, Member member) {
        lx.skipInline();
        if (!lx.accept('{')) {
            throw lx.fail(lx.pos, lx.pos + 1, "expected `{` after " + what + ", found " + lx.describeHere(), null);
        }
        lx.expectLineEnd("`{`");
        while (true) {
            lx.skipTrivia();
            String doc = lx.takeDoc();
            if (lx.accept('}')) {
                return;
            }
            if (lx.eof() || startsDeclaration() || lx.tooManyErrors()) {
                lx.error(declStart, declStart + 1, what + " is not closed", "add `}` at the end of " + what);
                return;
            }
            int start = lx.pos;
            try {
                member.read(doc, start);
            } catch (ParseError e) {
                boolean atFreshLine = lx.pos > start && lx.src.charAt(lx.pos - 1) == '\n';
                if (!atFreshLine) {
                    lx.skipLine();
                }
            }
        }
    }

    /** A {@code key} at the start of a member line, or an error naming the expected keys. */
    private String memberKey(String what, List<String> known) {
        int start = lx.pos;
        String key = lx.identifier();
        if (key == null) {
            throw lx.fail(start, start + 1, "expected one of " + String.join(", ", known) + " in " + what
                    + ", found " + lx.describeHere(), null);
        }
        return key;
    }

    /** Reports an unknown key and reads (and drops) its value so the block stays in step. */
    private void unknownKey(String key, int start, String what, List<String> known) {
        String suggestion = Suggestions.closest(key, known);
        lx.error(start, start + key.length(), "unknown field `" + key + "` in " + what,
                suggestion != null ? "did you mean `" + suggestion + "`?"
                        : "allowed here: " + String.join(", ", known));
        lx.skipInline();
        if (!lx.atLineEnd()) {
            values.value(ValueParser.Context.MAP_VALUE, 0);
        }
    }

    private void duplicateKey(Set<String> seen, String key, int start, String what) {
        if (!seen.add(key)) {
            lx.error(start, start + key.length(), "`" + key + "` is given twice in " + what, "remove one of them");
        }
    }

    private String name(String what) {
        return lx.expectIdentifier(what);
    }

    // ---- class and enum ------------------------------------------------------------------

    private Ast.ClassDecl classDecl(String doc, int start) {
        int nameStart = skipToName();
        String name = name("a class name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        List<Ast.Field> fields = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        String what = "class `" + name + "`";
        block(what, start, (fieldDoc, at) -> {
            if (lx.peek() == '@' && lx.peek(1) == '@') {
                attrs.add(values.attribute(0));
                lx.expectLineEnd("a block attribute");
                return;
            }
            if (lx.peek() == '@') {
                throw lx.fail(at, at + 1, "a field attribute needs a field", "put it after the field's type, on"
                        + " the field's line, or write `@@` for an attribute of the whole class");
            }
            String fieldName = lx.identifier();
            if (fieldName == null) {
                throw lx.fail(at, at + 1, "expected a field name in " + what + ", found " + lx.describeHere(), null);
            }
            SourceSpan fieldSpan = lx.span(at, lx.pos);
            lx.skipInline();
            if (lx.peek() == ':') {
                lx.error(lx.pos, lx.pos + 1, "class fields have no `:`", "write `" + fieldName + " <type>`");
                lx.pos++;
            }
            if (lx.atLineEnd()) {
                throw lx.fail(at, lx.pos, "field `" + fieldName + "` has no type", "write `" + fieldName + " string`"
                        + " (or another type) on the same line");
            }
            Ast.TypeExpr type = types.type(0);
            List<Attribute> fieldAttrs = values.memberAttributes(0);
            lx.expectLineEnd("field `" + fieldName + "`");
            fields.add(new Ast.Field(fieldName, fieldSpan, type, fieldAttrs, fieldDoc));
        });
        return new Ast.ClassDecl(name, nameSpan, fields, attrs, doc, lx.span(start, lx.pos));
    }

    private Ast.EnumDecl enumDecl(String doc, int start) {
        int nameStart = skipToName();
        String name = name("an enum name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        List<Ast.EnumValue> enumValues = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        String what = "enum `" + name + "`";
        block(what, start, (valueDoc, at) -> {
            if (lx.peek() == '@' && lx.peek(1) == '@') {
                attrs.add(values.attribute(0));
                lx.expectLineEnd("a block attribute");
                return;
            }
            String valueName = lx.identifier();
            if (valueName == null) {
                throw lx.fail(at, at + 1, "expected an enum value in " + what + ", found " + lx.describeHere(), null);
            }
            SourceSpan valueSpan = lx.span(at, lx.pos);
            List<Attribute> valueAttrs = values.memberAttributes(0);
            lx.expectLineEnd("enum value `" + valueName + "`");
            enumValues.add(new Ast.EnumValue(valueName, valueSpan, valueAttrs, valueDoc));
        });
        return new Ast.EnumDecl(name, nameSpan, enumValues, attrs, doc, lx.span(start, lx.pos));
    }

    private int skipToName() {
        lx.skipInline();
        return lx.pos;
    }

    // ---- functions and template strings --------------------------------------------------

    private List<Ast.Param> params() {
        lx.skipInline();
        int open = lx.pos;
        if (!lx.accept('(')) {
            throw lx.fail(open, open + 1, "expected `(` and the parameter list, found " + lx.describeHere(), null);
        }
        List<Ast.Param> params = new ArrayList<>();
        while (true) {
            lx.skipTrivia();
            if (lx.accept(')')) {
                return params;
            }
            if (lx.eof()) {
                throw lx.fail(open, open + 1, "unclosed parameter list", "add `)`");
            }
            int at = lx.pos;
            String name = lx.identifier();
            if (name == null) {
                throw lx.fail(at, at + 1, "expected a parameter name, found " + lx.describeHere(), null);
            }
            SourceSpan nameSpan = lx.span(at, lx.pos);
            lx.skipInline();
            if (!lx.accept(':')) {
                throw lx.fail(lx.pos, lx.pos + 1, "expected `:` after parameter `" + name + "`",
                        "write `" + name + ": string` (or another type)");
            }
            Ast.TypeExpr type = types.type(0);
            List<Attribute> attrs = values.inlineAttributes(0);
            params.add(new Ast.Param(name, nameSpan, type, attrs));
            lx.skipTrivia();
            if (!lx.accept(',') && lx.peek() != ')') {
                throw lx.fail(lx.pos, lx.pos + 1, "expected `,` or `)` after parameter `" + name + "`, found "
                        + lx.describeHere(), null);
            }
        }
    }

    private static final List<String> FUNCTION_KEYS = List.of("client", "prompt");

    private Ast.FunctionDecl functionDecl(int start) {
        int nameStart = skipToName();
        String name = name("a function name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        List<Ast.Param> params = params();
        lx.skipInline();
        Ast.TypeExpr returnType;
        if (lx.lookingAt("->")) {
            lx.pos += 2;
            returnType = types.type(0);
        } else {
            throw lx.fail(lx.pos, lx.pos + 1, "expected `->` and the return type of function `" + name + "`",
                    "write `function " + name + "(...) -> string {`");
        }
        String what = "function `" + name + "`";
        ConfigValue[] client = new ConfigValue[1];
        TemplateText[] prompt = new TemplateText[1];
        Set<String> seen = new HashSet<>();
        block(what, start, (doc, at) -> {
            String key = memberKey(what, FUNCTION_KEYS);
            if (key.equals("client")) {
                duplicateKey(seen, key, at, what);
                client[0] = values.value(ValueParser.Context.MAP_VALUE, 0);
            } else if (key.equals("prompt")) {
                duplicateKey(seen, key, at, what);
                prompt[0] = templateText("the prompt");
            } else {
                unknownKey(key, at, what, FUNCTION_KEYS);
            }
            lx.expectLineEnd("`" + key + "`");
        });
        return new Ast.FunctionDecl(name, nameSpan, params, returnType, client[0], prompt[0], lx.span(start, lx.pos));
    }

    /** A prompt or template body: a raw string, or (rarely) a quoted one. */
    private TemplateText templateText(String what) {
        lx.skipInline();
        int at = lx.pos;
        if (lx.rawStringHashes() > 0) {
            return values.template();
        }
        if (lx.atQuotedString()) {
            String s = lx.quotedString();
            return new TemplateText(s, lx.span(at, lx.pos), lx.lineOf(at));
        }
        throw lx.fail(at, at + 1, "expected " + what + " as a string, found " + lx.describeHere(),
                "write it as a raw string: #\"...\"#");
    }

    private Ast.TemplateStringDecl templateStringDecl(int start) {
        int nameStart = skipToName();
        String name = name("a template_string name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        lx.skipInline();
        List<Ast.Param> params = lx.peek() == '(' ? params() : List.of();
        lx.skipTrivia();
        TemplateText body = templateText("the template_string body");
        lx.expectLineEnd("the template_string body");
        return new Ast.TemplateStringDecl(name, nameSpan, params, body, lx.span(start, lx.pos));
    }

    // ---- clients, retry policies, tests, generators --------------------------------------

    private static final List<String> CLIENT_KEYS = List.of("provider", "retry_policy", "options");

    private Ast.ClientDecl clientDecl(int start) {
        lx.skipInline();
        if (lx.accept('<')) {
            int typeStart = lx.pos;
            String type = lx.expectIdentifier("`llm` in `client<llm>`");
            if (!type.equals("llm")) {
                lx.error(typeStart, lx.pos, "unknown client type `" + type + "`", "write `client<llm>`");
            }
            lx.expect('>', "to close `client<llm`");
        }
        int nameStart = skipToName();
        String name = name("a client name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "client `" + name + "`";
        ConfigValue[] found = new ConfigValue[3];
        Set<String> seen = new HashSet<>();
        block(what, start, (doc, at) -> {
            String key = memberKey(what, CLIENT_KEYS);
            int idx = CLIENT_KEYS.indexOf(key);
            if (idx < 0) {
                unknownKey(key, at, what, CLIENT_KEYS);
            } else {
                duplicateKey(seen, key, at, what);
                found[idx] = values.value(ValueParser.Context.MAP_VALUE, 0);
            }
            lx.expectLineEnd("`" + key + "`");
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

    private Ast.RetryPolicyDecl retryPolicyDecl(int start) {
        int nameStart = skipToName();
        String name = name("a retry_policy name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "retry_policy `" + name + "`";
        ConfigValue[] found = new ConfigValue[3];
        Set<String> seen = new HashSet<>();
        block(what, start, (doc, at) -> {
            String key = memberKey(what, RETRY_KEYS);
            int idx = RETRY_KEYS.indexOf(key);
            if (idx < 0) {
                unknownKey(key, at, what, RETRY_KEYS);
            } else {
                duplicateKey(seen, key, at, what);
                found[idx] = values.value(ValueParser.Context.MAP_VALUE, 0);
            }
            lx.expectLineEnd("`" + key + "`");
        });
        return new Ast.RetryPolicyDecl(name, nameSpan, found[0], found[1], found[2], lx.span(start, lx.pos));
    }

    private static final List<String> TEST_KEYS = List.of("functions", "args", "type_builder");

    private Ast.TestDecl testDecl(int start) {
        int nameStart = skipToName();
        String name = name("a test name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "test `" + name + "`";
        ConfigValue[] functions = new ConfigValue[1];
        ConfigValue.MapLit[] args = new ConfigValue.MapLit[1];
        List<Attribute> attrs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        block(what, start, (doc, at) -> {
            if (lx.peek() == '@' && lx.peek(1) == '@') {
                attrs.add(values.attribute(0));
                lx.expectLineEnd("a block attribute");
                return;
            }
            String key = memberKey(what, TEST_KEYS);
            if (key.equals("functions")) {
                duplicateKey(seen, key, at, what);
                functions[0] = values.value(ValueParser.Context.MAP_VALUE, 0);
            } else if (key.equals("args")) {
                duplicateKey(seen, key, at, what);
                lx.skipInline();
                if (lx.peek() != '{') {
                    throw lx.fail(lx.pos, lx.pos + 1, "expected `{` after `args`", "write `args { name value }`");
                }
                args[0] = values.map(0);
            } else if (key.equals("type_builder")) {
                duplicateKey(seen, key, at, what);
                skipBalancedBraces();
            } else {
                unknownKey(key, at, what, TEST_KEYS);
            }
            lx.expectLineEnd("`" + key + "`");
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
                lx.rawString();
                continue;
            }
            char c = lx.peek();
            if (c == '"') {
                lx.quotedString();
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

    private Ast.GeneratorDecl generatorDecl(int start) {
        int nameStart = skipToName();
        String name = name("a generator name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        String what = "generator `" + name + "`";
        List<ConfigValue.Entry> entries = new ArrayList<>();
        int bodyStart = lx.pos;
        block(what, start, (doc, at) -> {
            String key = memberKey(what, List.of("output_type", "output_dir", "version"));
            SourceSpan keySpan = lx.span(at, lx.pos);
            entries.add(new ConfigValue.Entry(key, keySpan, values.value(ValueParser.Context.MAP_VALUE, 0)));
            lx.expectLineEnd("`" + key + "`");
        });
        return new Ast.GeneratorDecl(name, nameSpan, new ConfigValue.MapLit(entries, lx.span(bodyStart, lx.pos)),
                lx.span(start, lx.pos));
    }

    private Ast.AliasDecl aliasDecl(int start) {
        int nameStart = skipToName();
        String name = name("a type alias name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        lx.expect('=', "after `type " + name + "`");
        int typeStart = lx.pos;
        Ast.TypeExpr type = types.type(0);
        List<Attribute> attrs = values.memberAttributes(0);
        if (!attrs.isEmpty()) {
            type = new Ast.Group(type, attrs, lx.span(typeStart, lx.pos));
        }
        lx.expectLineEnd("the type of alias `" + name + "`");
        return new Ast.AliasDecl(name, nameSpan, type, lx.span(start, lx.pos));
    }
}
