package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
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
    private final Blocks blocks;
    private final ConfigDeclParser configs;

    private Parser(SourceFile file, List<Diagnostic> diagnostics) {
        this.lx = new Lexer(file.path(), file.text(), diagnostics);
        this.values = new ValueParser(lx);
        this.types = new TypeParser(lx, values);
        this.blocks = new Blocks(lx, values);
        this.configs = new ConfigDeclParser(lx, values, blocks);
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
        while (!lx.eof() && !blocks.startsDeclaration()) {
            lx.skipLine();
        }
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
                return configs.clientDecl(start);
            case "template_string":
            case "string_template":
                return templateStringDecl(start);
            case "retry_policy":
                return configs.retryPolicyDecl(start);
            case "test":
                return configs.testDecl(start);
            case "generator":
                return configs.generatorDecl(start);
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

    private String name(String what) {
        return lx.expectIdentifier(what);
    }

    // ---- class and enum ------------------------------------------------------------------

    private Ast.ClassDecl classDecl(String doc, int start) {
        int nameStart = blocks.skipToName();
        String name = name("a class name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        List<Ast.Field> fields = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        String what = "class `" + name + "`";
        blocks.block(what, start, (fieldDoc, at) -> {
            if (lx.peek() == '@' && lx.peek(1) == '@') {
                attrs.add(values.attribute(0));
                blocks.expectMemberEnd("a block attribute");
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
                throw lx.fail(at, at + fieldName.length(), "field `" + fieldName + "` has no type", "write `" + fieldName + " string`"
                        + " (or another type) on the same line");
            }
            Ast.TypeExpr type = types.type(0);
            List<Attribute> fieldAttrs = values.memberAttributes(0);
            fields.add(new Ast.Field(fieldName, fieldSpan, type, fieldAttrs, fieldDoc));
        });
        return new Ast.ClassDecl(name, nameSpan, fields, attrs, doc, lx.span(start, lx.pos));
    }

    private Ast.EnumDecl enumDecl(String doc, int start) {
        int nameStart = blocks.skipToName();
        String name = name("an enum name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        List<Ast.EnumValue> enumValues = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        String what = "enum `" + name + "`";
        blocks.block(what, start, (valueDoc, at) -> {
            if (lx.peek() == '@' && lx.peek(1) == '@') {
                attrs.add(values.attribute(0));
                blocks.expectMemberEnd("a block attribute");
                return;
            }
            String valueName = lx.identifier();
            if (valueName == null) {
                throw lx.fail(at, at + 1, "expected an enum value in " + what + ", found " + lx.describeHere(), null);
            }
            SourceSpan valueSpan = lx.span(at, lx.pos);
            List<Attribute> valueAttrs = values.memberAttributes(0);
            blocks.expectMemberEnd("enum value `" + valueName + "`");
            enumValues.add(new Ast.EnumValue(valueName, valueSpan, valueAttrs, valueDoc));
        });
        return new Ast.EnumDecl(name, nameSpan, enumValues, attrs, doc, lx.span(start, lx.pos));
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
        int nameStart = blocks.skipToName();
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
        Ast.Template[] prompt = new Ast.Template[1];
        Set<String> seen = new HashSet<>();
        blocks.block(what, start, (doc, at) -> {
            String key = blocks.memberKey(what, FUNCTION_KEYS);
            if (key.equals("client")) {
                blocks.duplicateKey(seen, key, at, what);
                client[0] = values.value(ValueParser.Context.BLOCK_MEMBER, 0);
            } else if (key.equals("prompt")) {
                blocks.duplicateKey(seen, key, at, what);
                prompt[0] = templateText("the prompt");
            } else {
                blocks.unknownKey(key, at, what, FUNCTION_KEYS);
            }
            lx.skipInline();
        });
        return new Ast.FunctionDecl(name, nameSpan, params, returnType, client[0], prompt[0], lx.span(start, lx.pos));
    }

    /** A prompt or template body: a raw string, or (rarely) a quoted one. */
    private Ast.Template templateText(String what) {
        lx.skipInline();
        int at = lx.pos;
        if (lx.rawStringHashes() > 0) {
            return values.template();
        }
        if (lx.atQuotedString()) {
            String s = Literals.quoted(lx);
            return new Ast.Template(new TemplateText(s, lx.span(at, lx.pos), lx.lineOf(at)), List.of());
        }
        throw lx.fail(at, at + 1, "expected " + what + " as a string, found " + lx.describeHere(),
                "write it as a raw string: #\"...\"#");
    }

    private Ast.TemplateStringDecl templateStringDecl(int start) {
        int nameStart = blocks.skipToName();
        String name = name("a template_string name");
        SourceSpan nameSpan = lx.span(nameStart, lx.pos);
        lx.skipInline();
        List<Ast.Param> params = lx.peek() == '(' ? params() : List.of();
        lx.skipTrivia();
        Ast.Template body = templateText("the template_string body");
        lx.expectLineEnd("the template_string body");
        return new Ast.TemplateStringDecl(name, nameSpan, params, body, lx.span(start, lx.pos));
    }

    private Ast.AliasDecl aliasDecl(int start) {
        int nameStart = blocks.skipToName();
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
