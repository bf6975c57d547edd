package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.VersionChoice;
import dev.autumncatalog.engine.plan.Blocker;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.Level;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.Removal;
import dev.autumncatalog.engine.plan.Versioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a plan to Autumn, level by level ({@link Level}): the changes of one level run concurrently, at most {@code
 * parallelism} at once, and a level starts only when the one before it has finished. When a change fails, the changes
 * already in flight finish, nothing else starts, and the {@link PushResult} says what was applied and what was not.
 *
 * <p>The {@link AutumnApi} must be safe for concurrent use.
 */
public final class PushExecutor {
    private final AutumnApi api;
    private final int parallelism;

    /**
     * @param api where to apply the plan
     * @param parallelism the most changes in flight at once, ≥ 1
     */
    public PushExecutor(AutumnApi api, int parallelism) {
        this.api = Objects.requireNonNull(api, "api");
        if (parallelism < 1) {
            throw new IllegalArgumentException("push parallelism must be ≥ 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Applies {@code plan}. Autumn's refusals do not throw: they are in the result.
     *
     * @throws PushRefusedException when the plan has {@link Plan#blockers()}; nothing is sent then
     */
    public PushResult execute(Plan plan, PushListener listener) {
        List<Blocker> blockers = plan.blockers();
        if (!blockers.isEmpty()) {
            throw new PushRefusedException(blockers);
        }
        if (plan.isEmpty()) {
            return PushResult.EMPTY;
        }
        PushListener events = serialised(Objects.requireNonNull(listener, "listener"));
        List<Change> changes = plan.changes();
        int total = changes.size();
        Outcome[] outcomes = new Outcome[total];
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads());
        try {
            for (Level level : Level.values()) {
                AtomicBoolean stop = new AtomicBoolean();
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    if (changes.get(i).level() == level) {
                        int index = i;
                        PushListener.Progress progress = new PushListener.Progress(index + 1, total, changes.get(i));
                        running.add(pool.submit(() -> outcomes[index] = run(plan, progress, stop, events)));
                    }
                }
                if (!await(running, stop)) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Change> applied = new ArrayList<>();
        List<PushResult.Failure> failures = new ArrayList<>();
        List<Change> notApplied = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Outcome outcome = outcomes[i];
            if (outcome != null && outcome.failure == null) {
                applied.add(changes.get(i));
            } else if (outcome != null) {
                failures.add(outcome.failure);
            } else {
                notApplied.add(changes.get(i));
                events.skipped(new PushListener.Progress(i + 1, total, changes.get(i)));
            }
        }
        return new PushResult(applied, failures, notApplied);
    }

    /** Waits for a level; {@code false} when a change failed (or the wait was interrupted). */
    private static boolean await(List<Future<?>> running, AtomicBoolean stop) {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                // run() catches RuntimeExceptions; what reaches here is an Error, which must not be swallowed.
                stop.set(true);
                Throwable cause = e.getCause();
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
        }
        return !stop.get();
    }

    /** A finished change: {@code failure} is {@code null} when it was applied. Not started changes have none. */
    private static final class Outcome {
        final PushResult.Failure failure;

        Outcome(PushResult.Failure failure) {
            this.failure = failure;
        }
    }

    private Outcome run(Plan plan, PushListener.Progress progress, AtomicBoolean stop, PushListener events) {
        if (stop.get()) {
            return null; // an earlier change of this level failed: do not start more
        }
        Change change = progress.change();
        String step = step(plan, change);
        events.started(progress);
        try {
            apply(plan, change);
        } catch (RuntimeException e) {
            stop.set(true);
            events.failed(progress, e);
            return new Outcome(new PushResult.Failure(change, step, e));
        }
        events.succeeded(progress);
        return new Outcome(null);
    }

    /** What is attempted, for failure reports: {@code update plan 'pro' (creates version 3)}. */
    static String step(Plan plan, Change change) {
        String what = change.entity().word() + " '" + change.id() + "'";
        String version = versionNote(plan, change);
        return change.accept(new Change.Visitor<String>() {
            @Override
            public String createFeature(Change.CreateFeature change) {
                return "create " + what;
            }

            @Override
            public String updateFeature(Change.UpdateFeature change) {
                return "update " + what;
            }

            @Override
            public String unarchiveFeature(Change.UnarchiveFeature change) {
                return (change.flagOnly() ? "un-archive " : "un-archive and update ") + what;
            }

            @Override
            public String removeFeature(Change.RemoveFeature change) {
                return decision(change).word() + " " + what;
            }

            @Override
            public String createPlan(Change.CreatePlan change) {
                return "create " + what;
            }

            @Override
            public String updatePlan(Change.UpdatePlan change) {
                return "update " + what + version;
            }

            @Override
            public String unarchivePlan(Change.UnarchivePlan change) {
                return (change.flagOnly() ? "un-archive " : "un-archive and update ") + what + version;
            }

            @Override
            public String removePlan(Change.RemovePlan change) {
                return decision(change).word() + " " + what;
            }
        });
    }

    private static String versionNote(Plan plan, Change change) {
        Versioning versioning = Plan.versioning(change);
        if (versioning == null || !versioning.willVersion()) {
            return "";
        }
        return plan.versionChoice(change) == VersionChoice.UPDATE_IN_PLACE
                ? " in place (version " + versioning.currentVersion() + ")"
                : " (creates version " + versioning.nextVersion() + ")";
    }

    /** The request each kind of change sends; one per change. */
    private void apply(Plan plan, Change change) {
        change.accept(new Change.Visitor<Void>() {
            @Override
            public Void createFeature(Change.CreateFeature change) {
                api.createFeature(change.feature());
                if (change.feature().isArchived()) {
                    // features.create takes no archived flag: a second request archives it.
                    api.archiveFeature(change.id(), true);
                }
                return null;
            }

            @Override
            public Void updateFeature(Change.UpdateFeature change) {
                if (change.flagOnly()) {
                    api.archiveFeature(change.id(), change.after().isArchived());
                } else {
                    // archived as the catalog says: an update with false would un-archive (audit F-archive-engine)
                    api.updateFeature(change.after(), change.after().isArchived());
                }
                return null;
            }

            @Override
            public Void unarchiveFeature(Change.UnarchiveFeature change) {
                if (change.flagOnly()) {
                    api.archiveFeature(change.id(), false);
                } else {
                    api.updateFeature(change.after(), false);
                }
                return null;
            }

            @Override
            public Void removeFeature(Change.RemoveFeature change) {
                if (decision(change) == Removal.Decision.DELETE) {
                    api.deleteFeature(change.id());
                } else {
                    api.archiveFeature(change.id(), true);
                }
                return null;
            }

            @Override
            public Void createPlan(Change.CreatePlan change) {
                api.createPlan(change.product());
                if (change.product().isArchived()) {
                    // plans.create takes no archived flag: a second request archives it.
                    api.archivePlan(change.id(), true);
                }
                return null;
            }

            @Override
            public Void updatePlan(Change.UpdatePlan change) {
                if (change.flagOnly()) {
                    api.archivePlan(change.id(), change.after().isArchived());
                } else {
                    // archived as the catalog says: plans.update without true un-archives (audit R6c)
                    api.updatePlan(change.after(), change.after().isArchived(), plan.versionChoice(change));
                }
                return null;
            }

            @Override
            public Void unarchivePlan(Change.UnarchivePlan change) {
                if (change.flagOnly()) {
                    api.archivePlan(change.id(), false);
                } else {
                    api.updatePlan(change.after(), false, plan.versionChoice(change));
                }
                return null;
            }

            @Override
            public Void removePlan(Change.RemovePlan change) {
                if (decision(change) == Removal.Decision.DELETE) {
                    api.deletePlan(change.id());
                } else {
                    api.archivePlan(change.id(), true);
                }
                return null;
            }
        });
    }

    private static Removal.Decision decision(Change change) {
        Removal.Decision decision = Plan.removal(change).decision();
        if (decision == Removal.Decision.UNDECIDED) {
            // Plan.blockers() stops these before anything is sent; this guards against a future change to that.
            throw new IllegalStateException("removal of " + change.headline() + " was not decided");
        }
        return decision;
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "autumn-push-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Listener calls one at a time, so listeners need no locking. */
    private static PushListener serialised(PushListener listener) {
        Object lock = new Object();
        return new PushListener() {
            @Override
            public void started(Progress progress) {
                synchronized (lock) {
                    listener.started(progress);
                }
            }

            @Override
            public void succeeded(Progress progress) {
                synchronized (lock) {
                    listener.succeeded(progress);
                }
            }

            @Override
            public void failed(Progress progress, Throwable cause) {
                synchronized (lock) {
                    listener.failed(progress, cause);
                }
            }

            @Override
            public void skipped(Progress progress) {
                synchronized (lock) {
                    listener.skipped(progress);
                }
            }
        };
    }
}
