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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a plan to Autumn in the {@link Level} order, narrowed to real dependencies ({@link PushOrder}): a change starts
 * as soon as the changes of earlier levels that touch the same features or plan group have finished (a plan once the
 * features it uses exist, a credit system once its metered features do, a feature removal once the plans that used it
 * are updated or removed), at most {@code parallelism} at once. When a change fails, the changes already in flight
 * finish, nothing else starts, and the {@link PushResult} says what was applied and what was not.
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
        Throwable[] escaped = new Throwable[total];
        List<List<Integer>> prerequisites = PushOrder.prerequisites(changes);
        int[] waitingFor = new int[total];
        List<List<Integer>> dependents = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < total; i++) {
            waitingFor[i] = prerequisites.get(i).size();
            for (int j : prerequisites.get(i)) {
                dependents.get(j).add(i);
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        // Ready changes start in level order, then plan order: with one thread the push runs exactly in plan order, and
        // with more, what unblocks the most (features) goes first.
        PriorityQueue<Integer> ready = new PriorityQueue<>(
                Comparator.comparing((Integer i) -> changes.get(i).level()).thenComparing(i -> i));
        for (int i = 0; i < total; i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads());
        try {
            int inFlight = 0;
            while (true) {
                while (!stop.get() && inFlight < parallelism && !ready.isEmpty()) {
                    submit(pool, plan, ready.poll(), changes, outcomes, escaped, stop, events, finished);
                    inFlight++;
                }
                if (inFlight == 0) {
                    break;
                }
                int index;
                try {
                    index = finished.take();
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    break;
                }
                inFlight--;
                Throwable error = escaped[index];
                if (error != null) {
                    // run() catches RuntimeExceptions; what reaches here is an Error, which must not be swallowed.
                    stop.set(true);
                    if (error instanceof Error) {
                        throw (Error) error;
                    }
                    throw new IllegalStateException(error);
                }
                Outcome outcome = outcomes[index];
                if (outcome == null || outcome.failure != null) {
                    stop.set(true); // failed: let what is in flight finish, start nothing more
                    continue;
                }
                for (int next : dependents.get(index)) {
                    if (--waitingFor[next] == 0) {
                        ready.add(next);
                    }
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

    /** Runs change {@code index} on the pool; its index goes to {@code finished} when it is over, however it ends. */
    private void submit(
            ExecutorService pool,
            Plan plan,
            int index,
            List<Change> changes,
            Outcome[] outcomes,
            Throwable[] escaped,
            AtomicBoolean stop,
            PushListener events,
            BlockingQueue<Integer> finished) {
        PushListener.Progress progress = new PushListener.Progress(index + 1, changes.size(), changes.get(index));
        pool.execute(() -> {
            try {
                outcomes[index] = run(plan, progress, stop, events);
            } catch (Throwable e) {
                escaped[index] = e;
            } finally {
                finished.add(index);
            }
        });
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
            return null; // another change failed as this one was handed to a thread: do not start it
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
