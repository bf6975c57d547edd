package dev.autumncatalog.sandbox;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the sandbox knows (catalog, customers, locks) with the handlers that answer for it, and the one rule of
 * access: requests and test controls are applied one at a time, each as a transaction on the state file when there is
 * one (locked, re-read if another sandbox wrote it since, written before the lock is let go).
 */
final class SandboxState implements AutoCloseable {
    final SandboxClock clock;
    final CatalogState catalog;
    final CustomerState customers;
    final Router router;
    private final StateFile stateFile;
    private final Object lock = new Object();
    /** The state file generation this sandbox's memory reflects; -1 before the first read. */
    private long generation = -1;

    SandboxState(
            SandboxClock clock,
            Supplier<String> ids,
            StateFile stateFile,
            List<String> secretKeys,
            RateLimiter rateLimiter) {
        this.clock = clock;
        this.stateFile = stateFile;
        this.catalog = new CatalogState(clock::millis, ids);
        this.customers = new CustomerState(catalog);
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
        this.router = new Router(routes, secretKeys, idempotency, clock, rateLimiter);
        try {
            run(() -> {}); // reads the state file now, so an unreadable one fails the start
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Router.Response handle(Router.Request request) {
        return apply(() -> router.handle(request));
    }

    /** Runs {@code work} alone against the state and persists what it changed. */
    <T> T apply(Supplier<T> work) {
        synchronized (lock) {
            if (stateFile == null) {
                try {
                    return work.get();
                } finally {
                    catalog.takeDirty();
                }
            }
            try (StateFile.Transaction transaction = stateFile.begin()) {
                long stored = transaction.generation();
                if (stored != generation) {
                    StateFile.Snapshot snapshot = transaction.read();
                    if (snapshot != null) {
                        snapshot.restore(catalog, customers);
                    } else {
                        catalog.clear();
                        customers.clear();
                    }
                    catalog.takeDirty();
                    generation = stored;
                }
                try {
                    return work.get();
                } finally {
                    if (catalog.takeDirty()) {
                        generation = transaction.write(StateFile.toJson(StateFile.Snapshot.of(catalog, customers)));
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (stateFile != null) {
            stateFile.close();
        }
    }

    void run(Runnable work) {
        apply(() -> {
            work.run();
            return null;
        });
    }
}
