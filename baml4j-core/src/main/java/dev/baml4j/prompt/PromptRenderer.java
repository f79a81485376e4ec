package dev.baml4j.prompt;

import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.ParamDef;
import dev.baml4j.prompt.internal.JinjaEnvironment;
import dev.baml4j.prompt.internal.JinjaValues;
import dev.baml4j.prompt.internal.OutputFormatCache;
import dev.baml4j.prompt.internal.RenderHelpers;
import dev.baml4j.prompt.internal.RenderState;
import dev.baml4j.prompt.internal.ReservedNames;
import dev.baml4j.prompt.internal.RoleSplitter;
import dev.baml4j.prompt.internal.TemplateSource;
import dev.baml4j.types.BamlValue;
import dev.baml4j.types.ConfigValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a function's prompt as BAML does: Jinja with BAML's globals ({@code ctx}, {@code _},
 * enums, template_strings as macros), then split into chat messages at {@code _.role(...)}
 * markers. Each function's template is parsed once and cached; thread-safe.
 *
 * <pre>{@code
 * PromptRenderer renderer = new PromptRenderer(project);
 * RenderedPrompt p = renderer.render(project.functions().get("ExtractResume"),
 *         ArgumentBinder.bind(project, fn, Map.of("text", txt)),
 *         new RenderContext("MyClient", "aws-bedrock", Map.of()));
 * }</pre>
 */
public final class PromptRenderer {

    private record Compiled(TemplateSource source, Node root) {
    }

    private final BamlProject project;
    private final JinjaEnvironment env = new JinjaEnvironment();
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> enumGlobals;
    private final OutputFormatCache outputFormats;

    public PromptRenderer(BamlProject project) {
        this.project = project;
        this.outputFormats = new OutputFormatCache(project);
        Map<String, Object> enums = new HashMap<>();
        for (EnumDef e : project.enums().values()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (EnumValueDef v : e.values()) {
                values.put(v.name(), new JinjaValues.EnumView(e.name(), v.name(), v.renderedName()));
            }
            enums.put(e.name(), new JinjaValues.MapView(values));
        }
        this.enumGlobals = Map.copyOf(enums);
    }

    /**
     * Renders {@code fn} with arguments already bound by {@link ArgumentBinder}.
     *
     * @throws PromptRenderException if the template fails, naming the function and the line
     */
    public RenderedPrompt render(FunctionDef fn, Map<String, BamlValue> args, RenderContext ctx) {
        Compiled compiled = cache.computeIfAbsent(fn.name(), name -> compile(fn));
        String defaultRole = defaultRole(ctx);
        RenderState state = new RenderState();
        Map<String, Object> globals = new HashMap<>(enumGlobals);
        globals.put("ctx", new RenderHelpers.Ctx(outputFormats, fn.returnType(), ctx.clientName(), ctx.clientProvider(),
                defaultRole, ctx.tags()));
        globals.put("_", new RenderHelpers.Roles(state));
        for (ParamDef p : fn.params()) {
            // an argument left out (an omitted optional one) stays undefined, as in BAML
            if (args.containsKey(p.name())) {
                globals.put(ReservedNames.encode(p.name()), JinjaValues.toJinja(args.get(p.name()), project));
            }
        }
        JinjaEnvironment.Result<String> result;
        try {
            result = env.render(compiled.root(), globals, state);
        } catch (RuntimeException e) {
            throw new PromptRenderException(fn.name(), null, rootMessage(e));
        }
        if (result.error() != null) {
            throw error(fn, compiled.source(), result.error());
        }
        return new RenderedPrompt(RoleSplitter.split(result.value(), state, defaultRole));
    }

    /** The context's role, else the declared client's {@code default_role} option, else the provider's. */
    private String defaultRole(RenderContext ctx) {
        if (ctx.defaultRole() != null) {
            return ctx.defaultRole();
        }
        return project.client(ctx.clientName())
                .flatMap(c -> c.options().get("default_role"))
                .flatMap(ConfigValue::asString)
                .orElseGet(() -> RenderContext.providerDefaultRole(ctx.clientProvider()));
    }

    private Compiled compile(FunctionDef fn) {
        TemplateSource source = TemplateSource.of(fn.prompt(), project.templateStrings().values());
        JinjaEnvironment.Problem problem = env.check(source.source());
        if (problem != null) {
            throw new PromptRenderException(fn.name(), source.location(problem.line()), problem.message());
        }
        JinjaEnvironment.Result<Node> parsed = env.parse(source.source());
        if (parsed.error() != null) {
            throw error(fn, source, parsed.error());
        }
        return new Compiled(source, parsed.value());
    }

    private static PromptRenderException error(FunctionDef fn, TemplateSource source, TemplateError e) {
        String cause = e.getException() != null ? rootMessage(e.getException()) : e.getMessage();
        if (cause == null || cause.isBlank()) {
            cause = e.getMessage();
        }
        return new PromptRenderException(fn.name(), source.location(e.getLineno()), cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
