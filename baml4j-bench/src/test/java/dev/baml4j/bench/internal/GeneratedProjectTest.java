package dev.baml4j.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedProjectTest {

    @Test
    void generatesAboutTheRequestedSizeOverManyFiles() {
        Map<String, String> files = GeneratedProject.sources(1_000_000);
        int size = GeneratedProject.size(files);
        assertThat(size).isBetween(1_000_000, 1_050_000);
        assertThat(files).hasSizeGreaterThan(40);
    }

    @Test
    void isDeterministic() {
        assertThat(GeneratedProject.sources(200_000)).isEqualTo(GeneratedProject.sources(200_000));
    }

    @Test
    void laterModulesReferToEarlierOnesAcrossFiles() {
        Map<String, String> files = GeneratedProject.sources(100_000);
        String second = files.get("modules/part_002.baml");
        assertThat(second).contains("class Item10 {").contains("previous Item9[]");
        assertThat(files.get("modules/part_001.baml")).contains("class Item9 {");
    }
}
