package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
import java.util.List;
import java.util.Set;

/**
 * The shape every BAML block shares ({@code name { member … }}): reading members one by one,
 * keys, duplicate and unknown keys, and recovery when a member is broken or the block is left open.
 */
final class Blocks {

    private final Lexer lx;
    private final ValueParser values;

    Blocks(Lexer lx, ValueParser values) {
        this.lx = lx;
        this.values = values;
    }

    /** Whether the current position is column 1 of a line that starts a declaration. */
    boolean startsDeclaration() {
        if (lx.pos > 0 && lx.src.charAt(lx.pos - 1) != '\n') {
            return false;
        }
        int save = lx.pos;
        String word = lx.identifier();
        char next = lx.peek();
        lx.pos = save;
        return word != null && Parser.KEYWORDS.contains(word) && (next == ' ' || next == '\t' || next == '<');
    }


    /** Reads one member of a block; {@code doc} holds its {@code ///} lines. */
    interface Member {
        void read(String doc, int start);
    }

    /**
     * {@code { NL member NL member NL }}. A member that fails is skipped to the end of its line.
     * A block left open is closed, with an error, at the next declaration in column 1.
     */
    void block(String what, int declStart, Member member) {
        lx.skipInline();
        if (!lx.accept('{')) {
            throw lx.fail(lx.pos, lx.pos + 1, "expected `{` after " + what + ", found " + lx.describeHere(), null);
        }
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

    /** After an enum value or block attribute only a new line or the closing brace may follow. */
    void expectMemberEnd(String after) {
        lx.skipInline();
        if (lx.peek() != '}') {
            lx.expectLineEnd(after);
        }
    }

    /** A {@code key} at the start of a member line, or an error naming the expected keys. */
    String memberKey(String what, List<String> known) {
        int start = lx.pos;
        String key = lx.identifier();
        if (key == null) {
            throw lx.fail(start, start + 1, "expected one of " + String.join(", ", known) + " in " + what
                    + ", found " + lx.describeHere(), null);
        }
        return key;
    }

    /** Reports an unknown key and reads (and drops) its value so the block stays in step. */
    void unknownKey(String key, int start, String what, List<String> known) {
        String suggestion = Suggestions.closest(key, known);
        lx.error(start, start + key.length(), "unknown field `" + key + "` in " + what,
                suggestion != null ? "did you mean `" + suggestion + "`?"
                        : "allowed here: " + String.join(", ", known));
        lx.skipInline();
        if (!lx.atLineEnd()) {
            values.value(ValueParser.Context.BLOCK_MEMBER, 0);
        }
    }

    void duplicateKey(Set<String> seen, String key, int start, String what) {
        if (!seen.add(key)) {
            lx.error(start, start + key.length(), "`" + key + "` is given twice in " + what, "remove one of them");
        }
    }

    /** The declaration's name, after optional spaces; returns its start offset via {@link Lexer#pos}. */
    int skipToName() {
        lx.skipInline();
        return lx.pos;
    }
}
