package dev.baml4j.prompt;

import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compiles a small BAML project with one client and renders its functions. */
final class RenderFixture {

    static final String CLIENT = """
            client<llm> Stub {
              provider aws-bedrock
              options {
                model "anthropic.claude-3-haiku-20240307-v1:0"
                region "us-east-1"
              }
            }
            """;

    final BamlProject project;
    final PromptRenderer renderer;

    RenderFixture(String baml) {
        project = BamlCompiler.compile(List.of(new SourceFile("clients.baml", CLIENT), new SourceFile("main.baml", baml)),
                ClientValidator.PERMISSIVE).projectOrThrow();
        renderer = new PromptRenderer(project);
    }

    /** A project with one function {@code F(params) -> ret} whose prompt is {@code prompt}. */
    static RenderFixture function(String declarations, String params, String ret, String prompt) {
        return new RenderFixture(declarations + "\nfunction F(" + params + ") -> " + ret + " {\n  client Stub\n  prompt #\"\n"
                + prompt + "\n  \"#\n}\n");
    }

    RenderedPrompt render(String fn, Map<String, ?> args) {
        return render(fn, args, new RenderContext("Stub", "aws-bedrock", Map.of()));
    }

    RenderedPrompt render(String fn, Map<String, ?> args, RenderContext ctx) {
        FunctionDef f = project.function(fn).orElseThrow();
        return renderer.render(f, ArgumentBinder.bind(project, f, args), ctx);
    }

    /** All text parts of all messages, joined by a newline; for single-message prompts. */
    String text(String fn, Map<String, ?> args) {
        return render(fn, args).messages().stream()
                .flatMap(m -> m.parts().stream())
                .map(p -> p instanceof ChatPart.Text t ? t.text() : "<media>")
                .collect(Collectors.joining("\n"));
    }
}
