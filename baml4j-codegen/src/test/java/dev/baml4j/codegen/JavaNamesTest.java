package dev.baml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.codegen.internal.JavaNames;
import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void fieldsAndFunctionsBecomeCamelCase() {
        assertThat(JavaNames.member("start_year")).isEqualTo("startYear");
        assertThat(JavaNames.member("ExtractResume")).isEqualTo("extractResume");
        assertThat(JavaNames.member("JSONValue")).isEqualTo("jsonValue");
        assertThat(JavaNames.member("URL")).isEqualTo("url");
        assertThat(JavaNames.member("good-boy")).isEqualTo("goodBoy");
        assertThat(JavaNames.member("Parse0")).isEqualTo("parse0");
    }

    @Test
    void keywordsAndObjectMethodsGetASuffix() {
        assertThat(JavaNames.member("class")).isEqualTo("class_");
        assertThat(JavaNames.member("default")).isEqualTo("default_");
        assertThat(JavaNames.member("hashCode")).isEqualTo("hashCode_");
        assertThat(JavaNames.member("to_string")).isEqualTo("toString_");
    }

    @Test
    void typesAndConstantsKeepValidNames() {
        assertThat(JavaNames.type("Resume")).isEqualTo("Resume");
        assertThat(JavaNames.type("my-type")).isEqualTo("MyType");
        assertThat(JavaNames.constant("CriticalBlocker")).isEqualTo("CriticalBlocker");
        assertThat(JavaNames.constant("in-progress")).isEqualTo("in_progress");
        assertThat(JavaNames.constant("NULL")).isEqualTo("NULL");
        assertThat(JavaNames.constant("true")).isEqualTo("true_");
    }
}
