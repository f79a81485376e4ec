package dev.baml4j.lang.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the variables a prompt template reads ({@code {{ nme }}}), so that validation can warn
 * about names no parameter, template_string or enum provides, as BAML does. Deliberately
 * flow-insensitive: a name set or looped over anywhere in the template counts as defined
 * everywhere in it, which keeps false warnings away at the price of missing a few.
 */
final class JinjaNames {

    /** A variable read at {@code offset} in the template body. */
    record Use(String name, int offset) {
    }

    /** Names Jinja itself defines, and the words of its expression grammar. */
    static final Set<String> BUILTIN = Set.of("loop", "true", "false", "none", "True", "False", "None", "range",
            "dict", "namespace", "joiner", "cycler", "lipsum", "super", "self", "varargs", "kwargs", "caller",
            "and", "or", "not", "in", "is", "if", "else", "elif", "recursive", "as", "with", "without", "context",
            "import", "from");

    private JinjaNames() {
    }

    /** The variables the template reads and does not define itself. */
    static List<Use> reads(String text) {
        List<Use> uses = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        int i = 0;
        while (true) {
            int start = text.indexOf('{', i);
            if (start < 0 || start + 1 >= text.length()) {
                break;
            }
            char kind = text.charAt(start + 1);
            if (kind != '{' && kind != '%') {
                i = start + (kind == '#' ? skipComment(text, start) : 1);
                continue;
            }
            int end = text.indexOf(kind == '{' ? "}}" : "%}", start + 2);
            if (end < 0) {
                break;
            }
            int bodyStart = start + 2;
            String body = text.substring(bodyStart, end);
            if (kind == '%') {
                String trimmed = body.replaceFirst("^[-+]?\\s*", "");
                int lead = body.length() - trimmed.length();
                String word = trimmed.split("[^A-Za-z_]", 2)[0];
                if (word.equals("raw")) {
                    int endRaw = text.indexOf("endraw", end);
                    i = endRaw < 0 ? text.length() : endRaw;
                    continue;
                }
                statement(word, trimmed, bodyStart + lead, defined, uses);
            } else {
                expression(body, bodyStart, uses);
            }
            i = end + 2;
        }
        uses.removeIf(u -> defined.contains(u.name()));
        return uses;
    }

    private static int skipComment(String text, int start) {
        int end = text.indexOf("#}", start + 2);
        return end < 0 ? text.length() - start : end + 2 - start;
    }

    private static void statement(String word, String body, int offset, Set<String> defined, List<Use> uses) {
        String rest = body.substring(word.length());
        int restOffset = offset + word.length();
        switch (word) {
            case "for": {
                int in = rest.indexOf(" in ");
                if (in >= 0) {
                    for (String target : rest.substring(0, in).split(",")) {
                        defined.add(target.strip().replaceAll("[()]", ""));
                    }
                    expression(rest.substring(in + 4), restOffset + in + 4, uses);
                }
                break;
            }
            case "set": {
                int eq = rest.indexOf('=');
                String target = eq < 0 ? rest : rest.substring(0, eq);
                for (String t : target.split(",")) {
                    defined.add(t.strip().split("\\.", 2)[0].replaceAll("[()]", ""));
                }
                if (eq >= 0) {
                    expression(rest.substring(eq + 1), restOffset + eq + 1, uses);
                }
                break;
            }
            case "macro":
            case "call": {
                int paren = rest.indexOf('(');
                String name = (paren < 0 ? rest : rest.substring(0, paren)).strip();
                if (word.equals("macro")) {
                    defined.add(name);
                    if (paren >= 0) {
                        for (String param : rest.substring(paren + 1).split("[,)]")) {
                            defined.add(param.split("=", 2)[0].strip());
                        }
                    }
                } else {
                    expression(rest, restOffset, uses);
                }
                break;
            }
            case "if":
            case "elif":
            case "with":
                expression(rest, restOffset, uses);
                break;
            default:
                // endfor, else, filter names, include, ...: nothing read that we can check
                break;
        }
    }

    /** Root identifiers of an expression: not attributes, filters, tests, keyword arguments or strings. */
    private static void expression(String expr, int offset, List<Use> uses) {
        int i = 0;
        char prevSignificant = ' ';
        boolean afterIs = false;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'') {
                int close = expr.indexOf(c, i + 1);
                while (close > 0 && expr.charAt(close - 1) == '\\') {
                    close = expr.indexOf(c, close + 1);
                }
                i = close < 0 ? expr.length() : close + 1;
                prevSignificant = c;
                afterIs = false;
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
                prevSignificant = '0';
                afterIs = false;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
                    i++;
                }
                String word = expr.substring(s, i);
                boolean isTest = afterIs && !word.equals("not");
                int j = i;
                while (j < expr.length() && expr.charAt(j) == ' ') {
                    j++;
                }
                boolean keywordArg = j < expr.length() && expr.charAt(j) == '='
                        && (j + 1 >= expr.length() || expr.charAt(j + 1) != '=');
                // `x is not defined`: the word after `is` (and `is not`) names a test, not a variable.
                afterIs = word.equals("is") || (afterIs && word.equals("not"));
                boolean root = prevSignificant != '.' && prevSignificant != '|' && !isTest
                        && !keywordArg && !BUILTIN.contains(word);
                if (root) {
                    uses.add(new Use(word, offset + s));
                }
                prevSignificant = 'a';
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                prevSignificant = c;
                afterIs = false;
            }
            i++;
        }
    }
}
