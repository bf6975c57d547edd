package dev.autumncatalog.engine.push;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogValidationException;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.plan.Blocker;
import dev.autumncatalog.engine.plan.LiveFacts;
import dev.autumncatalog.engine.plan.Lookups;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanBasis;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.Planner;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.text.FrontEnd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans and pushes a catalog through an {@link AutumnApi}: the plan, check and push operations of the engine's facade
 * come here once the catalog is loaded and the target open.
 *
 * <pre>{@code
 * try (AutumnApi api = ...) {
 *   CatalogSync sync = new CatalogSync(api);
 *   Plan plan = sync.plan(catalog, PlanOptions.defaults("acme", false).withAllowRemovals(true));
 *   log.info(PlanRenderer.render(plan));
 *   PlanJson.write(plan, target.resolve("autumn/plan.json"));
 *   PushResult result = sync.push(plan, PushOptions.batch().withListener(PushListener.printing(log::info)));
 * }
 * }</pre>
 *
 * <p>Requests: planning fetches the remote catalog (two list requests) and then asks only what the draft plan leaves
 * open ({@link Lookups}); an unchanged catalog costs exactly the two list requests. A push sends one request per
 * change.
 */
public final class CatalogSync {
    /** The most live questions in flight at once while planning (each is one read, paced by the client). */
    static final int LOOKUP_PARALLELISM = 16;

    private final AutumnApi api;
    private final FrontEnd frontEnd;
    private final Planner planner = new Planner();

    /** Plans and pushes through {@code api}; messages name settings with {@link FrontEnd#NEUTRAL} names. */
    public CatalogSync(AutumnApi api) {
        this(api, FrontEnd.NEUTRAL);
    }

    /** Plans and pushes through {@code api}; messages name settings and commands as {@code frontEnd} does. */
    public CatalogSync(AutumnApi api, FrontEnd frontEnd) {
        this.api = Objects.requireNonNull(api, "api");
        this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
    }

    /**
     * What a push of {@code desired} would change: fetch, plan, then live lookups for plans whose price, items or trial
     * change (would they version?) and for removals (delete or archive?).
     *
     * @throws CatalogValidationException when the catalog is invalid (nothing is requested then)
     * @throws AutumnApiException when Autumn cannot be read
     */
    public Plan plan(Catalog desired, PlanOptions options) {
        return planWithBasis(desired, options).plan();
    }

    /**
     * As {@link #plan}, with what the plan was made from ({@link PlanBasis}), for a plan that is saved to be applied
     * later.
     */
    public Planning planWithBasis(Catalog desired, PlanOptions options) {
        desired.requireValid();
        // The fingerprints are CPU work that needs no answer (the catalog's) or no plan (Autumn's): a second thread
        // takes them while this one waits for the lists and plans.
        CompletableFuture<String> catalogPrint =
                Background.supply("autumn-plan-basis", () -> PlanBasis.fingerprint(desired));
        RemoteCatalog remote = api.fetchCatalog();
        CompletableFuture<String> autumnPrint =
                Background.supply("autumn-plan-basis", () -> PlanBasis.fingerprint(remote));
        Plan draft = planner.plan(desired, remote, options);
        Lookups lookups = Lookups.of(draft);
        LiveFacts facts = lookups.isEmpty() ? LiveFacts.NONE : ask(lookups);
        Plan plan = lookups.isEmpty() ? draft : planner.plan(desired, remote, options, facts);
        return new Planning(plan, PlanBasis.of(Background.join(catalogPrint), Background.join(autumnPrint), facts));
    }

    /**
     * A plan and what it was made from.
     *
     * @param plan the plan
     * @param basis fingerprints of the catalog, Autumn's catalog and the live facts it was made from
     */
    public record Planning(Plan plan, PlanBasis basis) {
        /** Both are required. */
        public Planning {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(basis, "basis");
        }
    }

