package dev.baml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.lang.BamlProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationDeterminismTest {

    @Test
    void sameProjectGivesByteIdenticalSources(@TempDir Path dir) {
        for (CorpusProjects.Project p : CorpusProjects.all()) {
            // Compile the sources again too: nothing may depend on object identity or hash order.
            BamlProject again = CorpusProjects.compileFiles(p.files());
            List<GeneratedFile> first = generator(dir).generate(p.project());
            List<GeneratedFile> second = generator(dir).generate(again);
            assertThat(second).as(p.name()).isEqualTo(first);
        }
    }

    @Test
    void unchangedFilesAreNotRewritten(@TempDir Path dir) throws IOException {
        BamlProject project = CorpusProjects.compile(Fixtures.RESUME);
        GenerationResult first = generator(dir).write(project);
        assertThat(first.written()).isNotEmpty();
        assertThat(first.unchanged()).isEmpty();
        Path resume = dir.resolve("com/example/resume/Resume.java");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(resume, old);

        GenerationResult second = generator(dir).write(project);

        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).hasSize(first.written().size());
        assertThat(Files.getLastModifiedTime(resume)).isEqualTo(old);
    }

    @Test
    void changedFilesAreRewrittenAndStaleOnesDeleted(@TempDir Path dir) throws IOException {
        generator(dir).write(CorpusProjects.compile(Fixtures.RESUME));
        Path handWritten = dir.resolve("com/example/resume/Helper.java");
        Files.writeString(handWritten, "package com.example.resume;\nclass Helper {}\n");

        String changed = Fixtures.RESUME.replace("class Skill {\n  name string\n  years int?\n}\n", "")
                .replace("skills Skill[]", "skills string[]").replace("-> Skill[]", "-> string[]");
        GenerationResult result = generator(dir).write(CorpusProjects.compile(changed));

        assertThat(result.deleted()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("Skill.java", "PartialSkill.java");
        assertThat(result.written()).extracting(p -> p.getFileName().toString())
                .contains("Resume.java", "PartialResume.java");
        assertThat(handWritten).exists();
        assertThat(dir.resolve("com/example/resume/Skill.java")).doesNotExist();
    }

    private static JavaClientGenerator generator(Path dir) {
        return new JavaClientGenerator(new JavaClientOptions("com.example.resume", dir));
    }
}
