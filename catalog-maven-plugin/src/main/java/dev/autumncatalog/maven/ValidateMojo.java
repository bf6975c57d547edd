package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.Validated;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.text.Words;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Loads the catalog class and validates it, failing the build with every problem and its path. Makes no request.
 *
 * <p>For example: {@code mvn compile autumn:validate}.
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
        Validated valid;
        try {
            valid = CatalogEngine.create(MavenFrontEnd.GOALS, EngineListener.NONE)
                    .validate(catalogSource());
        } catch (CatalogLoadException e) {
            throw loadFailure(e);
        } catch (InvalidCatalogException e) {
            throw invalid(e);
        }
        getLog().info("Catalog is valid: "
                + Words.count(valid.catalog().features().size(), "feature") + ", "
                + Words.count(valid.catalog().products().size(), "product") + ".");
    }

    @Override
    String goalName() {
        return "validate";
    }
}