    /**
     * Applies {@code plan}. Decisions its options leave open are asked through the interaction when it is interactive;
     * what is still open then refuses the push before anything is sent.
     *
     * @return what was applied; empty for an empty plan
     * @throws PushRefusedException when a decision is missing; nothing was changed
     * @throws PushFailedException when a change failed; it says what was applied and what was not
     */
    public PushResult push(Plan plan, PushOptions options) {
        Plan decided = decide(plan, options.interaction());
        List<Blocker> blockers = decided.blockers();
        if (!blockers.isEmpty()) {
            throw new PushRefusedException(blockers, frontEnd);
        }
        PushResult result = new PushExecutor(api, options.parallelism()).execute(decided, options.listener());
        if (!result.succeeded()) {
            throw new PushFailedException(result, frontEnd);
        }
        return result;
    }

    private LiveFacts ask(Lookups lookups) {
        // The questions are independent reads, so they all go out at once (up to LOOKUP_PARALLELISM; the client's rate
        // limiter still paces them): ten changed plans cost one round trip, not three. Answers are collected in plan
        // order, so the plan does not depend on timing.
        int total = lookups.planCustomers().size()
                + lookups.planHasCustomers().size()
                + lookups.featureUsage().size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(LOOKUP_PARALLELISM, total), task -> {
            Thread thread = new Thread(task, "autumn-plan-lookup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<PlanCustomers>> customers = new LinkedHashMap<>();
            for (Product product : lookups.planCustomers()) {
                customers.put(product.id(), pool.submit(() -> api.planCustomers(product)));
            }
            Map<String, Future<Boolean>> hasCustomers = new LinkedHashMap<>();
            for (String id : lookups.planHasCustomers()) {
                hasCustomers.put(id, pool.submit(() -> api.planHasCustomers(id)));
            }
            Map<String, Future<FeatureUsage>> usage = new LinkedHashMap<>();
            for (String id : lookups.featureUsage()) {
                usage.put(id, pool.submit(() -> api.featureUsage(id)));
            }
            return new LiveFacts(answers(customers), answers(hasCustomers), answers(usage));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answers in submission order; the first failure is rethrown as it was thrown. */
    private static <T> Map<String, T> answers(Map<String, Future<T>> futures) {
        Map<String, T> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Future<T>> entry : futures.entrySet()) {
            try {
                answers.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                Background.throwIfUnchecked(e.getCause());
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while asking Autumn about " + entry.getKey(), e);
            }
        }
        return answers;
    }

    /** Create a new version, or change the current one in place; asks the second only when the first is declined. */
    private static PlanOptions versionPolicy(Interaction interaction, String subjects, PlanOptions options) {
        if (interaction.confirm("Create a new version of " + subjects
                + " for new customers (existing customers keep their version)?")) {
            return options.withVersionPolicy(VersionPolicy.CREATE_VERSION);
        }
        if (interaction.confirm("Change the current version of " + subjects
                + " in place instead (existing customers get the change too)?")) {
            return options.withVersionPolicy(VersionPolicy.UPDATE_IN_PLACE);
        }
        return options;
    }

    /** Asks, one question per kind of decision, what the options leave open. */
    private static Plan decide(Plan plan, Interaction interaction) {
        if (!interaction.interactive()) {
            return plan;
        }
        PlanOptions options = plan.options();
        for (Blocker blocker : plan.blockers()) {
            String subjects = String.join(", ", blocker.subjects());
            options = switch (blocker.kind()) {
                case REMOVALS ->
                    interaction.confirm("Remove from Autumn what the catalog no longer has (" + subjects + ")?")
                            ? options.withAllowRemovals(true)
                            : options;
                case DROPS ->
                    interaction.confirm(
                                    "Drop what the DSL cannot express from " + subjects + " (listed under 'drops')?")
                            ? options.withDropUnsupported(true)
                            : options;
                case VERSIONS -> versionPolicy(interaction, subjects, options);
                case UNDECIDED -> options; // not something a person can answer: plan again with live lookups
            };
        }
        return plan.withOptions(options);
    }
}
