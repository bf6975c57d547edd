package dev.autumncatalog.maven;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.AutumnTarget;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.report.PlanJson;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.sandbox.SandboxStateException;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of the goals that plan the catalog against Autumn (plan, push, check): plan options, the plan file, and the one
 * place where engine failures of planning become build failures. Where to and with which key: {@link
 * AbstractAutumnMojo}.
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
        Catalog catalog = loadValidCatalog();
        try (AutumnTarget autumn = openTarget()) {
            CatalogSync sync = new CatalogSync(autumn.api(), MavenFrontEnd.GOALS);
            Plan plan = sync.plan(catalog, options(autumn));
            writePlan(plan);
            run(sync, plan, autumn);
            autumn.sandbox()
                    .ifPresent(sandbox -> getLog().info("The local sandbox (a test double, not Autumn) served "
                            + sandbox.requestCount() + " request" + (sandbox.requestCount() == 1 ? "" : "s") + "."));
        } catch (AutumnApiException e) {
            throw new MojoExecutionException(
                    "Tried to read the catalog from Autumn but " + describe(e) + "\nRun 'mvn autumn:" + goalName()
                            + "' again once the cause is fixed.",
                    e);
        } catch (SandboxStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** What the goal does with the plan. */
    abstract void run(CatalogSync sync, Plan plan, AutumnTarget autumn)
            throws MojoExecutionException, MojoFailureException;

    /** Prints the plan, one log line per line. */
    void print(Plan plan) {
        for (String line : PlanRenderer.render(plan, MavenFrontEnd.GOALS).split("\n", -1)) {
            getLog().info(line);
        }
    }

    private void writePlan(Plan plan) throws MojoExecutionException {
        try {
            PlanJson.write(plan, planFile.toPath(), MavenFrontEnd.GOALS);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Could not write the plan to " + planFile + ": " + e.getMessage(), e);
        }
    }

    private PlanOptions options(AutumnTarget autumn) throws MojoFailureException {
        VersionPolicy policy;
        try {
            policy = VersionPolicy.parse(versionPolicy);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        return PlanOptions.defaults(autumn.description(), autumn.live())
                .withAllowRemovals(allowRemovals)
                .withVersionPolicy(policy)
                .withDropUnsupported(dropUnsupported);
    }
}
