package dev.baml4j.sap.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The lenient, incremental JSON tokenizer: unquoted keys and values, single quotes, backticks,
 * triple quotes, comments, trailing commas, unescaped newlines and inner quotes, and unclosed
 * input. Text is fed in chunks; the state (an explicit stack, never recursion) survives between
 * chunks, so a stream is tokenized once. Where a decision needs characters that have not arrived
 * yet (is this quote the closing one?), the tokenizer waits for the next chunk.
 *
 * <p>In {@code grep} mode text outside brackets is skipped, which finds JSON inside prose.
 */
public final class FixingParser {

    /** Deeper nesting than this is reported as an error instead of risking the stack later on. */
    public static final int MAX_DEPTH = 1000;

    private static final int OBJ = 0, ARR = 1, DQ = 2, SQ = 3, BT = 4, TDQ = 5, TBT = 6, UNQ = 7, LCOM = 8, BCOM = 9;
    static final int TOP = 0, KEY = 1, VALUE = 2, ARRAY = 3;

    private static final class Frame {
        final int kind;
        final int ctx;
        JValue.JObject obj;
        JValue.JArray arr;
        JValue.JString str;
        StringBuilder unq;
        String pendingKey;

        Frame(int kind, int ctx) {
            this.kind = kind;
            this.ctx = ctx;
        }
    }

    private final boolean grep;
    private final StringBuilder buf = new StringBuilder();
    private final List<Frame> stack = new ArrayList<>();
    private final List<JValue> roots = new ArrayList<>();
    private int pos;
    private boolean eof;
    private boolean tooDeep;
    private boolean repaired;
    private final List<Runnable> undo = new ArrayList<>();

    public FixingParser(boolean grep) {
        this.grep = grep;
    }

    /** Tokenizes a whole text at once. */
    public static FixingParser parseAll(String text, boolean grep) {
        FixingParser p = new FixingParser(grep);
        p.feed(text);
        p.finish();
        return p;
    }

    public void feed(CharSequence chunk) {
        undoProvisional();
        buf.append(chunk);
        run();
    }

    public void finish() {
        undoProvisional();
        eof = true;
        run();
        while (!stack.isEmpty()) {
            closeTop(false);
        }
    }

    /** The values found so far, in order. After {@link #finish()} every node is final. */
    public List<JValue> roots() {
        return roots;
    }

    public boolean tooDeep() {
        return tooDeep;
    }

    /** True when the text was not strict JSON-compatible somewhere (a repair happened). */
    public boolean repaired() {
        return repaired;
    }

    /** True when nothing is open: the text so far ended on a value boundary. */
    public boolean idle() {
        return stack.isEmpty();
    }

    /** The full text fed so far. */
    public CharSequence text() {
        return buf;
    }

    /**
     * Makes the open spine visible for a partial read: an unquoted token being read is attached
     * (incomplete), a string waiting on its closing-quote decision counts as closed. Undone by the
     * next {@link #feed}.
     */
    public List<JValue> snapshot() {
        undoProvisional();
        if (stack.isEmpty() || eof) {
            return roots;
        }
        Frame top = stack.get(stack.size() - 1);
        boolean pausedOnDelimiter = pos < buf.length();
        if (top.kind == UNQ && top.ctx != KEY) {
            char at = pausedOnDelimiter ? buf.charAt(pos) : 0;
            JValue v = convertUnquoted(top.unq.toString(), at == ',');
            List<JValue> target = attachTarget(top.ctx);
            if (target != null) {
                Frame parent = stack.size() >= 2 ? stack.get(stack.size() - 2) : null;
                if (top.ctx == VALUE && parent != null) {
                    String key = parent.pendingKey;
                    parent.obj.keys.add(key);
                    parent.obj.values.add(v);
                    undo.add(() -> {
                        parent.obj.keys.remove(parent.obj.keys.size() - 1);
                        parent.obj.values.remove(parent.obj.values.size() - 1);
                    });
                } else {
                    target.add(v);
                    undo.add(() -> target.remove(target.size() - 1));
                }
            }
        } else if ((top.kind == DQ || top.kind == SQ || top.kind == BT) && pausedOnDelimiter
                && buf.charAt(pos) == closingChar(top.kind) && top.str != null) {
            JValue.JString s = top.str;
            s.complete = true;
            undo.add(() -> s.complete = false);
        }
        return roots;
    }

    private void undoProvisional() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    private List<JValue> attachTarget(int ctx) {
        if (ctx == TOP) {
            return stack.size() >= 2 ? null : roots;
        }
        Frame parent = stack.get(stack.size() - 2);
        return parent.kind == OBJ ? parent.obj.values : parent.arr.items;
    }

    private static char closingChar(int kind) {
        return kind == DQ ? '"' : kind == SQ ? '\'' : '`';
    }

    private void run() {
        int len = buf.length();
        while (pos < len && !tooDeep) {
            int step = step(buf.charAt(pos));
            if (step < 0) {
                return;
            }
            pos += step;
        }
    }

