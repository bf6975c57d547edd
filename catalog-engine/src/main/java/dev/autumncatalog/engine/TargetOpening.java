package dev.autumncatalog.engine;

import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.autumn.WireMapper;
import dev.autumncatalog.engine.push.Background;
import dev.autumncatalog.engine.text.FrontEnd;
import java.security.Security;
import java.util.concurrent.CompletableFuture;

/**
 * A target being opened on a second thread while the caller loads and validates the catalog. In a fresh JVM, building
 * the HTTP client (0.2 to 0.3 s on the benchmark machine, most of it TLS set-up) and readying the JSON layer for the
 * first request take longer than loading and validating a catalog of 100 plans (0.12 to 0.16 s; docs/PERFORMANCE.md
 * "Startup"), and neither needs the other.
 *
 * <p>Nothing is sent before the caller takes the target, which it does only once the catalog is valid: opening makes
 * no request. Only Autumn's API opens early; the local sandbox opens when taken, since opening it can give its plans
 * customers (a change to its state) that an invalid catalog must not cause. A failure to open (no key, a key of the
 * other environment) is thrown by {@link #take()}, so a broken catalog is still reported first. A target that is never
 * taken is closed by {@link #close()}, at once or when its opening ends.
 *
 * <pre>{@code
 * try (TargetOpening opening = TargetOpening.start(request.target(), frontEnd, listener)) {
 *   CatalogLoader.Loaded catalog = loadValid(request.catalog());
 *   try (AutumnTarget target = opening.take()) { ... }
 * }
 * }</pre>
 */
final class TargetOpening implements AutoCloseable {
    private final CompletableFuture<AutumnTarget> opened;
    private final Target target;
    private final FrontEnd frontEnd;
    private final ClientListener listener;
    private boolean taken;

    private TargetOpening(
            CompletableFuture<AutumnTarget> opened, Target target, FrontEnd frontEnd, ClientListener listener) {
        this.opened = opened;
        this.target = target;
        this.frontEnd = frontEnd;
        this.listener = listener;
    }

    /** Starts opening {@code target} (Autumn's API) on a daemon thread; the local sandbox waits for {@link #take()}. */
    static TargetOpening start(Target target, FrontEnd frontEnd, ClientListener listener) {
        boolean early = target instanceof Target.Api;
        CompletableFuture<AutumnTarget> opened = new CompletableFuture<>();
        Background.start("autumn-open", () -> {
            try {
                opened.complete(early ? target.open(frontEnd, listener) : null);
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
            }
            // After the target, so that taking it never waits for this: the first request's body and answer would
            // otherwise set up Jackson on the critical path, and OkHttp's first connection looks at the installed
            // security providers, which instantiates every one of them.
            WireMapper.warmUp();
            Security.getProviders();
        });
        return new TargetOpening(opened, target, frontEnd, listener);
    }

    /**
     * The open target; the caller closes it.
     *
     * @throws IllegalArgumentException as {@link Target#open} does
     */
    AutumnTarget take() {
        taken = true;
        AutumnTarget open = Background.join(opened);
        return open != null ? open : target.open(frontEnd, listener);
    }

    /** Closes the target if it was never taken. */
    @Override
    public void close() {
        if (!taken) {
            opened.thenAccept(open -> {
                if (open != null) {
                    open.close();
                }
            });
        }
    }
}
