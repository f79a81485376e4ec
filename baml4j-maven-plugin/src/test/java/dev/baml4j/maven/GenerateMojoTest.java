package dev.baml4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

    private static final String RESUME = """
            class Resume {
              name string
              skills string[]
              seniority Seniority
            }

            enum Seniority {
              JUNIOR
              SENIOR
            }
            """;

    @TempDir
    Path base;

    @Test
    void generatesSourcesCopiesBamlFilesAndRegistersBothRoots() throws Exception {
        write("src/main/baml/resume.baml", RESUME);
        GenerateMojo mojo = mojo();

        mojo.execute();

        Path pkg = base.resolve("target/generated-sources/baml4j/com/example/baml");
        assertThat(pkg.resolve("BamlClient.java")).content().contains("public final class BamlClient");
        assertThat(pkg.resolve("Resume.java")).content().contains("@JsonProperty(\"skills\") List<String> skills");
        assertThat(pkg.resolve("Seniority.java")).exists();
        assertThat(base.resolve("target/generated-resources/baml4j/baml_src/resume.baml")).hasContent(RESUME);
        assertThat(mojo.project.getCompileSourceRoots())
                .contains(base.resolve("target/generated-sources/baml4j").toString());
        assertThat(mojo.project.getResources()).extracting(Resource::getDirectory)
                .containsExactly(base.resolve("target/generated-resources/baml4j").toString());
    }

    @Test
    void secondRunRewritesNothing() throws Exception {
        write("src/main/baml/resume.baml", RESUME);
        mojo().execute();
        Path client = base.resolve("target/generated-sources/baml4j/com/example/baml/BamlClient.java");
        Path copy = base.resolve("target/generated-resources/baml4j/baml_src/resume.baml");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(client, old);
        Files.setLastModifiedTime(copy, old);

        GenerateMojo again = mojo();
        again.execute();

        assertThat(Files.getLastModifiedTime(client)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(old);
        assertThat(again.project.getResources()).hasSize(1);
    }

    @Test
    void bamlErrorsFailTheBuildWithFileLineAndColumn() throws IOException {
        write("src/main/baml/resume.baml", RESUME.replace("skills string[]", "skills Skil[]"));

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 error")
                .hasMessageContaining("src/main/baml/resume.baml:3:10")
                .hasMessageContaining("Skil")
                .hasMessageContaining("^");
        assertThat(base.resolve("target/generated-sources/baml4j")).doesNotExist();
    }

    @Test
    void awsBedrockClientsAreCheckedAndGetTypedMethods() throws Exception {
        write("src/main/baml/resume.baml", RESUME + """

                client<llm> Haiku {
                  provider aws-bedrock
                  options {
                    model "anthropic.claude-3-haiku-20240307-v1:0"
                    region "us-east-1"
                  }
                }

                function ExtractResume(resume_text: string) -> Resume {
                  client Haiku
                  prompt #"{{ resume_text }} {{ ctx.output_format }}"#
                }
                """);

        mojo().execute();

        assertThat(base.resolve("target/generated-sources/baml4j/com/example/baml/BamlClient.java")).content()
                .contains("public Resume extractResume(String resumeText)");
    }

    @Test
    void awsBedrockOptionErrorsFailTheBuild() throws IOException {
        write("src/main/baml/resume.baml", RESUME + """

                client<llm> Haiku {
                  provider aws-bedrock
                  options {
                    model "anthropic.claude-3-haiku-20240307-v1:0"
                    access_key_id "AKIDEXAMPLE"
                  }
                }
                """);

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("src/main/baml/resume.baml:")
                .hasMessageContaining("secret_access_key");
    }

    @Test
    void clientsOfUninstalledProvidersFailTheBuildAsCheckDoes() throws IOException {
        write("src/main/baml/resume.baml", RESUME + """

                function ExtractResume(text: string) -> Resume {
                  client "openai/gpt-4o"
                  prompt #"{{ text }} {{ ctx.output_format }}"#
                }
                """);

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("src/main/baml/resume.baml:13:10")
                .hasMessageContaining("openai");
    }

    @Test
    void configuredPackageAndDirectoriesAreUsed() throws Exception {
        write("baml/resume.baml", RESUME);
        GenerateMojo mojo = mojo();
        mojo.sourceDirectory = base.resolve("baml").toFile();
        mojo.outputDirectory = base.resolve("gen").toFile();
        mojo.resourceDirectory = base.resolve("res").toFile();
        mojo.packageName = "org.acme.ai";
        mojo.resourceRoot = "prompts";

        mojo.execute();

        assertThat(base.resolve("gen/org/acme/ai/BamlClient.java")).content()
                .contains("package org.acme.ai;").contains("\"prompts\"");
        assertThat(base.resolve("res/prompts/resume.baml")).exists();
    }

    @Test
    void invalidPackageNameFailsTheBuildWithTheParameterName() throws IOException {
        write("src/main/baml/resume.baml", RESUME);
        GenerateMojo mojo = mojo();
        mojo.packageName = "com.example.2baml";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<packageName>")
                .hasMessageContaining("com.example.2baml");
    }

    @Test
    void missingSourceFolderGeneratesNothing() throws Exception {
        GenerateMojo mojo = mojo();

        mojo.execute();

        assertThat(base.resolve("target")).doesNotExist();
        assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
    }

    private GenerateMojo mojo() {
        MavenProject project = new MavenProject();
        project.setFile(base.resolve("pom.xml").toFile());
        GenerateMojo mojo = new GenerateMojo();
        mojo.project = project;
        mojo.sourceDirectory = new File(base.toFile(), "src/main/baml");
        mojo.outputDirectory = new File(base.toFile(), "target/generated-sources/baml4j");
        mojo.resourceDirectory = new File(base.toFile(), "target/generated-resources/baml4j");
        mojo.packageName = "com.example.baml";
        mojo.resourceRoot = "baml_src";
        return mojo;
    }

    private void write(String path, String text) throws IOException {
        Path p = base.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
