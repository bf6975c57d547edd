package dev.autumncatalog.engine;

import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.text.FrontEnd;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Which Autumn an operation talks to: Autumn's API with a secret key, or the local sandbox (a test double started in
 * the same JVM, keeping its state in a file). A value: the engine opens it for one operation and closes it after.
 *
 * <pre>{@code
 * Target.api("https://api.useautumn.com/v1", SecretKey.of(System.getenv("AUTUMN_SECRET_KEY"), "AUTUMN_SECRET_KEY"),
 *         Environment.SANDBOX)
 * Target.localSandbox(Path.of("build/autumn/sandbox.json"))
 * }</pre>
 */
public sealed interface Target permits Target.Api, Target.LocalSandbox {

    /**
     * Autumn's API at {@code baseUrl} ({@code null} or blank for Autumn's own), with {@code key}, which must belong to
     * the {@code stated} environment: a live key is used only when the user said live.
     */
    static Api api(String baseUrl, SecretKey key, Environment stated) {
        Objects.requireNonNull(key, "key");
        return new Api(baseUrl, () -> key, stated, UnaryOperator.identity());
    }

    /**
     * As {@link #api(String, SecretKey, Environment)}, reading the key only when the target opens: after the catalog
     * is loaded and validated, so a broken catalog is reported without a key. The supplier throws (an {@link
     * IllegalArgumentException} saying where it looked) when there is no key.
     */
    static Api api(String baseUrl, Supplier<SecretKey> key, Environment stated) {
        return new Api(baseUrl, key, stated, UnaryOperator.identity());
    }

    /** The local sandbox, keeping its catalog in {@code stateFile} so one run sees what an earlier one wrote. */
    static LocalSandbox localSandbox(Path stateFile) {
        return new LocalSandbox(stateFile, null, UnaryOperator.identity(), Map.of());
    }

    /**
     * Opens the target for one operation; the caller closes it.
     *
     * @param frontEnd names the environment setting when the key does not match it
     * @param listener hears the HTTP client's requests and retries
     * @throws IllegalArgumentException when the key belongs to another environment than the stated one
     */
    AutumnTarget open(FrontEnd frontEnd, ClientListener listener);

    /**
     * Autumn's API.
     *
     * @param baseUrl the API's base URL, or {@code null} for Autumn's own
     * @param key reads the secret key when the target opens
     * @param stated the environment the user means
     * @param client client options (deadlines, answer size, pace) on top of the defaults
     */
    record Api(
            String baseUrl,
            Supplier<SecretKey> key,
            Environment stated,
            UnaryOperator<AutumnClientConfig.Builder> client)
            implements Target {
        /** The key, environment and client options are required. */
        public Api {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(stated, "stated");
            Objects.requireNonNull(client, "client");
        }

        /**
         * The same API with these client options, e.g. {@code c -> c.requestTimeout(Duration.ofSeconds(60))}.
         */
        public Api withClient(UnaryOperator<AutumnClientConfig.Builder> options) {
            return new Api(baseUrl, key, stated, options);
        }

        @Override
        public AutumnTarget open(FrontEnd frontEnd, ClientListener listener) {
            SecretKey secret = Objects.requireNonNull(key.get(), "key");
            stated.requireMatches(secret, frontEnd);
            return AutumnTarget.api(baseUrl, secret, listener, client);
        }
    }

    /**
     * The local sandbox.
     *
     * @param stateFile where it keeps its catalog between runs
     * @param failRequest when not {@code null}, the sandbox refuses that request (1-based) with a 400, to try out how
     *     a failed push reads and that a re-run converges
     * @param client client options (deadlines, answer size, pace) on top of the defaults
     * @param customers how many customers each named sandbox plan has at least (more are added when it has fewer), to
     *     try versioning and archive flows; plans must exist in the sandbox
     */
    record LocalSandbox(
            Path stateFile,
            Integer failRequest,
            UnaryOperator<AutumnClientConfig.Builder> client,
            Map<String, Integer> customers)
            implements Target {
        /** The state file and client options are required. */
        public LocalSandbox {
            Objects.requireNonNull(stateFile, "stateFile");
            Objects.requireNonNull(client, "client");
            customers = Collections.unmodifiableMap(new LinkedHashMap<>(customers));
        }

        /** The same sandbox with these client options. */
        public LocalSandbox withClient(UnaryOperator<AutumnClientConfig.Builder> options) {
            return new LocalSandbox(stateFile, failRequest, options, customers);
        }

        /** The same sandbox, refusing request {@code number} (1-based) with a 400. */
        public LocalSandbox failingRequest(Integer number) {
            return new LocalSandbox(stateFile, number, client, customers);
        }

        /**
         * The same sandbox, where each named plan has at least this many customers ({@code Map.of("pro", 3)}): an
         * update of its price or items then creates a version, and a removal archives it.
         */
        public LocalSandbox customers(Map<String, Integer> planCustomers) {
            return new LocalSandbox(stateFile, failRequest, client, planCustomers);
        }

        @Override
        public AutumnTarget open(FrontEnd frontEnd, ClientListener listener) {
            AutumnTarget target = AutumnTarget.localSandbox(stateFile, failRequest, listener, client);
            try {
                target.sandbox()
                        .ifPresent(sandbox -> customers.forEach((plan, count) -> {
                            int missing = count - sandbox.customerCount(plan);
                            if (missing > 0) {
                                sandbox.addCustomers(plan, missing);
                            }
                        }));
                return target;
            } catch (IllegalArgumentException e) {
                target.close();
                throw new IllegalArgumentException(
                        "Cannot give sandbox plans customers: " + e.getMessage()
                                + ". Push the plan to the sandbox first.",
                        e);
            }
        }
    }
}
