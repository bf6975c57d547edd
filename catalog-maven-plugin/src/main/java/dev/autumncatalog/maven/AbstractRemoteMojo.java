package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.Decisions;
import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.AutumnDeadlineException;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushListener;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.engine.report.Outcome;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.engine.report.RunSummary;
import dev.autumncatalog.engine.text.Operation;
import dev.autumncatalog.engine.text.Words;
import java.io.File;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojoExecutionException;
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
     * Where the plan is written as JSON. Property {@code autumn.planFile}; default
     * <code>${project.build.directory}/autumn/plan.json</code>.
     */
    @Parameter(property = "autumn.planFile", defaultValue = "${project.build.directory}/autumn/plan.json")
    File planFile;

    /**
     * Where the summary of the run is written as JSON: its outcome ({@code in-sync}, {@code drift}, {@code
     * invalid-catalog}, {@code refused}, {@code network-error}, …), the message, and for a push what was applied, what
     * failed and what was not started; written however the goal ends. Property {@code autumn.summaryFile}; default
     *  <code>${project.build.directory}/autumn/summary.json</code>.
     */
    @Parameter(property = "autumn.summaryFile", defaultValue = "${project.build.directory}/autumn/summary.json")
    File summaryFile;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping autumn:" + goalName() + " (autumn.skip=true)");
            return;
        }
        long started = System.nanoTime();
        MavenFrontEnd words = frontEnd();
        PlanPrinter printer = new PlanPrinter(words);
        Ending ending;
        Exception failure = null;
        try {
            PlanRequest request = PlanRequest.of(catalogSource(), autumnTarget())
                    .decisions(decisions())
                    .planFile(planFile.toPath());
            ending = run(CatalogEngine.create(words, printer), request, words);
        } catch (MojoFailureException | MojoExecutionException e) {
            // Settings the goal checks itself: the message is already the user's.
            failure = e;
            ending = new Ending(Outcome.CONFIGURATION, e.getMessage(), null);
        } catch (RuntimeException e) {
            failure = e;
            Outcome outcome = Outcome.of(e);
            ending = new Ending(
                    outcome,
                    message(e, outcome, words, printer.retries(), elapsed(started)),
                    e instanceof PushFailedException ? ((PushFailedException) e).result() : null);
        }
        printer.ordered.flush();
        RunSummary summary = RunSummary.of(goalName(), ending.outcome())
                .message(ending.outcome().success() ? null : ending.message())
                .elapsed(elapsed(started))
                .plan(printer.plan)
                .target(printer.plan == null ? null : printer.plan.options().target())
                .result(ending.result());
        try {
            summary.write(summaryFile.toPath());
        } catch (UncheckedIOException e) {
            getLog().warn(e.getMessage());
        }
        if (!ending.outcome().success()) {
            AbstractMojoExecutionException thrown = buildFailure(ending);
            if (failure != null) {
                thrown.addSuppressed(failure);
            }
            if (thrown instanceof MojoFailureException) {
                throw (MojoFailureException) thrown;
            }
            throw (MojoExecutionException) thrown;
        }
    }

    /**
     * How a goal ended: its outcome, the message of a failure ({@code null} for a success), and what a push did.
     *
     * @param outcome the outcome, also written to the summary file
     * @param message what went wrong, without the outcome word; {@code null} for a success
     * @param result what a push applied, failed and did not start, or {@code null}
     */
    record Ending(Outcome outcome, String message, PushResult result) {
        static Ending of(Outcome outcome) {
            return new Ending(outcome, null, null);
        }
    }

    /** What the goal does: one call into the engine, what it prints of the answer, and how it ended. */
    abstract Ending run(CatalogEngine engine, PlanRequest request, MavenFrontEnd words)
            throws MojoExecutionException, MojoFailureException;

    /** The Maven words of this run, whose commands repeat its {@code -Dautumn.…} and {@code -pl} flags. */
    MavenFrontEnd frontEnd() {
        if (session == null || session.getRequest() == null) {
            return MavenFrontEnd.GOALS;
        }
        return MavenFrontEnd.GOALS.withFlags(
                session.getRequest().getSelectedProjects(), session.getRequest().getUserProperties());
    }

    /** The message of a failure the engine threw, in Maven's words. */
    private String message(RuntimeException e, Outcome outcome, MavenFrontEnd words, int retries, Duration waited) {
        if (e instanceof CatalogLoadException) {
            return loadFailure((CatalogLoadException) e).getMessage();
        }
        if (e instanceof InvalidCatalogException) {
            return invalid((InvalidCatalogException) e).getMessage();
        }
        if (e instanceof AutumnApiException) {
            StringBuilder text = new StringBuilder("Tried to read the catalog from Autumn but ")
                    .append(describe((AutumnApiException) e))
                    .append('.');
            if (outcome == Outcome.NETWORK_ERROR && !(e instanceof AutumnDeadlineException)) {
                // A deadline says how long it waited itself; other failures without an answer end after retries.
                text.append(" Gave up after ")
                        .append(seconds(waited))
                        .append(
                                retries == 0
                                        ? ""
                                        : " and " + Words.count(retries) + (retries == 1 ? " retry" : " retries"))
                        .append('.');
            }
            return text.append("\nRun '")
                    .append(words.command(operationOf(goalName())))
                    .append("' again once the cause is fixed.")
                    .toString();
        }
        return e.getMessage();
    }

    /**
     * The build failure of an ending: its message led by the outcome word, so the first {@code [ERROR]} line tells a
     * script what happened. The engine's exception is kept as a suppressed one, not as the cause: Maven appends every
     * cause's message to the one it prints, which printed each failure twice; with {@code -e} its stack still shows.
     */
    private static AbstractMojoExecutionException buildFailure(Ending ending) {
        String message = ConsoleText.forConsole(ending.outcome().word() + ": " + ending.message());
        return switch (ending.outcome()) {
            case DRIFT, INVALID_CATALOG, CATALOG_NOT_LOADED, REFUSED, STALE_PLAN, CONFIGURATION ->
                new MojoFailureException(message);
            default -> new MojoExecutionException(message);
        };
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code 6.4 s}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static Operation operationOf(String goal) {
        return Operation.valueOf(goal.toUpperCase(Locale.ROOT));
    }

    /** Prints the plan as soon as it is made (a push shows it before sending anything), then push progress. */
    private final class PlanPrinter extends MavenListener {
        // Changes of one level are sent in parallel and finish in any order; their lines are printed in plan order.
        private final InPlanOrder ordered = new InPlanOrder(line -> getLog().info(ConsoleText.forConsole(line)));
        private final PushListener progress = PushListener.printing(ordered);
        private final MavenFrontEnd words;
        private volatile Plan plan;

        PlanPrinter(MavenFrontEnd words) {
            this.words = words;
        }

        @Override
        public void planned(Plan plan) {
            this.plan = plan;
            for (String line : PlanRenderer.render(plan, words).split("\n", -1)) {
                getLog().info(ConsoleText.forConsole(line));
            }
        }

        @Override
        public void succeeded(Progress change) {
            synchronized (ordered) { // the number and its line together, whatever the other threads do
                ordered.next(change.number());
                progress.succeeded(change);
            }
        }

        @Override
        public void failed(Progress change, Throwable cause) {
            synchronized (ordered) { // the number and its line together, whatever the other threads do
                ordered.next(change.number());
                progress.failed(change, cause);
            }
        }

        @Override
        public void skipped(Progress change) {
            synchronized (ordered) { // the number and its line together, whatever the other threads do
                ordered.next(change.number());
                progress.skipped(change);
            }
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
