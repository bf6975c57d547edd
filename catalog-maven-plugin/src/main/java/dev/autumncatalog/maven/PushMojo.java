package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.PushRequest;
import dev.autumncatalog.engine.Pushed;
import dev.autumncatalog.engine.push.Interaction;
import dev.autumncatalog.engine.report.Outcome;
import dev.autumncatalog.engine.text.Words;
import java.io.Console;
import java.io.File;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Makes Autumn match the catalog: prints the plan, then applies only what changed, each change once what it depends on is
 * there (a plan after the features it uses, a credit system after its metered features, removals after what used
 * them). Removals and new plan versions need an explicit choice ({@code -Dautumn.allowRemovals},
 * {@code -Dautumn.versionPolicy}) or a yes on the console. After a failure a re-run finishes the job.
 *
 * <p>For example: {@code mvn compile autumn:push}, or {@code mvn compile autumn:push -Dautumn.target=local} to the
 * local sandbox, or {@code mvn compile autumn:push -Dautumn.applyPlan=target/autumn/plan.json} to apply exactly a plan
 * saved by {@code autumn:plan}.
 */
@Mojo(name = "push", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PushMojo extends AbstractRemoteMojo {

    /**
     * How many independent changes are sent at once. Property {@code autumn.parallelism}; default 8.
     */
    @Parameter(property = "autumn.parallelism", defaultValue = "8")
    int parallelism;

    /**
     * A plan saved by {@code autumn:plan} to apply exactly: the push plans again with the saved plan's decisions and
     * applies only if the new plan is the saved one, made from the same catalog, the same Autumn catalog and the same
     * customers; otherwise it refuses, saying what changed, and changes nothing. Property {@code autumn.applyPlan}; no
     * default (apply whatever the plan made now says).
     */
    @Parameter(property = "autumn.applyPlan")
    File applyPlan;

    @Override
    Ending run(CatalogEngine engine, PlanRequest request, MavenFrontEnd words) {
        PushRequest push = new PushRequest(request, parallelism, interaction());
        if (applyPlan != null) {
            getLog().info("Applying the saved plan " + applyPlan + " exactly as reviewed (its decisions; refused if"
                    + " anything changed since).");
            push = push.savedPlan(applyPlan.toPath());
        }
        Pushed pushed = engine.push(push);
        if (!pushed.plan().isEmpty()) {
            getLog().info("Pushed " + Words.count(pushed.result().applied().size(), "change") + " to " + pushed.target()
                    + ".");
        }
        reportSandbox(pushed.sandboxRequests());
        return new Ending(pushed.plan().isEmpty() ? Outcome.IN_SYNC : Outcome.APPLIED, null, pushed.result());
    }

    /** The console when Maven is interactive and a person is there; otherwise opt-ins come only from properties. */
    private Interaction interaction() {
        Console console = System.console();
        boolean interactive = session != null && session.getRequest().isInteractiveMode() && console != null;
        return interaction(interactive, question -> console.readLine("%s [y/N] ", question));
    }

    /**
     * Questions answered by a person through {@code readLine} when the build is interactive: only an answer starting
     * with y is a yes (README: a live push asks for confirmation). {@link Interaction#BATCH} otherwise.
     */
    static Interaction interaction(boolean interactive, UnaryOperator<String> readLine) {
        if (!interactive) {
            return Interaction.BATCH;
        }
        return question -> {
            String answer = readLine.apply(question);
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        };
    }

    @Override
    String goalName() {
        return "push";
    }
}
