package dev.autumncatalog.engine.push;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started on its own daemon thread so that it overlaps what the caller does next: a goal's start-up is mostly
 * class loading and first-time initialisation on one thread, and a second core would otherwise sit idle (issue 16,
 * docs/PERFORMANCE.md "Startup"). Daemon, so an abandoned task never keeps a JVM alive; a new thread per task, so no
 * pool outlives the call, and nothing is shared with {@code ForkJoinPool.commonPool()}, which a build may be using.
 *
 * <pre>{@code
 * CompletableFuture<String> digest = Background.supply("autumn-plan-basis", () -> PlanBasis.fingerprint(catalog));
 * RemoteCatalog remote = api.fetchCatalog(); // meanwhile
 * String catalogDigest = Background.join(digest);
 * }</pre>
 */
public final class Background {
    private Background() {}

    /** Starts {@code work} on a new daemon thread named {@code threadName}; its result is the future's. */
    public static <T> CompletableFuture<T> supply(String threadName, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, task -> start(threadName, task));
    }

    /**
     * Starts {@code work} on a new daemon thread named {@code threadName}. What it throws ends that thread only (the
     * JVM's default handler prints it): work that must report a failure completes a future of its own.
     */
    public static void start(String threadName, Runnable work) {
        Thread thread = new Thread(work, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The result of {@code future}, waiting for it; what the task threw is thrown here as it was (not wrapped), so a
     * caller sees the same exception as if it had done the work itself.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throwIfUnchecked(e.getCause());
            throw e;
        }
    }

    /** Throws {@code cause} as it is when it is unchecked; returns when it is checked, for the caller to wrap. */
    static void throwIfUnchecked(Throwable cause) {
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
    }
}
