package dev.baml4j.lang.internal;

import dev.baml4j.types.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses type expressions: {@code string}, {@code Resume[]?}, {@code map<string, int>},
 * {@code "a" | "b"}, {@code (string @assert(ok, {{ this|length > 0 }}))[]}.
 */
final class TypeParser {

    private final Lexer lx;
    private final ValueParser values;

    TypeParser(Lexer lx, ValueParser values) {
        this.lx = lx;
        this.values = values;
    }

    Ast.TypeExpr type(int depth) {
        lx.skipInline();
        int start = lx.pos;
        values.checkDepth(depth, start);
        Ast.TypeExpr first = single(depth);
        if (!atBar()) {
            return first;
        }
        List<Ast.TypeExpr> options = new ArrayList<>();
        options.add(first);
        while (atBar()) {
            lx.skipTrivia();
            lx.pos++;
            options.add(single(depth));
        }
        return new Ast.UnionT(options, lx.span(start, lx.pos));
    }

    /** Whether a {@code |} follows, on this line or starting the next one. */
    private boolean atBar() {
        int save = lx.pos;
        lx.skipTrivia();
        boolean bar = lx.peek() == '|';
        lx.pos = save;
        return bar;
    }

    private Ast.TypeExpr single(int depth) {
        lx.skipInline();
        int start = lx.pos;
        Ast.TypeExpr t = base(depth);
        while (true) {
            lx.skipInline();
            if (lx.peek() == '[' && lx.peek(1) == ']') {
                lx.pos += 2;
                t = new Ast.ListT(t, lx.span(start, lx.pos));
            } else if (lx.peek() == '?') {
                lx.pos++;
                t = new Ast.OptionalT(t, lx.span(start, lx.pos));
            } else {
                return t;
            }
        }
    }

    private Ast.TypeExpr base(int depth) {
        lx.skipInline();
        int start = lx.pos;
        char c = lx.peek();
        if (c == '(') {
            values.checkDepth(depth + 1, start);
            lx.pos++;
            lx.skipTrivia();
            Ast.TypeExpr inner = type(depth + 1);
            List<Attribute> attrs = new ArrayList<>();
            while (true) {
                lx.skipTrivia();
                if (lx.peek() == '@' && lx.peek(1) != '@') {
                    attrs.add(values.attribute(depth + 1));
                } else {
                    break;
                }
            }
            if (!lx.accept(')')) {
                throw lx.fail(lx.pos, lx.pos + 1, "expected `)` to close the type that starts at "
                        + lx.span(start, start), "add `)`");
            }
            return new Ast.Group(inner, attrs, lx.span(start, lx.pos));
        }
        if (c == '"') {
            String s = Literals.quoted(lx);
            return new Ast.Lit(s, lx.span(start, lx.pos));
        }
        if (c == '-' || Character.isDigit(c)) {
            String num = Literals.number(lx);
            if (num == null || num.indexOf('.') >= 0) {
                throw lx.fail(start, start + 1, "expected a type, found " + lx.describeHere(),
                        "only string, int and bool literals can be types");
            }
            try {
                return new Ast.Lit(Long.parseLong(num), lx.span(start, lx.pos));
            } catch (NumberFormatException e) {
                throw lx.fail(start, lx.pos, "integer literal type `" + num + "` is too large", null);
            }
        }
        String name = lx.dottedName();
        if (name == null) {
            throw lx.fail(start, start + 1, "expected a type, found " + lx.describeHere(), null);
        }
        if (name.equals("true") || name.equals("false")) {
            return new Ast.Lit(Boolean.valueOf(name), lx.span(start, lx.pos));
        }
        if (name.equals("map")) {
            int save = lx.pos;
            lx.skipInline();
            if (lx.peek() == '<') {
                return mapType(start, depth);
            }
            lx.pos = save;
        }
        return new Ast.Named(name, lx.span(start, lx.pos));
    }

    private Ast.TypeExpr mapType(int start, int depth) {
        values.checkDepth(depth + 1, start);
        lx.pos++;
        lx.skipTrivia();
        Ast.TypeExpr key = type(depth + 1);
        lx.skipTrivia();
        if (!lx.accept(',')) {
            throw lx.fail(lx.pos, lx.pos + 1, "expected `,` between the key and value types of `map<K, V>`, found "
                    + lx.describeHere(), null);
        }
        lx.skipTrivia();
        Ast.TypeExpr value = type(depth + 1);
        lx.skipTrivia();
        if (!lx.accept('>')) {
            throw lx.fail(lx.pos, lx.pos + 1, "expected `>` to close `map<`, found " + lx.describeHere(),
                    "a map type is written `map<K, V>`");
        }
        return new Ast.MapT(key, value, lx.span(start, lx.pos));
    }
}
