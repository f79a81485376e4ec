package dev.baml4j.lang.internal;

import dev.baml4j.lang.TemplateText;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.List;

/**
 * The syntax tree of one file, before names are resolved. Type names are still plain names here:
 * whether {@code Foo} is a class, an enum or an alias is decided by validation.
 */
final class Ast {

    private Ast() {
    }

    /** A type expression as written. */
    sealed interface TypeExpr {
        SourceSpan span();
    }

    /** A bare name: a primitive, a media kind, a class, an enum or an alias. */
    record Named(String name, SourceSpan span) implements TypeExpr {
    }

    /** {@code "a"}, {@code 1}, {@code true}. */
    record Lit(Object value, SourceSpan span) implements TypeExpr {
    }

    record ListT(TypeExpr element, SourceSpan span) implements TypeExpr {
    }

    record MapT(TypeExpr key, TypeExpr value, SourceSpan span) implements TypeExpr {
    }

    record UnionT(List<TypeExpr> options, SourceSpan span) implements TypeExpr {
    }

    record OptionalT(TypeExpr inner, SourceSpan span) implements TypeExpr {
    }

    /** A parenthesised type, possibly with attributes inside the parentheses. */
    record Group(TypeExpr inner, List<Attribute> attributes, SourceSpan span) implements TypeExpr {
    }

    /** A variable a template reads, where it reads it. */
    record NameUse(String name, SourceSpan span) {
    }

    /** A prompt or template_string body, and the variables it reads but does not define. */
    record Template(TemplateText text, List<NameUse> reads) {
    }

    /** A top-level declaration. */
    sealed interface Decl {
        String name();

        SourceSpan nameSpan();

        /** The word used in messages: "class", "function", ... */
        String kind();
    }

    record Field(String name, SourceSpan nameSpan, TypeExpr type, List<Attribute> attributes, String doc) {
    }

    record ClassDecl(String name, SourceSpan nameSpan, List<Field> fields, List<Attribute> attributes, String doc,
            SourceSpan span) implements Decl {
        public String kind() {
            return "class";
        }
    }

    record EnumValue(String name, SourceSpan nameSpan, List<Attribute> attributes, String doc) {
    }

    record EnumDecl(String name, SourceSpan nameSpan, List<EnumValue> values, List<Attribute> attributes, String doc,
            SourceSpan span) implements Decl {
        public String kind() {
            return "enum";
        }
    }

    record Param(String name, SourceSpan nameSpan, TypeExpr type, List<Attribute> attributes) {
    }

    /** A {@code client}/{@code prompt} key of a function; null when absent. */
    record FunctionDecl(String name, SourceSpan nameSpan, List<Param> params, TypeExpr returnType,
            ConfigValue client, Template prompt, SourceSpan span) implements Decl {
        public String kind() {
            return "function";
        }
    }

    record ClientDecl(String name, SourceSpan nameSpan, ConfigValue provider, ConfigValue retryPolicy,
            ConfigValue.MapLit options, SourceSpan span) implements Decl {
        public String kind() {
            return "client";
        }
    }

    record RetryPolicyDecl(String name, SourceSpan nameSpan, ConfigValue maxRetries, ConfigValue strategy,
            ConfigValue options, SourceSpan span) implements Decl {
        public String kind() {
            return "retry_policy";
        }
    }

    record TemplateStringDecl(String name, SourceSpan nameSpan, List<Param> params, Template body,
            SourceSpan span) implements Decl {
        public String kind() {
            return "template_string";
        }
    }

    record TestDecl(String name, SourceSpan nameSpan, ConfigValue functions, ConfigValue.MapLit args,
            List<Attribute> attributes, SourceSpan span) implements Decl {
        public String kind() {
            return "test";
        }
    }

    record GeneratorDecl(String name, SourceSpan nameSpan, ConfigValue.MapLit options, SourceSpan span)
            implements Decl {
        public String kind() {
            return "generator";
        }
    }

    record AliasDecl(String name, SourceSpan nameSpan, TypeExpr type, SourceSpan span) implements Decl {
        public String kind() {
            return "type alias";
        }
    }

    /** One parsed file. */
    record FileAst(String path, List<Decl> decls) {
        FileAst {
            decls = List.copyOf(decls);
        }
    }
}
