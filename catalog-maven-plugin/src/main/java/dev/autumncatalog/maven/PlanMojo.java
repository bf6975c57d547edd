package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.Planned;
import dev.autumncatalog.engine.report.Outcome;
import dev.autumncatalog.engine.text.Operation;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows what {@code autumn:push} would change, field by field, and writes it to {@code target/autumn/plan.json}.
 * Changes nothing: two list requests, plus a question per changed plan or removal when needed.
 *
 * <p>For example: {@code mvn compile autumn:plan}, or {@code mvn compile autumn:plan -Dautumn.target=local} against
 * the local sandbox. To apply exactly the plan it wrote, refused if anything changed since: {@code mvn compile
 * autumn:push -Dautumn.applyPlan=target/autumn/plan.json}.
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PlanMojo extends AbstractRemoteMojo {

    @Override
    Ending run(CatalogEngine engine, PlanRequest request, MavenFrontEnd words) {
        Planned planned = engine.plan(request);
        reportSandbox(planned.sandboxRequests());
        getLog().info("Plan written to " + planFile + "; apply exactly this plan with '" + words.command(Operation.PUSH)
                + " -Dautumn.applyPlan=" + planFile + "'.");
        return Ending.of(planned.inSync() ? Outcome.IN_SYNC : Outcome.CHANGES);
    }

    @Override
    String goalName() {
        return "plan";
    }
}
