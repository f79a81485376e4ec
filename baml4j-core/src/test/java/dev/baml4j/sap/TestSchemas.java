package dev.baml4j.sap;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader for the type declarations the SAP corpus uses (classes, enums, {@code type}
 * aliases, field and value attributes) and for target type expressions. It lets the parser be
 * tested on its own; the real front end lives in {@code dev.baml4j.lang}.
 */
final class TestSchemas {

    private static final SourceSpan SPAN = SourceSpan.NONE;

    private final String src;
    private int pos;

    private TestSchemas(String src) {
        this.src = src;
    }

    static BamlProject project(String baml) {
        Map<String, ClassDef> classes = new LinkedHashMap<>();
        Map<String, EnumDef> enums = new LinkedHashMap<>();
        Map<String, TypeAliasDef> aliases = new LinkedHashMap<>();
        String[] lines = baml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("class ") || line.startsWith("enum ")) {
                boolean isClass = line.startsWith("class ");
                String name = line.substring(isClass ? 6 : 5).replace("{", "").trim();
                List<FieldDef> fields = new ArrayList<>();
                List<EnumValueDef> values = new ArrayList<>();
                List<Attribute> block = new ArrayList<>();
                for (i++; i < lines.length && !lines[i].trim().equals("}"); i++) {
                    String member = stripComment(lines[i]).trim();
                    if (member.isEmpty()) {
                        continue;
                    }
                    TestSchemas r = new TestSchemas(member);
                    if (member.startsWith("@@")) {
                        block.addAll(r.attributes());
                        continue;
                    }
                    String memberName = r.ident();
                    if (isClass) {
                        BamlType type = r.type();
                        fields.add(new FieldDef(memberName, type, r.attributes(), SPAN, null));
                    } else {
                        values.add(new EnumValueDef(memberName, r.attributes(), SPAN, null));
                    }
                }
                if (isClass) {
                    classes.put(name, new ClassDef(name, fields, block, SPAN, null));
                } else {
                    enums.put(name, new EnumDef(name, values, block, SPAN, null));
                }
            } else if (line.startsWith("type ")) {
                int eq = line.indexOf('=');
                String name = line.substring(5, eq).trim();
                aliases.put(name, new TypeAliasDef(name, type(line.substring(eq + 1)), SPAN));
            }
        }
        return new BamlProject(List.of(), classes, enums, aliases, Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
                List.of());
    }

    static BamlType type(String expression) {
        TestSchemas r = new TestSchemas(expression.trim());
        BamlType t = r.type();
        if (r.pos < r.src.length()) {
            throw new IllegalArgumentException("trailing text in type " + expression);
        }
        return t;
    }

    private static String stripComment(String line) {
        int at = line.indexOf("//");
        return at >= 0 && !line.contains("{{") ? line.substring(0, at) : line;
    }

    private void ws() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private String ident() {
        ws();
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '.' || src.charAt(pos) == '-')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private boolean peek(char c) {
        ws();
        return pos < src.length() && src.charAt(pos) == c;
    }

    private BamlType type() {
        List<BamlType> options = new ArrayList<>();
        boolean nullable = false;
        do {
            BamlType t = single();
            if (t.equals(BamlType.NULL)) {
                nullable = true;
            } else if (t instanceof BamlType.Optional o) {
                nullable = true;
                options.add(o.inner());
            } else {
                options.add(t);
            }
        } while (consume('|'));
        BamlType t = options.size() == 1 ? options.get(0) : new BamlType.Union(options);
        return nullable ? new BamlType.Optional(t) : t;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private BamlType single() {
        BamlType t = base();
        while (true) {
            ws();
            if (src.startsWith("[]", pos)) {
                pos += 2;
                t = new BamlType.ListOf(t);
            } else if (consume('?')) {
                t = new BamlType.Optional(t);
            } else {
                return t;
            }
        }
    }

    private BamlType base() {
        ws();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            BamlType inner = type();
            List<Attribute> attrs = attributes();
            consume(')');
            return attrs.isEmpty() ? inner : new BamlType.Annotated(inner, attrs);
        }
        if (c == '"') {
            int end = src.indexOf('"', pos + 1);
            String v = src.substring(pos + 1, end);
            pos = end + 1;
            return new BamlType.Literal(v);
        }
        if (Character.isDigit(c) || c == '-') {
            int start = pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
            return new BamlType.Literal(Long.parseLong(src.substring(start, pos)));
        }
        String word = ident();
        switch (word) {
            case "string": return BamlType.STRING;
            case "int": return BamlType.INT;
            case "float": return BamlType.FLOAT;
            case "bool": return BamlType.BOOL;
            case "null": return BamlType.NULL;
            case "true": return new BamlType.Literal(Boolean.TRUE);
            case "false": return new BamlType.Literal(Boolean.FALSE);
            case "map": {
                consume('<');
                BamlType k = type();
                consume(',');
                BamlType v = type();
                consume('>');
                return new BamlType.MapOf(k, v);
            }
            default:
                return new BamlType.ClassRef(word);
        }
    }

    private List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        while (peek('@')) {
            pos++;
            boolean block = false;
            if (pos < src.length() && src.charAt(pos) == '@') {
                block = true;
                pos++;
            }
            String name = ident();
            List<ConfigValue> args = new ArrayList<>();
            if (pos < src.length() && src.charAt(pos) == '(') {
                pos++;
                while (!peek(')')) {
                    ws();
                    if (src.startsWith("{{", pos)) {
                        int end = src.indexOf("}}", pos);
                        args.add(new ConfigValue.JinjaExpr(src.substring(pos + 2, end).trim(), SPAN));
                        pos = end + 2;
                    } else if (src.charAt(pos) == '"') {
                        int end = src.indexOf('"', pos + 1);
                        args.add(new ConfigValue.StringLit(src.substring(pos + 1, end), ConfigValue.StringStyle.QUOTED, SPAN));
                        pos = end + 1;
                    } else {
                        int start = pos;
                        while (pos < src.length() && src.charAt(pos) != ',' && src.charAt(pos) != ')') {
                            pos++;
                        }
                        args.add(new ConfigValue.StringLit(src.substring(start, pos).trim(), ConfigValue.StringStyle.UNQUOTED,
                                SPAN));
                    }
                    consume(',');
                }
                pos++;
            }
            out.add(new Attribute(name, block, args, SPAN));
        }
        return out;
    }

    /** Class and enum names are told apart only once the project is known. */
    static BamlType bind(BamlType t, BamlProject p) {
        if (t instanceof BamlType.ClassRef c) {
            if (p.enums().containsKey(c.name())) {
                return new BamlType.EnumRef(c.name());
            }
            if (p.aliases().containsKey(c.name())) {
                return new BamlType.AliasRef(c.name());
            }
            return t;
        }
        if (t instanceof BamlType.ListOf l) {
            return new BamlType.ListOf(bind(l.element(), p));
        }
        if (t instanceof BamlType.MapOf m) {
            return new BamlType.MapOf(bind(m.key(), p), bind(m.value(), p));
        }
        if (t instanceof BamlType.Optional o) {
            return new BamlType.Optional(bind(o.inner(), p));
        }
        if (t instanceof BamlType.Union u) {
            return new BamlType.Union(u.options().stream().map(x -> bind(x, p)).toList());
        }
        if (t instanceof BamlType.Annotated a) {
            return new BamlType.Annotated(bind(a.inner(), p), a.attributes());
        }
        return t;
    }

    /** The project with every field and alias type bound (enum and alias references resolved). */
    static BamlProject bound(BamlProject p) {
        Map<String, ClassDef> classes = new LinkedHashMap<>();
        for (ClassDef c : p.classes().values()) {
            List<FieldDef> fields = new ArrayList<>();
            for (FieldDef f : c.fields()) {
                fields.add(new FieldDef(f.name(), bind(f.type(), p), f.attributes(), f.span(), f.docComment()));
            }
            classes.put(c.name(), new ClassDef(c.name(), fields, c.attributes(), c.span(), c.docComment()));
        }
        Map<String, TypeAliasDef> aliases = new LinkedHashMap<>();
        for (TypeAliasDef a : p.aliases().values()) {
            aliases.put(a.name(), new TypeAliasDef(a.name(), bind(a.type(), p), a.span()));
        }
        return new BamlProject(List.of(), classes, p.enums(), aliases, Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
                List.of());
    }
}
