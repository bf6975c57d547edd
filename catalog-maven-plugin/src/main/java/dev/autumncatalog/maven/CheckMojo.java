package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.Planned;
import dev.autumncatalog.engine.report.Outcome;
import dev.autumncatalog.engine.text.Operation;
import dev.autumncatalog.engine.text.Words;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when Autumn differs from the catalog: a drift gate for CI. Prints the plan and the command that
 * fixes it. Changes nothing.
 *
 * <p>For example: {@code mvn compile autumn:check}, or {@code mvn compile autumn:check -Dautumn.target=local}
 * against the local sandbox. The first word of the failure ({@code drift:}) and {@code target/autumn/summary.json}
 * tell a script a drift from other failures.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractRemoteMojo {
    @Override
    Ending run(CatalogEngine engine, PlanRequest request, MavenFrontEnd words) {
        Planned planned = engine.check(request);
        reportSandbox(planned.sandboxRequests());
        if (!planned.inSync()) {
            return new Ending(
                    Outcome.DRIFT,
                    "Autumn (" + planned.target() + ") differs from the catalog: "
                            + Words.count(planned.plan().changes().size(), "change") + " pending. Run '"
                            + words.command(Operation.PUSH) + "' to apply.",
                    null);
        }
        return Ending.of(Outcome.IN_SYNC);
    }

    @Override
    String goalName() {
        return "check";
    }
}
