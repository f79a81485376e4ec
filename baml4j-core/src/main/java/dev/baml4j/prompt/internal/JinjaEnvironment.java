package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.interpret.AutoCloseableSupplier;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.tree.Node;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;

/**
 * Jinjava configured to behave like BAML's minijinja: trim_blocks, BAML value printing,
 * undefined versus null, pycompat methods, for-else, the filter tag and BAML's filters.
 * Thread-safe: templates are parsed once ({@link #parse}) and rendered by any thread.
 */
public final class JinjaEnvironment {

    /** The outcome of a parse or a render: the output (or tree) and the first fatal error, if any. */
    public record Result<T>(T value, TemplateError error) {
    }

    /** A problem found before rendering: its message and the 1-based line of the source. */
    public record Problem(String message, int line) {
    }

    private final Jinjava jinjava;

    public JinjaEnvironment() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new BamlElResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new JinjavaListELResolver(true));
        resolver.add(new TypeConvertingMapELResolver(true));
        resolver.add(new JinjavaBeanELResolver(true));
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                // lstrip_blocks is applied to the source by TemplateSource: Jinjava's version also
                // strips spaces before a tag in the middle of a line, which Jinja does not.
                .withLstripBlocks(false)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseTrimmingForNotesAndExpressions(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .build())
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(100)
                .withElResolver(resolver)
                .withInterperterFactory(new BamlInterpreter.Factory())
                .build();
        jinjava = new PythonExpressions.PyJinjava(config);
        Context global = jinjava.getGlobalContext();
        for (Filter f : BamlFilters.all()) {
            global.registerFilter(f);
        }
        BamlFilters.tests().forEach(global::registerExpTest);
        global.registerTag(new BamlTags.ForElseTag());
        global.registerTag(new BamlTags.FilterTag());
    }

    /** Unknown filters and tests, which Jinjava would silently render as nothing; null if none. */
    public Problem check(String source) {
        Context global = jinjava.getGlobalContext();
        String[] problem = TemplateChecks.firstUnknown(source, name -> global.getFilter(name) != null,
                name -> global.getExpTest(name) != null);
        return problem == null ? null : new Problem(problem[0], Integer.parseInt(problem[1]));
    }

    /** Parses a template once; the tree is immutable afterwards and shared by renders. */
    public Result<Node> parse(String source) {
        try (AutoCloseableSupplier.AutoCloseableImpl<JinjavaInterpreter> current =
                JinjavaInterpreter.closeablePushCurrent(newInterpreter(Map.of())).get()) {
            JinjavaInterpreter interpreter = current.value();
            Node root = interpreter.parse(source);
            BamlTags.hoistForElse(root);
            return new Result<>(root, firstFatal(interpreter.getErrors()));
        }
    }

    /** Renders a parsed template with the given globals and per-render state. */
    public Result<String> render(Node root, Map<String, Object> globals, RenderState state) {
        java.util.HashMap<String, Object> bindings = new java.util.HashMap<>(globals);
        state.defineGlobals(globals.keySet());
        bindings.put(BamlInterpreter.STATE_KEY, state);
        try (AutoCloseableSupplier.AutoCloseableImpl<JinjavaInterpreter> current =
                JinjavaInterpreter.closeablePushCurrent(newInterpreter(bindings)).get()) {
            JinjavaInterpreter interpreter = current.value();
            String out = interpreter.render(root);
            return new Result<>(out, firstFatal(interpreter.getErrors()));
        }
    }

    private JinjavaInterpreter newInterpreter(Map<String, Object> bindings) {
        JinjavaConfig config = jinjava.getGlobalConfig();
        Context context = new Context(jinjava.getGlobalContext(), bindings, config.getDisabled());
        return config.getInterpreterFactory().newInstance(jinjava, context, config);
    }

    /** Jinjava only warns about an unknown filter, test or function; minijinja fails the template. */
    private static boolean isUnknownCallable(TemplateError e) {
        return (e.getReason() == TemplateError.ErrorReason.UNKNOWN || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
                && (e.getItem() == TemplateError.ErrorItem.FILTER || e.getItem() == TemplateError.ErrorItem.EXPRESSION_TEST
                        || e.getItem() == TemplateError.ErrorItem.FUNCTION || e.getItem() == TemplateError.ErrorItem.TAG);
    }

    private static TemplateError firstFatal(List<TemplateError> errors) {
        for (TemplateError e : errors) {
            if (e.getSeverity() == TemplateError.ErrorType.FATAL || isUnknownCallable(e)) {
                return e;
            }
        }
        return null;
    }
}
