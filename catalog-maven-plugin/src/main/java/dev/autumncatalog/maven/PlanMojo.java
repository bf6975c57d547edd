package dev.autumncatalog.maven;

import dev.autumncatalog.engine.AutumnTarget;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.CatalogSync;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows what {@code autumn:push} would change, field by field, and writes it to {@code target/autumn/plan.json}.
 * Changes nothing: two list requests, plus a question per changed plan or removal when needed.
 *
 * <pre>
 * mvn compile autumn:plan
 * mvn compile autumn:plan -Dautumn.target=local
 * </pre>
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PlanMojo extends AbstractRemoteMojo {

    @Override
    void run(CatalogSync sync, Plan plan, AutumnTarget autumn) {
        print(plan);
    }

    @Override
    String goalName() {
        return "plan";
    }
}
