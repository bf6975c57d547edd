package dev.autumncatalog.engine;

import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.push.Background;

/**
 * Starts {@link AutumnHttpClient#warmUp()} on a second thread, so that the first-time work of the HTTP client and the
 * JSON layer (0.3 s and more in a fresh JVM, docs/PERFORMANCE.md "Startup") overlaps the catalog's loading instead of
 * following it. It reads no key and sends nothing: the target is still opened, and the key read, on the caller's
 * thread once the catalog is valid. A failure there is dropped: the warm-up only saves time, and the same code on the
 * goal's own path reports any real problem where it belongs.
 *
 * <p>A class of its own so that mutation testing can leave its calls alone (the pom's {@code avoidCallsTo}): removing
 * them changes how fast a goal starts, which the benchmark measures, not what it does, which the tests check.
 *
 * <pre>{@code
 * StartupWarmUp.beside(); // then load and validate the catalog
 * }</pre>
 */
final class StartupWarmUp {
    private StartupWarmUp() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    static void beside() {
        Background.start("autumn-warm-up", () -> {
            try {
                AutumnHttpClient.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // dropped on purpose, see the class comment
            }
        });
    }
}
