package dev.baml4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void spreadShowsMedianThenMinAndMax() {
        assertThat(MarkdownReport.spread(List.of(3.0, 1.0, 2.0), "%.1f")).isEqualTo("2.0 [1.0 – 3.0]");
        assertThat(MarkdownReport.spread(List.of(4.0, 1.0, 2.0, 3.0), "%.1f")).isEqualTo("2.5 [1.0 – 4.0]");
        assertThat(MarkdownReport.spread(List.of(7.0), "%.0f")).isEqualTo("7");
    }
}
