package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.CatalogSource;
import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.GenerateRequest;
import dev.autumncatalog.engine.Generated;
import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.codegen.CodegenException;
import dev.autumncatalog.engine.codegen.GeneratedSources;
import dev.autumncatalog.engine.codegen.JavaNames;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.text.Setting;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates typed constants of the catalog ({@code Features}, {@code Products}, {@code FeatureId}, {@code ProductId},
 * {@code FeatureKind}) into {@code target/generated-sources/autumn} and adds that directory to the compile sources.
 * The generated code needs nothing but the JDK at run time. With {@code <generateHandles>true</generateHandles>} it
 * also generates {@code Metered}, {@code Flags} and {@code Credits}, typed handles for {@code autumn-client}. Files whose content is unchanged are not rewritten, so an
 * unchanged catalog leaves the build incremental.
 *
 * <p>The catalog class lives in a dependency of the module (the module's own classes are not compiled yet at
 * {@code generate-sources}), so it must be named in the execution's configuration: {@code <catalogClass>com.example.pricing.Pricing</catalogClass>}, with {@code
 * <packageName>} for the package of the generated classes and {@code <goals><goal>generate</goal></goals>}
 * (README shows the whole execution).
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    /**
     * The fully qualified class implementing {@code CatalogDefinition}, found on the module's compile classpath
     * (usually in a dependency). Property {@code autumn.catalogClass}; required for this goal, no default.
     */
    @Parameter(property = "autumn.catalogClass")
    String catalogClass;

    /**
     * The package of the generated classes. Property {@code autumn.packageName}; default
     * <code>${project.groupId}.autumn</code>, with characters a Java package cannot hold replaced by {@code _}.
     */
    @Parameter(property = "autumn.packageName")
    String packageName;

    /**
     * Where the sources are written; it is added to the compile source roots. Property {@code
     * autumn.generate.outputDirectory}; default  <code>${project.build.directory}/generated-sources/autumn</code>. Give each
     * execution its own directory.
     */
    @Parameter(
            property = "autumn.generate.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/autumn")
    File outputDirectory;

    /**
     * Also generates typed handles for the run-time client: {@code Metered}, {@code Flags} and {@code Credits}, whose
     * types ({@code MeteredFeature}, {@code BooleanFlag}, {@code CreditSystem} from {@code autumn-client}) let {@code
     * track} accept metered features only, so tracking a flag or a credit system does not compile. The module needs
     * {@code dev.autumncatalog:autumn-client} as a dependency then. The JDK-only constants are generated either way.
     * Property {@code autumn.generate.handles}; default {@code false}.
     */
    @Parameter(property = "autumn.generate.handles", defaultValue = "false")
    boolean generateHandles;

    /**
     * Skips generation; sources generated earlier are still added to the compile source roots. Property {@code
     * autumn.skip}; default {@code false}.
     */
    @Parameter(property = "autumn.skip", defaultValue = "false")
    boolean skip;

    /** The module being built; read-only, no property. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        if (skip) {
            getLog().info("Skipping autumn:generate (autumn.skip=true)");
            if (output.toFile().isDirectory()) {
                project.addCompileSourceRoot(output.toString());
            }
            return;
        }
        project.addCompileSourceRoot(output.toString());
        if (catalogClass == null || catalogClass.isBlank()) {
            throw new MojoFailureException("autumn:generate needs the catalog class. The catalog lives in a dependency"
                    + " of this module, so it cannot be discovered here: add"
                    + " <configuration><catalogClass>com.example.pricing.Pricing</catalogClass></configuration> to"
                    + " the plugin's generate execution, or pass -Dautumn.catalogClass=com.example.pricing.Pricing.");
        }
        String targetPackage = targetPackage();
        String origin = catalogClass.trim();
        List<Path> classpath = ProjectClasspath.compile(project);
        if (generateHandles && !hasClient(classpath)) {
            throw new MojoFailureException("<generateHandles>true</generateHandles> (-Dautumn.generate.handles=true)"
                    + " generates Metered, Flags and Credits, whose types come from the run-time client, but "
                    + project.getId() + " does not have it on its compile class path. Add the dependency"
                    + " <dependency><groupId>dev.autumncatalog</groupId><artifactId>autumn-client</artifactId>"
                    + "</dependency>, or set <generateHandles>false</generateHandles> for the JDK-only constants.");
        }
        GenerateRequest request = new GenerateRequest(CatalogSource.named(origin, classpath), targetPackage, output)
                .withHandles(generateHandles);
        Generated generated;
        try {
            generated = CatalogEngine.create(MavenFrontEnd.GENERATE, EngineListener.NONE)
                    .generate(request);
        } catch (CatalogLoadException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (InvalidCatalogException e) {
            // No cause: Maven would print the cause's own wording of the problems a second time.
            throw new MojoFailureException("The catalog of " + e.className() + " (" + catalogClassHint()
                    + ") is invalid, so no constants were generated.\n" + e.getMessage());
        } catch (CodegenException e) {
            throw new MojoFailureException(
                    e.getMessage() + "\nChange the ids in " + origin + " (" + catalogClassHint() + ").", e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        report(generated);
    }

    /** {@code true} when the run-time client's handle types are on {@code classpath} (a jar or a class directory). */
    private static boolean hasClient(List<Path> classpath) {
        String resource = "dev/autumncatalog/client/MeteredFeature.class";
        for (Path element : classpath) {
            if (Files.isDirectory(element)) {
                if (Files.isRegularFile(element.resolve(resource))) {
                    return true;
                }
            } else if (Files.isRegularFile(element)) {
                try (JarFile jar = new JarFile(element.toFile())) {
                    if (jar.getEntry(resource) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // Not a jar: it cannot hold the client.
                }
            }
        }
        return false;
    }

    /** How this goal's users name the catalog class: in its execution's configuration, or the property. */
    private static String catalogClassHint() {
        return MavenFrontEnd.GENERATE.setting(Setting.CATALOG_CLASS);
    }

    private String targetPackage() throws MojoFailureException {
        if (packageName == null || packageName.isBlank()) {
            return JavaNames.sanitisePackageName(project.getGroupId() + ".autumn");
        }
        try {
            return JavaNames.requirePackageName(packageName.trim());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    "<packageName> / -Dautumn.packageName: " + e.getMessage() + suggestion(packageName), e);
        }
    }

    private static String suggestion(String badPackage) {
        try {
            return ". Use a package such as " + JavaNames.sanitisePackageName(badPackage) + ".";
        } catch (IllegalArgumentException e) {
            return ".";
        }
    }

    private void report(Generated generated) {
        GeneratedSources.Result result = generated.files();
        if (result.upToDate()) {
            getLog().info("Autumn constants up to date (" + result.fileCount() + " files)");
            return;
        }
        for (Path deleted : result.deleted()) {
            getLog().info("Deleted stale generated file " + deleted);
        }
        getLog().info("Generated " + result.written().size() + " of " + result.fileCount() + " Autumn constant files"
                + " (package " + generated.packageName() + ", from " + generated.origin() + ") in "
                + generated.outputDirectory());
    }
}
