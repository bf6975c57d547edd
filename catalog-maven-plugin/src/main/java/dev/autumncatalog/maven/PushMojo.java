package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.PushCancelledException;
import dev.autumncatalog.engine.PushRequest;
import dev.autumncatalog.engine.Pushed;
import dev.autumncatalog.engine.push.Interaction;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushRefusedException;
import dev.autumncatalog.engine.text.Words;
import java.io.Console;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Makes Autumn match the catalog: prints the plan, then applies only what changed, each change once what it depends on is
 * there (a plan after the features it uses, a credit system after its metered features, removals after what used
 * them). Removals and new plan versions need an explicit choice ({@code -Dautumn.allowRemovals},
 * {@code -Dautumn.versionPolicy}) or a yes on the console. After a failure a re-run finishes the job.
 *
 * <pre>
 * mvn compile autumn:push
 * mvn compile autumn:push -Dautumn.target=local
 * </pre>
 */
@Mojo(name = "push", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PushMojo extends AbstractRemoteMojo {

    /**
     * How many independent changes are sent at once. Property {@code autumn.parallelism}; default 8.
     */
    @Parameter(property = "autumn.parallelism", defaultValue = "8")
    int parallelism;

    @Override
    void run(CatalogEngine engine, PlanRequest request) throws MojoExecutionException, MojoFailureException {
        Pushed pushed;
        try {
            pushed = engine.push(new PushRequest(request, parallelism, interaction()));
        } catch (PushRefusedException | PushCancelledException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (PushFailedException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!pushed.plan().isEmpty()) {
            getLog().info("Pushed " + Words.count(pushed.result().applied().size(), "change") + " to " + pushed.target()
                    + ".");
        }
        reportSandbox(pushed.sandboxRequests());
    }

    /** The console when Maven is interactive and a person is there; otherwise opt-ins come only from properties. */
    private Interaction interaction() {
        Console console = System.console();
        if (!session.getRequest().isInteractiveMode() || console == null) {
            return Interaction.BATCH;
        }
        return question -> {
            String answer = console.readLine("%s [y/N] ", question);
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        };
    }

    @Override
    String goalName() {
        return "push";
    }
}
