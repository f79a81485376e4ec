package dev.baml4j.lang.internal;

import dev.baml4j.lang.TemplateText;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses BAML's config values (client options, test args, generator values, attribute arguments)
 * and attributes. Nesting is limited so that no input can exhaust the Java stack.
 */
final class ValueParser {

    static final int MAX_DEPTH = 64;
    private static final Pattern ENV_REF = Pattern.compile("env\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final Lexer lx;

    ValueParser(Lexer lx) {
        this.lx = lx;
    }

    /** Where a value stands, which decides how far an unquoted string runs. */
    enum Context {
        /**
         * The value of a block member ({@code provider aws-bedrock}): a bare word ends at whitespace,
         * so several members may share a line as BAML 0.226 allows.
         */
        BLOCK_MEMBER,
        /** Inside a map, an array or attribute arguments: bare words may contain inner spaces. */
        NESTED
    }

    void checkDepth(int depth, int at) {
        if (depth > MAX_DEPTH) {
            lx.error(at, at + 1, "nesting deeper than " + MAX_DEPTH + " levels", "flatten the structure");
            throw DeclarationAbandoned.INSTANCE;
        }
    }

    ConfigValue value(Context ctx, int depth) {
        lx.skipInline();
        int start = lx.pos;
        checkDepth(depth, start);
        char c = lx.peek();
        if (lx.eof() || c == '\n') {
            throw lx.fail(start, start, "expected a value, found " + lx.describeHere(), null);
        }
        if (c == '"') {
            String s = Literals.quoted(lx);
            return new ConfigValue.StringLit(s, ConfigValue.StringStyle.QUOTED, lx.span(start, lx.pos));
        }
        if (lx.rawStringHashes() > 0) {
            Literals.RawString raw = Literals.raw(lx);
            return new ConfigValue.StringLit(normalizeRaw(raw.body()), ConfigValue.StringStyle.RAW,
                    lx.span(start, lx.pos));
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '{' && lx.peek(1) == '{') {
            String expr = Literals.jinja(lx);
            return new ConfigValue.JinjaExpr(expr, lx.span(start, lx.pos));
        }
        if (c == '{') {
            return map(depth);
        }
        String number = Literals.number(lx);
        if (number != null) {
            return new ConfigValue.NumberLit(number, lx.span(start, lx.pos));
        }
        String word = Literals.unquoted(lx, ctx == Context.NESTED);
        if (word == null) {
            throw lx.fail(start, start + 1, "expected a value, found " + lx.describeHere(), null);
        }
        var span = lx.span(start, lx.pos);
        var env = ENV_REF.matcher(word);
        if (env.matches()) {
            return new ConfigValue.EnvRef(env.group(1), span);
        }
        if (word.equals("true") || word.equals("false")) {
            return new ConfigValue.BoolLit(word.equals("true"), span);
        }
        if (word.equals("null")) {
            return new ConfigValue.NullLit(span);
        }
        if (lx.peek() == '(' && isIdentifier(word)) {
            return templateCall(word, start, depth);
        }
        return new ConfigValue.StringLit(word, ConfigValue.StringStyle.UNQUOTED, span);
    }

    private static boolean isIdentifier(String word) {
        if (!Lexer.isIdentStart(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Lexer.isIdentPart(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private ConfigValue templateCall(String name, int start, int depth) {
        lx.pos++;
        List<ConfigValue> args = new ArrayList<>();
        while (true) {
            lx.skipTrivia();
            if (lx.accept(')')) {
                break;
            }
            if (lx.eof()) {
                throw lx.fail(start, start + name.length(), "unclosed `(` in call to `" + name + "`", "add `)`");
            }
            args.add(value(Context.NESTED, depth + 1));
            lx.skipTrivia();
            if (!lx.accept(',') && lx.peek() != ')') {
                throw lx.fail(lx.pos, lx.pos + 1, "expected `,` or `)`, found " + lx.describeHere(), null);
            }
        }
        return new ConfigValue.TemplateCall(name, args, lx.span(start, lx.pos));
    }

    ConfigValue.ArrayLit array(int depth) {
        int start = lx.pos;
        checkDepth(depth + 1, start);
        lx.pos++;
        List<ConfigValue> items = new ArrayList<>();
        while (true) {
            lx.skipTrivia();
            if (lx.accept(']')) {
                return new ConfigValue.ArrayLit(items, lx.span(start, lx.pos));
            }
            if (lx.eof() || lx.peek() == '}') {
                throw lx.fail(start, start + 1, "unclosed `[`", "add `]` after the last element");
            }
            items.add(value(Context.NESTED, depth + 1));
            lx.skipInline();
            if (!lx.accept(',') && lx.peek() != '\n' && lx.peek() != ']' && !lx.eof()) {
                throw lx.fail(lx.pos, lx.pos + 1, "expected `,` or `]` in array, found " + lx.describeHere(), null);
            }
        }
    }

    /** {@code { key value, "quoted key": value }}: entries separated by commas, newlines or spaces. */
    ConfigValue.MapLit map(int depth) {
        int start = lx.pos;
        checkDepth(depth + 1, start);
        lx.pos++;
        List<ConfigValue.Entry> entries = new ArrayList<>();
        while (true) {
            lx.skipTrivia();
            if (lx.accept('}')) {
                return new ConfigValue.MapLit(entries, lx.span(start, lx.pos));
            }
            if (lx.eof()) {
                throw lx.fail(start, start + 1, "unclosed `{`", "add `}` after the last entry");
            }
            try {
                entries.add(entry(depth + 1));
            } catch (ParseError e) {
                skipToLineEndOrBrace();
            }
        }
    }

    private ConfigValue.Entry entry(int depth) {
        int keyStart = lx.pos;
        String key;
        if (lx.atQuotedString()) {
            key = Literals.quoted(lx);
        } else {
            key = lx.identifier();
            if (key == null) {
                throw lx.fail(keyStart, keyStart + 1, "expected a key, found " + lx.describeHere(),
                        "write entries as `key value`");
            }
        }
        var keySpan = lx.span(keyStart, lx.pos);
        lx.skipInline();
        lx.accept(':');
        ConfigValue value = value(Context.NESTED, depth);
        lx.skipInline();
        lx.accept(',');
        return new ConfigValue.Entry(key, keySpan, value);
    }

    /** Recovery inside a map: drop the rest of a broken entry but keep a closing brace. */
    private void skipToLineEndOrBrace() {
        while (!lx.eof() && lx.peek() != '\n' && lx.peek() != '}') {
            lx.pos++;
        }
    }

    // ---- attributes ----------------------------------------------------------------------

    /** {@code @name}, {@code @name(args)} or {@code @@name(args)} at the current {@code @}. */
    Attribute attribute(int depth) {
        int start = lx.pos;
        boolean block = lx.lookingAt("@@");
        lx.pos += block ? 2 : 1;
        String name = lx.dottedName();
        if (name == null) {
            throw lx.fail(start, lx.pos, "expected an attribute name after `" + (block ? "@@" : "@") + "`",
                    "for example `@alias(\"name\")` or `@@dynamic`");
        }
        List<ConfigValue> args = new ArrayList<>();
        int save = lx.pos;
        lx.skipInline();
        if (lx.peek() == '(') {
            int open = lx.pos;
            lx.pos++;
            while (true) {
                lx.skipTrivia();
                if (lx.accept(')')) {
                    break;
                }
                if (lx.eof()) {
                    throw lx.fail(open, open + 1, "unclosed `(` in `@" + name + "`", "add `)`");
                }
                args.add(value(Context.NESTED, depth + 1));
                lx.skipTrivia();
                if (!lx.accept(',') && lx.peek() != ')') {
                    throw lx.fail(lx.pos, lx.pos + 1, "expected `,` or `)` in the arguments of `@" + name
                            + "`, found " + lx.describeHere(), null);
                }
            }
        } else {
            lx.pos = save;
        }
        return new Attribute(name, block, args, lx.span(start, lx.pos));
    }

    /** Attributes on the rest of this line (field or value attributes). */
    List<Attribute> inlineAttributes(int depth) {
        List<Attribute> attrs = new ArrayList<>();
        while (true) {
            lx.skipInline();
            if (lx.peek() == '@' && lx.peek(1) != '@') {
                attrs.add(attribute(depth));
            } else {
                return attrs;
            }
        }
    }

    /**
     * Field attributes, which may continue on the following lines: after the line ends, a line
     * that starts with a single {@code @} still belongs to the field ({@code @@} belongs to the block).
     */
    List<Attribute> memberAttributes(int depth) {
        List<Attribute> attrs = new ArrayList<>(inlineAttributes(depth));
        while (true) {
            int save = lx.pos;
            lx.skipTrivia();
            if (lx.peek() == '@' && lx.peek(1) != '@') {
                attrs.addAll(inlineAttributes(depth));
            } else {
                lx.pos = save;
                return attrs;
            }
        }
    }

    // ---- raw strings ---------------------------------------------------------------------

    /** Reads a raw string at the current position as a template. */
    Ast.Template template() {
        int start = lx.pos;
        Literals.RawString raw = Literals.raw(lx);
        String body = raw.body();
        int base = raw.bodyStart();
        JinjaSyntax.check(body, (offset, length, message, hint) ->
                lx.error(base + offset, base + offset + length, message, hint));
        int lead = 0;
        while (lead < body.length() && (body.charAt(lead) == '\n' || body.charAt(lead) == '\r')) {
            lead++;
        }
        List<Ast.NameUse> reads = new ArrayList<>();
        for (JinjaNames.Use u : JinjaNames.reads(body)) {
            reads.add(new Ast.NameUse(u.name(), lx.span(base + u.offset(), base + u.offset() + u.name().length())));
        }
        TemplateText text = new TemplateText(normalizeRaw(body), lx.span(start, lx.pos), lx.lineOf(base + lead));
        return new Ast.Template(text, reads);
    }

    /** BAML's raw-string normalisation: drop leading newlines, trim the end, dedent. */
    static String normalizeRaw(String raw) {
        // Files saved with Windows line endings give the same text as everywhere else.
        String body = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n");
        int lead = 0;
        while (lead < body.length() && (body.charAt(lead) == '\n' || body.charAt(lead) == '\r')) {
            lead++;
        }
        String text = body.substring(lead).stripTrailing();
        String[] lines = text.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            indent = Math.min(indent, i);
        }
        if (indent == Integer.MAX_VALUE || indent == 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int cut = 0;
            while (cut < indent && cut < line.length() && (line.charAt(cut) == ' ' || line.charAt(cut) == '\t')) {
                cut++;
            }
            if (n > 0) {
                sb.append('\n');
            }
            sb.append(line, cut, line.length());
        }
        return sb.toString();
    }
}
