package dev.baml4j.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlConfigException;
import dev.baml4j.types.BamlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseTypeTest {

    private static final BamlProject PROJECT = Sources.project(
            "class Resume {\n  name string\n}\nenum Fruit {\n  APPLE\n}\ntype Tags = string[]\n");

    @Test
    void resolvesTypeExpressionsAgainstTheProject() {
        assertThat(BamlCompiler.parseType("Resume[]?", PROJECT))
                .isEqualTo(new BamlType.Optional(new BamlType.ListOf(new BamlType.ClassRef("Resume"))));
        assertThat(BamlCompiler.parseType("map<Fruit, int>", PROJECT))
                .isEqualTo(new BamlType.MapOf(new BamlType.EnumRef("Fruit"), BamlType.INT));
        assertThat(BamlCompiler.parseType(" \"a\" | \"b\" ", PROJECT)).isEqualTo(new BamlType.Union(
                List.of(new BamlType.Literal("a"), new BamlType.Literal("b"))));
        assertThat(BamlCompiler.parseType("Tags | null", PROJECT))
                .isEqualTo(new BamlType.Optional(new BamlType.AliasRef("Tags")));
    }

    @Test
    void everySapCorpusTargetParses() {
        int n = 0;
        for (CorpusSources.Case c : CorpusSources.all()) {
            if (!c.json().has("target")) {
                continue;
            }
            BamlProject p = BamlCompiler.compile(c.files(), ClientValidator.PERMISSIVE).projectOrThrow();
            assertThat(BamlCompiler.parseType(c.json().get("target").asText(), p)).as(c.id()).isNotNull();
            n++;
        }
        assertThat(n).isGreaterThan(800);
    }

    @Test
    void badTypesThrowWithDiagnostics() {
        assertThatThrownBy(() -> BamlCompiler.parseType("Resme", PROJECT))
                .isInstanceOfSatisfying(BamlConfigException.class, e -> assertThat(e.diagnostics())
                        .singleElement().satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean `Resume`?")));
        assertThatThrownBy(() -> BamlCompiler.parseType("int int", PROJECT)).isInstanceOf(BamlConfigException.class);
        assertThatThrownBy(() -> BamlCompiler.parseType("map<int, string>", PROJECT))
                .isInstanceOf(BamlConfigException.class);
        assertThatThrownBy(() -> BamlCompiler.parseType("", PROJECT)).isInstanceOf(BamlConfigException.class);
    }
}
