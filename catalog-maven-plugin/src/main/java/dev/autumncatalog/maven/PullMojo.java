package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.Pulled;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.codegen.JavaNames;
import dev.autumncatalog.engine.pull.PullOptions;
import dev.autumncatalog.engine.pull.PullRefusedException;
import dev.autumncatalog.engine.pull.PullRequest;
import dev.autumncatalog.engine.pull.PullResult;
import dev.autumncatalog.sandbox.SandboxStateException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the catalog Autumn holds as Java DSL source: one {@code CatalogDefinition} class with a constant per feature
 * and plan, into {@code target/autumn/pulled} by default. What the DSL cannot express is logged and commented in the
 * file. Pulling into {@code src/main/java} needs {@code -Dautumn.pull.overwrite=true}, and a file the pull did not
 * write, or one edited since, is only replaced with {@code -Dautumn.pull.force=true}.
 *
 * <p>For example: {@code mvn autumn:pull -Dautumn.pull.packageName=com.example.pricing}, or {@code mvn autumn:pull
 * -Dautumn.target=local} from the local sandbox. The local catalog class ({@code catalogClass}) is not used.
 */
@Mojo(name = "pull", threadSafe = true)
public class PullMojo extends AbstractAutumnMojo {
    /**
     * The package of the pulled class. Property {@code autumn.pull.packageName}; default
     * <code>${project.groupId}.pricing</code>, with characters a Java package cannot hold replaced by {@code _}.
     */
    @Parameter(property = "autumn.pull.packageName")
    String packageName;

    /** The simple name of the pulled class. Property {@code autumn.pull.className}; default {@code PulledCatalog}. */
    @Parameter(property = "autumn.pull.className", defaultValue = PullOptions.DEFAULT_CLASS_NAME)
    String className;

    /**
     * Also pulls features and plans archived on Autumn (commented as archived). Property {@code
     * autumn.pull.includeArchived}; default {@code false}.
     */
    @Parameter(property = "autumn.pull.includeArchived", defaultValue = "false")
    boolean includeArchived;

    /**
     * The source root the class is written under, in its package's directories. Property {@code
     * autumn.pull.outputDirectory}; default  <code>${project.build.directory}/autumn/pulled</code>.
     */
    @Parameter(property = "autumn.pull.outputDirectory", defaultValue = "${project.build.directory}/autumn/pulled")
    File outputDirectory;

    /**
     * Allows pulling into one of the project's source directories, such as {@code src/main/java}. Property {@code
     * autumn.pull.overwrite}; default {@code false}.
     */
    @Parameter(property = "autumn.pull.overwrite", defaultValue = "false")
    boolean overwrite;

    /**
     * Allows replacing a file the pull did not write, or a pulled file edited since; the replaced files are logged.
     * Property {@code autumn.pull.force}; default {@code false}.
     */
    @Parameter(property = "autumn.pull.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping autumn:pull (autumn.skip=true)");
            return;
        }
        PullRequest request = PullRequest.of(options(), outputDirectory.toPath())
                .sourceRoots(sourceRoots())
                .overwrite(overwrite)
                .force(force);
        Pulled pulled;
        try {
            pulled = CatalogEngine.create(MavenFrontEnd.GOALS, new MavenListener())
                    .pull(autumnTarget(), request);
        } catch (PullRefusedException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (AutumnApiException e) {
            throw readFailure(e);
        } catch (SandboxStateException | SettingsDecryptionFailure | UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        report(pulled);
    }

    private PullOptions options() throws MojoFailureException {
        String targetPackage;
        if (packageName == null || packageName.isBlank()) {
            targetPackage = JavaNames.sanitisePackageName(project.getGroupId() + ".pricing");
        } else {
            try {
                targetPackage = JavaNames.requirePackageName(packageName.trim());
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("<packageName> / -Dautumn.pull.packageName: " + e.getMessage(), e);
            }
        }
        try {
            return new PullOptions(targetPackage, className == null ? "" : className.trim(), includeArchived);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<className> / -Dautumn.pull.className: " + e.getMessage(), e);
        }
    }

    /** The project's own source directories; generated ones under the build directory are not protected. */
    private List<Path> sourceRoots() {
        Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        List<String> all = new ArrayList<>(project.getCompileSourceRoots());
        all.addAll(project.getTestCompileSourceRoots());
        for (String root : all) {
            Path path = Path.of(root).toAbsolutePath().normalize();
            if (!path.startsWith(build)) {
                roots.add(path);
            }
        }
        return roots;
    }

    private void report(Pulled pulled) {
        PullResult result = pulled.result();
        for (String note : result.notes()) {
            getLog().warn(note);
        }
        for (Path file : result.written()) {
            getLog().info("Pulled the catalog of " + pulled.target() + " into " + file);
        }
        for (Path file : result.unchanged()) {
            getLog().info(file + " is up to date with " + pulled.target());
        }
        reportSandbox(pulled.sandboxRequests());
    }

    @Override
    String goalName() {
        return "pull";
    }
}