    /** Processes the character at {@code pos}; returns how many characters were consumed, or -1 to wait for more. */
    private int step(char c) {
        if (stack.isEmpty()) {
            if (grep) {
                if (c == '{' || c == '[') {
                    return startValue(c, TOP);
                }
                return 1;
            }
            return startValue(c, TOP);
        }
        Frame top = stack.get(stack.size() - 1);
        switch (top.kind) {
            case OBJ:
                if (c == '}') {
                    top.obj.complete = true;
                    pop();
                    return 1;
                }
                if (c == ',' || c == ':' || c == ']') {
                    return 1;
                }
                return startValue(c, top.pendingKey == null ? KEY : VALUE);
            case ARR:
                if (c == ']') {
                    top.arr.complete = true;
                    pop();
                    return 1;
                }
                if (c == ',' || c == '}') {
                    return 1;
                }
                return startValue(c, ARRAY);
            case DQ:
                if (c != '"' && c != '\\') {
                    return bulk(top.str.text, '"', '\\');
                }
                if (c == '"') {
                    return closeOrKeep(top, c);
                }
                if (c == '\\') {
                    return escape(top);
                }
                top.str.text.append(c);
                return 1;
            case SQ:
            case BT:
                if (c == closingChar(top.kind)) {
                    return closeOrKeep(top, c);
                }
                top.str.text.append(c);
                return 1;
            case TDQ:
            case TBT: {
                char q = top.kind == TDQ ? '"' : '`';
                if (c == q) {
                    if (pos + 2 >= buf.length() && !eof) {
                        return -1;
                    }
                    if (pos + 2 >= buf.length() || (buf.charAt(pos + 1) == q && buf.charAt(pos + 2) == q)) {
                        closeTop(true);
                        return Math.min(3, buf.length() - pos);
                    }
                }
                top.str.text.append(c);
                return 1;
            }
            case UNQ:
                return unquoted(top, c);
            case LCOM:
                if (c == '\n') {
                    stack.remove(stack.size() - 1);
                }
                return 1;
            default: // BCOM
                if (c == '*') {
                    if (pos + 1 >= buf.length()) {
                        return eof ? 1 : -1;
                    }
                    if (buf.charAt(pos + 1) == '/') {
                        stack.remove(stack.size() - 1);
                        return 2;
                    }
                }
                return 1;
        }
    }

    private int startValue(char c, int ctx) {
        if (c == '{' || c == '[') {
            if (stack.size() >= MAX_DEPTH) {
                tooDeep = true;
                return 1;
            }
            int effective = ctx;
            if (ctx == KEY) {
                stack.get(stack.size() - 1).pendingKey = "";
                effective = VALUE;
                repaired = true;
            }
            Frame f = new Frame(c == '{' ? OBJ : ARR, effective);
            JValue node;
            if (c == '{') {
                f.obj = new JValue.JObject();
                node = f.obj;
            } else {
                f.arr = new JValue.JArray();
                node = f.arr;
            }
            attach(effective, node);
            stack.add(f);
            return 1;
        }
        if (c == '"' || c == '`') {
            if (pos + 2 >= buf.length() && !eof && pos + 1 < buf.length() && buf.charAt(pos + 1) == c) {
                return -1;
            }
            boolean triple = pos + 2 < buf.length() && buf.charAt(pos + 1) == c && buf.charAt(pos + 2) == c;
            if (triple) {
                pushString(c == '"' ? TDQ : TBT, ctx);
                repaired = true;
                return 3;
            }
            pushString(c == '"' ? DQ : BT, ctx);
            if (c == '`') {
                repaired = true;
            }
            return 1;
        }
        if (c == '\'') {
            pushString(SQ, ctx);
            repaired = true;
            return 1;
        }
        if (c == '/') {
            if (pos + 1 >= buf.length() && !eof) {
                return -1;
            }
            char n = pos + 1 < buf.length() ? buf.charAt(pos + 1) : 0;
            if (n == '/' || n == '*') {
                stack.add(new Frame(n == '/' ? LCOM : BCOM, ctx));
                repaired = true;
                return 2;
            }
        }
        if (Character.isWhitespace(c)) {
            return 1;
        }
        Frame f = new Frame(UNQ, ctx);
        f.unq = new StringBuilder();
        stack.add(f);
        if (ctx == KEY || ctx == TOP) {
            repaired = true;
        }
        return unquoted(f, c);
    }

    private void pushString(int kind, int ctx) {
        Frame f = new Frame(kind, ctx);
        f.str = new JValue.JString("", false);
        if (ctx != KEY) {
            attach(ctx, f.str);
        }
        stack.add(f);
    }

