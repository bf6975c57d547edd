package dev.autumncatalog.maven;

import dev.autumncatalog.engine.AutumnTarget;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.CatalogSync;
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
    void run(CatalogSync sync, Plan plan, AutumnTarget autumn) throws MojoFailureException {
        print(plan);
        if (plan.isEmpty()) {
            return;
        }
        getLog().error("Autumn differs from the catalog. " + FIX);
        throw new MojoFailureException("Autumn (" + autumn.description() + ") differs from the catalog: "
                + plan.changes().size() + " change" + (plan.changes().size() == 1 ? "" : "s") + " pending. " + FIX);
    }

    @Override
    String goalName() {
        return "check";
    }
}
