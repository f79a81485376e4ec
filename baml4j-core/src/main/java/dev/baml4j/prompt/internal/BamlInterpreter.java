package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * A Jinjava interpreter that prints values as BAML does ({@link ValuePrinter}) and tells an
 * undefined name ({@link JinjaValues.Undefined}) from a null argument, which Jinjava alone cannot.
 */
public final class BamlInterpreter extends JinjavaInterpreter {

    /** Where the per-render state lives in the context; not a valid template identifier. */
    static final String STATE_KEY = "\u0000baml4j.state";

    public BamlInterpreter(Jinjava application, Context context, JinjavaConfig config) {
        super(application, context, config);
    }

    public BamlInterpreter(JinjavaInterpreter orig) {
        super(orig);
    }

    @Override
    public String getAsString(Object value) {
        return state(this).printer().display(value);
    }

    @Override
    public Object retraceVariable(String variable, int lineNumber, int startPosition) {
        Object value = super.retraceVariable(variable, lineNumber, startPosition);
        if (value == null && (variable.equals("none") || variable.equals("None"))) {
            // minijinja's none literal; Jinjava only knows null
            return null;
        }
        if (value == null && !isDefined(variable)) {
            return JinjaValues.Undefined.INSTANCE;
        }
        return value;
    }

    private boolean isDefined(String variable) {
        String root = variable;
        int dot = root.indexOf('.');
        if (dot >= 0) {
            root = root.substring(0, dot);
        }
        return getContext().containsKey(root) || state(this).isGlobal(root);
    }

    static RenderState state(JinjavaInterpreter interpreter) {
        if (interpreter.getContext().get(STATE_KEY) instanceof RenderState rs) {
            return rs;
        }
        throw new IllegalStateException("no render state in the template context");
    }

    /** Prints a value with the current render's printer (for helpers outside the interpreter). */
    static String display(Object value) {
        return state(JinjavaInterpreter.getCurrent()).printer().display(value);
    }

    /** Makes Jinjava create {@link BamlInterpreter}s, child interpreters included. */
    public static final class Factory implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return new BamlInterpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
            return new BamlInterpreter(application, context, config);
        }
    }
}
