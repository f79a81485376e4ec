package dev.baml4j.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the input, the compiler answers with diagnostics: no exception, no stack overflow,
 * and every diagnostic points into the file. Inputs are valid corpus sources, mutated.
 */
class MutationPropertiesTest {

    private static final List<String> SEEDS = CorpusSources.all().stream()
            .flatMap(c -> c.files().stream())
            .map(SourceFile::text)
            .filter(t -> !t.isBlank())
            .distinct()
            .sorted()
            .toList();

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    /** A source with one range [from, to) chosen by two fractions of its length. */
    private static int at(String s, double fraction) {
        return (int) Math.floor(fraction * s.length());
    }

    @Property(tries = 150)
    void deletingARangeGivesOnlyDiagnostics(@ForAll("seeds") String src,
            @ForAll @IntRange(max = 1000) int a, @ForAll @IntRange(max = 1000) int b) {
        int from = at(src, Math.min(a, b) / 1000.0);
        int to = at(src, Math.max(a, b) / 1000.0);
        assertOnlyDiagnostics(src.substring(0, from) + src.substring(to));
    }

    @Property(tries = 150)
    void duplicatingARangeGivesOnlyDiagnostics(@ForAll("seeds") String src,
            @ForAll @IntRange(max = 1000) int a, @ForAll @IntRange(max = 1000) int b,
            @ForAll @IntRange(max = 1000) int c) {
        int from = at(src, Math.min(a, b) / 1000.0);
        int to = at(src, Math.max(a, b) / 1000.0);
        int insert = at(src, c / 1000.0);
        assertOnlyDiagnostics(src.substring(0, insert) + src.substring(from, to) + src.substring(insert));
    }

    @Property(tries = 150)
    void truncatingGivesOnlyDiagnostics(@ForAll("seeds") String src, @ForAll @IntRange(max = 1000) int a) {
        assertOnlyDiagnostics(src.substring(0, at(src, a / 1000.0)));
    }

    @Property(tries = 150)
    void randomBytesGiveOnlyDiagnostics(@ForAll("seeds") String src, @ForAll @IntRange(max = 1000) int a,
            @ForAll("noise") String noise) {
        int insert = at(src, a / 1000.0);
        assertOnlyDiagnostics(src.substring(0, insert) + noise + src.substring(insert));
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> syntax = Arbitraries.strings().withChars("{}[]()<>@#\"'|?:,=-/\\.\n \t*{{}}env")
                .ofMaxLength(40);
        return Arbitraries.oneOf(any, syntax);
    }

    @Property(tries = 40)
    void deepNestingGivesADiagnosticNotAStackOverflow(@ForAll("nesting") String src) {
        Compilation c = assertOnlyDiagnostics(src);
        assertThat(c.hasErrors()).isTrue();
    }

    @Provide
    Arbitrary<String> nesting() {
        Arbitrary<String> opener = Arbitraries.of("(", "[", "{", "map<", "{a ", "[[", "@alias(", "(int | ");
        Arbitrary<Integer> depth = Arbitraries.integers().between(100, 12_000);
        Arbitrary<String> context = Arbitraries.of(
                "class A {\n  x %s\n}\n",
                "client<llm> C {\n  provider aws-bedrock\n  options %s\n}\n",
                "test T {\n  functions %s\n  args %s\n}\n",
                "type X = %s\n",
                "function F(x: %s) -> string {\n  client C\n  prompt #\"x\"#\n}\n",
                "%s");
        return Combinators.combine(opener, depth, context).as((o, d, ctx) -> ctx.replace("%s", o.repeat(d)));
    }

    private static Compilation assertOnlyDiagnostics(String src) {
        Compilation c = BamlCompiler.compile(List.of(new SourceFile("m.baml", src)), ClientValidator.PERMISSIVE);
        long lines = src.lines().count() + 1;
        for (Diagnostic d : c.diagnostics()) {
            assertThat(d.span().file()).isEqualTo("m.baml");
            assertThat(d.span().line()).isBetween(1, (int) lines);
            assertThat(BamlCompiler.render(d, Map.of("m.baml", src))).startsWith("m.baml:" + d.span().line() + ":");
        }
        assertThat(c.project() == null).isEqualTo(c.hasErrors());
        return c;
    }
}
