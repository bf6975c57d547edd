package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.PlanRequest;
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
    void run(CatalogEngine engine, PlanRequest request) {
        reportSandbox(engine.plan(request).sandboxRequests());
    }

    @Override
    String goalName() {
        return "plan";
    }
}
