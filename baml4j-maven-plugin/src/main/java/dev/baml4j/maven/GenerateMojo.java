package dev.baml4j.maven;

import dev.baml4j.codegen.BamlSourceFiles;
import dev.baml4j.codegen.GenerationResult;
import dev.baml4j.codegen.JavaClientGenerator;
import dev.baml4j.codegen.JavaClientOptions;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.provider.Providers;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the typed Java client of the project's {@code .baml} files: records, enums, partial
 * records and {@code BamlClient}, into a source root; and copies the {@code .baml} files into a
 * resource folder so that {@code BamlClient.create()} finds them on the classpath.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.baml4j</groupId>
 *   <artifactId>baml4j-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>generate</goal></goals></execution></executions>
 *   <configuration><packageName>com.example.baml</packageName></configuration>
 * </plugin>
 * }</pre>
 *
 * Errors in the {@code .baml} files fail the build with the diagnostics {@code baml4j check}
 * prints: {@code file:line:col}, the source line, a caret and the fix.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The folder holding the {@code .baml} files. */
    @Parameter(property = "baml4j.sourceDirectory", defaultValue = "${project.basedir}/src/main/baml")
    File sourceDirectory;

    /** Where the Java sources go; added as a compile source root. */
    @Parameter(property = "baml4j.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/baml4j")
    File outputDirectory;

    /** Where the {@code .baml} files are copied (under {@link #resourceRoot}); added as a resource folder. */
    @Parameter(property = "baml4j.resourceDirectory",
            defaultValue = "${project.build.directory}/generated-resources/baml4j")
    File resourceDirectory;

    /** The Java package of the generated code. */
    @Parameter(property = "baml4j.packageName", defaultValue = "baml_client")
    String packageName;

    /** The classpath folder {@code BamlClient.create()} loads the {@code .baml} files from. */
    @Parameter(property = "baml4j.resourceRoot", defaultValue = JavaClientOptions.DEFAULT_RESOURCE_ROOT)
    String resourceRoot;

    /** Skips generation. */
    @Parameter(property = "baml4j.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("baml4j generation skipped (baml4j.skip)");
            return;
        }
        Path sources = sourceDirectory.toPath();
        List<SourceFile> files = BamlSourceFiles.read(sources, project.getBasedir().toPath());
        if (files.isEmpty()) {
            getLog().warn("no .baml files in " + sources + "; nothing to generate (set <sourceDirectory> if they live elsewhere)");
            return;
        }
        // The providers on the plugin's class path (aws-bedrock) check client options, as `baml4j check` does.
        Compilation compilation = BamlCompiler.compile(files, Providers.validator(Providers.installed()));
        Map<String, String> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f.text()));
        StringBuilder errors = new StringBuilder();
        long errorCount = 0;
        for (Diagnostic d : compilation.diagnostics()) {
            String rendered = BamlCompiler.render(d, byPath);
            if (d.isError()) {
                errorCount++;
                errors.append(rendered).append("\n\n");
            } else {
                getLog().warn(rendered);
            }
        }
        if (errorCount > 0) {
            // Maven prints the exception's message as the build failure: logging it too would say it twice.
            throw new MojoFailureException(errorCount + (errorCount == 1 ? " error" : " errors") + " in the .baml files under "
                    + sources + ":\n\n" + errors.toString().stripTrailing());
        }
        JavaClientOptions options;
        try {
            options = new JavaClientOptions(packageName, outputDirectory.toPath(), resourceRoot);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<packageName>: " + e.getMessage());
        }
        GenerationResult generated;
        GenerationResult copied;
        try {
            generated = new JavaClientGenerator(options).write(compilation.project());
            copied = BamlSourceFiles.mirror(sources, resourceDirectory.toPath().resolve(resourceRoot));
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
        getLog().info("baml4j: " + files.size() + " .baml files → " + generated.fileCount() + " Java files in "
                + packageName + " (" + generated.written().size() + " written, " + generated.unchanged().size()
                + " unchanged, " + generated.deleted().size() + " removed); " + copied.written().size()
                + " .baml resources updated");
        project.addCompileSourceRoot(outputDirectory.getPath());
        addResourceDirectory();
    }

    private void addResourceDirectory() {
        String dir = resourceDirectory.getPath();
        for (Resource r : project.getResources()) {
            if (dir.equals(r.getDirectory())) {
                return;
            }
        }
        Resource resource = new Resource();
        resource.setDirectory(dir);
        project.addResource(resource);
    }
}
