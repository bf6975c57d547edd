package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.Planned;
import dev.autumncatalog.engine.text.Words;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when Autumn differs from the catalog: a drift gate for CI. Prints the plan and the command that
 * fixes it. Changes nothing.
 *
 * <pre>
 * mvn compile autumn:check
 * </pre>
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractRemoteMojo {
    static final String FIX = "Run 'mvn autumn:push' to apply.";

    @Override
    void run(CatalogEngine engine, PlanRequest request) throws MojoFailureException {
        Planned planned = engine.check(request);
        if (!planned.inSync()) {
            getLog().error("Autumn differs from the catalog. " + FIX);
            throw new MojoFailureException("Autumn (" + planned.target() + ") differs from the catalog: "
                    + Words.count(planned.plan().changes().size(), "change") + " pending. " + FIX);
        }
        reportSandbox(planned.sandboxRequests());
    }

    @Override
    String goalName() {
        return "check";
    }
}
