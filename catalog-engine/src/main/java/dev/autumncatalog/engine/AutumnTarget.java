package dev.autumncatalog.engine;

import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.Fault;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * An open {@link Target}: Autumn's API with the user's key, or the local sandbox (a test double started in this JVM,
 * keeping its state in a file). Closing it closes the client and stops the sandbox. {@link CatalogEngine} opens one
 * per operation.
 *
 * <pre>{@code
 * try (AutumnTarget target = Target.localSandbox(Path.of("build/autumn/sandbox.json")).open(frontEnd, listener)) {
 *   Plan plan = new CatalogSync(target.api()).plan(catalog, PlanOptions.defaults(target.description(), false));
 * }
 * }</pre>
 */
public final class AutumnTarget implements AutoCloseable {
    private final AutumnApi api;
    private final AutumnSandbox sandbox;
    private final String description;
    private final boolean live;

    private AutumnTarget(AutumnApi api, AutumnSandbox sandbox, String description, boolean live) {
        this.api = api;
        this.sandbox = sandbox;
        this.description = description;
        this.live = live;
    }

    /**
     * Autumn's API at {@code baseUrl} with {@code key}. The caller has already checked the key against the environment
     * the user stated ({@link Environment#requireMatches}).
     */
    public static AutumnTarget api(String baseUrl, SecretKey key, ClientListener listener) {
        return api(baseUrl, key, listener, UnaryOperator.identity());
    }

    /**
     * Autumn's API, with client options (deadlines, answer size, pace) set by {@code options} on top of the defaults.
     *
     * <pre>{@code
     * AutumnTarget.api(url, key, listener, c -> c.requestTimeout(Duration.ofSeconds(60)));
     * }</pre>
     */
    public static AutumnTarget api(
            String baseUrl, SecretKey key, ClientListener listener, UnaryOperator<AutumnClientConfig.Builder> options) {
        Objects.requireNonNull(key, "key");
        AutumnClientConfig config = options.apply(AutumnClientConfig.builder()
                        .baseUrl(
                                baseUrl == null || baseUrl.isBlank()
                                        ? AutumnClientConfig.DEFAULT_BASE_URL
                                        : baseUrl.trim())
                        .secretKey(key.reveal())
                        .listener(listener == null ? ClientListener.NONE : listener))
                .build();
        boolean live = key.environment() == Environment.LIVE;
        String description = "Autumn " + key.environment().word() + " at " + config.baseUrl();
        return new AutumnTarget(new AutumnHttpClient(config), null, description, live);
    }

    /**
     * The local sandbox, keeping its catalog in {@code stateFile} so a second push sees what the first one wrote.
     *
     * @param failRequest when not {@code null}, the sandbox refuses that request (1-based) with a 400, which no retry
     *     hides, to try out how a failed push reads and that a re-run converges
     */
    public static AutumnTarget localSandbox(Path stateFile, Integer failRequest, ClientListener listener) {
        return localSandbox(stateFile, failRequest, listener, UnaryOperator.identity());
    }

    /** The local sandbox, with client options set by {@code options} on top of the defaults. */
    public static AutumnTarget localSandbox(
            Path stateFile,
            Integer failRequest,
            ClientListener listener,
            UnaryOperator<AutumnClientConfig.Builder> options) {
        AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(stateFile).start();
        try {
            if (failRequest != null) {
                sandbox.faults()
                        .atRequest(
                                failRequest,
                                Fault.error(400, "invalid_request", "failure injected by autumn.sandboxFailRequest"));
            }
            AutumnClientConfig config = options.apply(AutumnClientConfig.builder()
                            .baseUrl(sandbox.baseUrl())
                            .secretKey(sandbox.secretKey())
                            .listener(listener == null ? ClientListener.NONE : listener))
                    .build();
            String description = "the local sandbox (a test double, not Autumn), state " + stateFile;
            return new AutumnTarget(new AutumnHttpClient(config), sandbox, description, false);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The catalog API of the target. */
    public AutumnApi api() {
        return api;
    }

    /** For the plan's first line and messages: {@code Autumn sandbox at https://api.useautumn.com/v1/}. */
    public String description() {
        return description;
    }

    /** {@code true} when the key is a live key. */
    public boolean live() {
        return live;
    }

    /** The local sandbox, when that is the target. */
    public Optional<AutumnSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** How many requests the local sandbox has served so far; empty when the target is Autumn's API. */
    public OptionalInt sandboxRequests() {
        return sandbox == null ? OptionalInt.empty() : OptionalInt.of(sandbox.requestCount());
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
