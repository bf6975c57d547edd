package dev.autumncatalog.maven;

import dev.autumncatalog.dsl.Catalog;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Loads the catalog class and validates it, failing the build with every problem and its path. Makes no request.
 *
 * <pre>
 * mvn compile autumn:validate
 * </pre>
 */
@Mojo(
        name = "validate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class ValidateMojo extends AbstractCatalogMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping autumn:validate (autumn.skip=true)");
            return;
        }
        Catalog catalog = loadValidCatalog();
        getLog().info("Catalog is valid: " + count(catalog.features().size(), "feature") + ", "
                + count(catalog.products().size(), "product") + ".");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    String goalName() {
        return "validate";
    }
}
