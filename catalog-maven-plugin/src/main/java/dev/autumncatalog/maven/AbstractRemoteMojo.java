package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.Decisions;
import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.push.PushListener;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.sandbox.SandboxStateException;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of the goals that plan the catalog against Autumn (plan, push, check): plan decisions, the plan file, the
 * printing of the plan and of push progress, and the one place where engine failures become build failures. Where to
 * and with which key: {@link AbstractAutumnMojo}.
 */
abstract class AbstractRemoteMojo extends AbstractAutumnMojo {
    /**
     * Allows archiving or deleting what Autumn has and the catalog no longer does. Property {@code
     * autumn.allowRemovals}; default {@code false}.
     */
    @Parameter(property = MavenFrontEnd.ALLOW_REMOVALS, defaultValue = "false")
    boolean allowRemovals;

    /**
     * What to do when an update would create a new version of a plan that has customers: {@code fail}, {@code
     * create-version} or {@code update-in-place}. Property {@code autumn.versionPolicy}; default {@code fail}.
     */
    @Parameter(property = MavenFrontEnd.VERSION_POLICY, defaultValue = "fail")
    String versionPolicy;

    /**
     * Allows an update to replace remote content the DSL cannot express (listed under "drops" in the plan). Property
     * {@code autumn.dropUnsupported}; default {@code false}.
     */
    @Parameter(property = MavenFrontEnd.DROP_UNSUPPORTED, defaultValue = "false")
    boolean dropUnsupported;

    /**
     * Where the plan is written as JSON. Property {@code autumn.planFile}; default {@code
     * ${project.build.directory}/autumn/plan.json}.
     */
    @Parameter(property = "autumn.planFile", defaultValue = "${project.build.directory}/autumn/plan.json")
    File planFile;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping autumn:" + goalName() + " (autumn.skip=true)");
            return;
        }
        PlanRequest request = PlanRequest.of(catalogSource(), autumnTarget())
                .decisions(decisions())
                .planFile(planFile.toPath());
        CatalogEngine engine = CatalogEngine.create(MavenFrontEnd.GOALS, new PlanPrinter());
        try {
            run(engine, request);
        } catch (CatalogLoadException e) {
            throw loadFailure(e);
        } catch (InvalidCatalogException e) {
            throw invalid(e);
        } catch (AutumnApiException e) {
            throw readFailure(e);
        } catch (SandboxStateException | SettingsDecryptionFailure | UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** What the goal does: one call into the engine, and what it prints of the answer. */
    abstract void run(CatalogEngine engine, PlanRequest request) throws MojoExecutionException, MojoFailureException;

    /** Prints the plan as soon as it is made (a push shows it before sending anything), then push progress. */
    private final class PlanPrinter extends MavenListener {
        private final PushListener progress = PushListener.printing(line -> getLog().info(line));

        @Override
        public void planned(Plan plan) {
            for (String line : PlanRenderer.render(plan, MavenFrontEnd.GOALS).split("\n", -1)) {
                getLog().info(line);
            }
        }

        @Override
        public void succeeded(Progress change) {
            progress.succeeded(change);
        }

        @Override
        public void failed(Progress change, Throwable cause) {
            progress.failed(change, cause);
        }

        @Override
        public void skipped(Progress change) {
            progress.skipped(change);
        }
    }

    private Decisions decisions() throws MojoFailureException {
        try {
            return Decisions.SAFE
                    .allowRemovals(allowRemovals)
                    .versionPolicy(VersionPolicy.parse(versionPolicy))
                    .dropUnsupported(dropUnsupported);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