    private void attach(int ctx, JValue node) {
        if (ctx == TOP || stack.isEmpty()) {
            roots.add(node);
            return;
        }
        Frame parent = stack.get(stack.size() - 1);
        if (parent.kind == OBJ) {
            parent.obj.keys.add(parent.pendingKey == null ? "" : parent.pendingKey);
            parent.obj.values.add(node);
            parent.pendingKey = null;
        } else {
            parent.arr.items.add(node);
        }
    }

    private void pop() {
        stack.remove(stack.size() - 1);
    }

    private int escape(Frame top) {
        if (pos + 1 >= buf.length()) {
            if (!eof) {
                return -1;
            }
            top.str.text.append('\\');
            return 1;
        }
        char n = buf.charAt(pos + 1);
        StringBuilder t = top.str.text;
        switch (n) {
            case 'n': t.append('\n'); return 2;
            case 't': t.append('\t'); return 2;
            case 'r': t.append('\r'); return 2;
            case 'b': t.append('\b'); return 2;
            case 'f': t.append('\f'); return 2;
            case '\\': t.append('\\'); return 2;
            case '"': t.append('"'); return 2;
            case '/': t.append('/'); return 2;
            case 'u': {
                if (pos + 6 > buf.length() && !eof) {
                    return -1;
                }
                if (pos + 6 <= buf.length()) {
                    String hex = buf.substring(pos + 2, pos + 6);
                    if (hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                        t.append((char) Integer.parseInt(hex, 16));
                        return 6;
                    }
                }
                t.append('\\');
                return 1;
            }
            default:
                t.append('\\');
                return 1;
        }
    }

    /** A quote inside a string closes it only when what follows fits the surrounding structure. */
    private int closeOrKeep(Frame top, char quote) {
        int decision = Lookahead.shouldClose(buf, pos, eof, top.ctx, quote);
        if (decision < 0) {
            return -1;
        }
        if (decision == 1) {
            closeTop(true);
        } else {
            top.str.text.append(quote);
            repaired = true;
        }
        return 1;
    }

    /** Appends the run of ordinary characters starting at {@code pos} in one go; returns its length. */
    private int bulk(StringBuilder into, char stop1, char stop2) {
        int len = buf.length();
        int end = pos;
        while (end < len) {
            char ch = buf.charAt(end);
            if (ch == stop1 || ch == stop2) {
                break;
            }
            end++;
        }
        into.append(buf, pos, end);
        return end - pos;
    }

    private int unquoted(Frame top, char c) {
        switch (top.ctx) {
            case TOP:
                if (c == '{' || c == '[') {
                    closeTop(true);
                    return 0;
                }
                return bulk(top.unq, '{', '[');
            case KEY:
                if (c == ':') {
                    closeTop(true);
                    return 0;
                }
                break;
            case ARRAY:
                if (c == ',' || c == ']') {
                    closeTop(true);
                    return 0;
                }
                break;
            default: // VALUE
                if (c == '}') {
                    closeTop(true);
                    return 0;
                }
                if (c == ',') {
                    int d = Lookahead.commaEndsValue(buf, pos, eof, top.unq);
                    if (d < 0) {
                        return -1;
                    }
                    if (d == 1) {
                        closeTop(true);
                        return 0;
                    }
                }
                break;
        }
        top.unq.append(c);
        return 1;
    }

    /** Pops the top frame; {@code closed} says whether the text closed it (else the input ended). */
    private void closeTop(boolean closed) {
        Frame f = stack.remove(stack.size() - 1);
        switch (f.kind) {
            case OBJ:
            case ARR:
            case LCOM:
            case BCOM:
                return;
            case UNQ: {
                String raw = f.unq.toString();
                if (f.ctx == KEY) {
                    setKey(raw.trim());
                    return;
                }
                JValue v = convertUnquoted(raw, closed);
                if (f.ctx == TOP || stack.isEmpty()) {
                    roots.add(v);
                } else {
                    attach(f.ctx, v);
                }
                return;
            }
            default: {
                String s = f.str.value();
                if (f.kind == TDQ || f.kind == TBT) {
                    s = f.kind == TBT ? dropFirstLine(s) : s;
                    f.str.text.setLength(0);
                    f.str.text.append(Dedent.dedent(s));
                }
                f.str.complete = closed;
                if (f.ctx == KEY) {
                    setKey(f.str.value());
                }
            }
        }
    }

    private void setKey(String key) {
        if (!stack.isEmpty() && stack.get(stack.size() - 1).kind == OBJ) {
            stack.get(stack.size() - 1).pendingKey = key;
        }
    }

    private static String dropFirstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? "" : s.substring(nl + 1);
    }

    static JValue convertUnquoted(String raw, boolean complete) {
        String s = raw.trim();
        if (s.equals("true")) {
            return new JValue.JBool(true);
        }
        if (s.equals("false")) {
            return new JValue.JBool(false);
        }
        if (s.equals("null")) {
            return JValue.JNull.INSTANCE;
        }
        if (NumberText.isFloatLiteral(s)) {
            return new JValue.JNumber(s, complete);
        }
        return new JValue.JString(s, complete);
    }
}
