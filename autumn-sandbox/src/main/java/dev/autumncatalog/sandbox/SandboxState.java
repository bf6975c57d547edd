package dev.autumncatalog.sandbox;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the sandbox knows (catalog, customers, locks) with the handlers that answer for it, and the one rule of
 * access: requests and test controls are applied one at a time, and a change is written to the state file before the
 * next one starts.
 */
final class SandboxState {
    final SandboxClock clock;
    final CatalogState catalog;
    final CustomerState customers;
    final Router router;
    private final StateFile stateFile;
    private final Object lock = new Object();

    SandboxState(SandboxClock clock, Supplier<String> ids, StateFile stateFile, List<String> secretKeys) {
        this.clock = clock;
        this.stateFile = stateFile;
        this.catalog = new CatalogState(clock::millis, ids);
        this.customers = new CustomerState(catalog);
        if (stateFile != null) {
            StateFile.Snapshot snapshot = stateFile.read();
            if (snapshot != null) {
                snapshot.restore(catalog, customers);
            }
        }
        BalanceView view = new BalanceView(catalog);
        Deduction deduction = new Deduction(catalog, view);
        IdempotencyKeys idempotency = new IdempotencyKeys();
        TrackHandlers track = new TrackHandlers(catalog, customers, view, deduction, idempotency);
        PlanRules rules = new PlanRules(catalog);
        Routes routes = new Routes(new Routes.Handlers(
                new FeatureHandlers(catalog, customers::featureUsed),
                new PlanHandlers(catalog, rules, customers),
                new PlanUpdate(catalog, rules, customers),
                new CustomerHandlers(catalog, customers, view, deduction),
                new CheckHandlers(catalog, customers, view, deduction, track),
                track,
                new GrantHandlers(catalog, customers, view)));
        this.router = new Router(routes, secretKeys, idempotency, clock);
    }

    Router.Response handle(Router.Request request) {
        return apply(() -> router.handle(request));
    }

    /** Runs {@code work} alone against the state and persists what it changed. */
    <T> T apply(Supplier<T> work) {
        synchronized (lock) {
            try {
                return work.get();
            } finally {
                if (catalog.takeDirty() && stateFile != null) {
                    stateFile.write(StateFile.toJson(StateFile.Snapshot.of(catalog, customers)));
                }
            }
        }
    }

    void run(Runnable work) {
        apply(() -> {
            work.run();
            return null;
        });
    }
}
