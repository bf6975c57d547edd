package dev.autumncatalog.sandbox;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * A local, stateful stand-in for Autumn's API 2.3.0, for tests, examples and trying the plugin without an account: the
 * catalog (features, plans, versions) and the run-time half (customers, entities, check, track, locks, grants, resets
 * on a clock the test controls), answering as the real server did in the recordings. It is a test double and says so:
 * every answer carries {@value #SANDBOX_HEADER}{@code : }{@value #SANDBOX_HEADER_VALUE}, and every log line names it.
 * It binds to 127.0.0.1 only.
 *
 * <pre>{@code
 * try (AutumnSandbox sandbox = AutumnSandbox.start()) {
 *     // point the client at sandbox.baseUrl() with sandbox.secretKey()
 *     sandbox.addCustomer("pro");                       // "pro" now has a customer on its latest version
 *     sandbox.faults().failNext(1, 503);                // the next request gets a 503
 *     sandbox.clock().advance(Duration.ofDays(31));     // monthly balances reset on their next read
 *     ...
 *     assertThat(sandbox.requestCount()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver.HttpServer} (module {@code jdk.httpserver}, in every JDK
 * since 6): no extra dependency for its users, good enough for a handful of local connections, and it lets a fault
 * close a connection without an answer. JSON is Jackson; money and counts stay {@link java.math.BigDecimal}. What it
 * does not reproduce is listed in {@code autumn-sandbox/README.md}.
 */
public final class AutumnSandbox implements AutoCloseable {
    /** The header on every answer that says this is not Autumn. */
    public static final String SANDBOX_HEADER = "X-Autumn-Sandbox";

    public static final String SANDBOX_HEADER_VALUE = "local test double, not Autumn";

    /** The secret key the sandbox accepts unless told otherwise (a sandbox-looking Autumn key). */
    public static final String DEFAULT_SECRET_KEY = "am_sk_test_sandboxLocalTestDoubleNotAutumn000000000";

    private static final System.Logger LOG = System.getLogger(AutumnSandbox.class.getName());
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final HttpFront http;
    private final SandboxState state;
    private final StateFile stateFile;
    private final List<String> secretKeys;

    private AutumnSandbox(Builder builder) throws IOException {
        this.secretKeys = List.copyOf(builder.secretKeys);
        Random random = builder.seed == null ? new SecureRandom() : new Random(builder.seed);
        this.stateFile = builder.stateFile == null ? null : new StateFile(builder.stateFile);
        RateLimiter rateLimiter = builder.rateLimit == 0
                ? null
                : new RateLimiter(builder.rateLimit, builder.rateWindow, () -> System.nanoTime() / 1_000_000);
        this.state = new SandboxState(
                new SandboxClock(builder.clock), () -> randomId(random), stateFile, secretKeys, rateLimiter);
        this.http = new HttpFront(builder.port, builder.threads, builder.latency, state::handle);
        // DEBUG: its users print their own labelled line (the Mojos, SandboxMain); INFO would put JUL's timestamped
        // two-line records into every Maven build log.
        LOG.log(
                Level.DEBUG,
                "Local Autumn sandbox (a test double, not Autumn) listening on {0}{1}",
                baseUrl(),
                stateFile == null ? "" : ", state in " + stateFile.path());
    }

    /** Starts a sandbox on a free port with the default key and no state file. */
    public static AutumnSandbox start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>/v1}, what a client takes as Autumn's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return http.port();
    }

    /** The first accepted secret key, to put in the client's {@code Authorization: Bearer …}. */
    public String secretKey() {
        return secretKeys.get(0);
    }

    /** The state file, or {@code null} when the state lives only in memory. */
    public Path stateFile() {
        return stateFile == null ? null : stateFile.path();
    }

    /**
     * The sandbox's clock: every timestamp it writes and every reset and expiry it applies reads it. {@code
     * sandbox.clock().advance(Duration.ofDays(31))} crosses a monthly reset.
     */
    public SandboxClock clock() {
        return state.clock;
    }

    // ---------------------------------------------------------------- customers

    /**
     * Gives the latest version of {@code planId} one customer, as if one had subscribed: from now on an update that
     * changes its items, price or trial creates a new version, and deleting it is refused. The customer is a real
     * sandbox customer ({@code sandbox_customer_N}) with the plan's balances.
     */
    public AutumnSandbox addCustomer(String planId) {
        return addCustomers(planId, 1);
    }

    /** Gives the latest version of {@code planId} {@code count} customers. */
    public AutumnSandbox addCustomers(String planId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("customer count must be at least 1, was " + count);
        }
        state.run(() -> state.customers.addTestCustomers(planId, null, count, null));
        return this;
    }

    /** Gives a chosen version of {@code planId} one customer with this name (shown by {@code deletion_info}). */
    public AutumnSandbox addCustomer(String planId, int version, String customerName) {
        Objects.requireNonNull(customerName, "customerName");
        state.run(() -> state.customers.addTestCustomers(planId, version, 1, customerName));
        return this;
    }

    /**
     * Puts customer {@code customerId} on the latest version of {@code planId} as if it had paid, which the sandbox
     * cannot ask for (it has no Stripe: a paid {@code billing.attach} answers the real server's no-Stripe 400). A new
     * customer gets that plan alone, with its balances from now; an existing one gains it (a main plan replaces the
     * main plan of its group, an add-on such as a credit pack stacks).
     *
     * <pre>{@code
     * sandbox.subscribe("acme", "pro").subscribe("acme", "credit_pack");
     * }</pre>
     *
     * @throws IllegalArgumentException for an unknown plan, or a plan the customer already has
     */
    public AutumnSandbox subscribe(String customerId, String planId) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(planId, "planId");
        state.run(() -> state.customers.subscribe(customerId, planId));
        return this;
    }

    /** Customers on every version of {@code planId}; 0 for an unknown plan. */
    public int customerCount(String planId) {
        return state.apply(() -> state.customers.customerCount(planId));
    }

    /** Forgets every feature, plan, customer and lock (the request log and faults stay). */
    public void clearCatalog() {
        state.run(() -> {
            state.catalog.clear();
            state.customers.clear();
        });
    }

    // ---------------------------------------------------------------- faults, latency, request log

    /** The faults to play on coming requests. */
    public FaultPlan faults() {
        return http.faults();
    }

    /** A fixed delay before every answer ({@link Duration#ZERO} for none), e.g. 50 ms for benchmarks. */
    public void latency(Duration latency) {
        http.latency(latency);
    }

    /** How many requests arrived, faulted ones included. */
    public int requestCount() {
        return http.requestCount();
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return http.requests();
    }

    /** Forgets the request log; numbering starts again at 1. */
    public void clearRequests() {
        http.clearRequests();
    }

    @Override
    public void close() {
        http.stop();
        state.close();
        LOG.log(
                Level.DEBUG,
                "Local Autumn sandbox (a test double, not Autumn) on port {0} stopped",
                String.valueOf(port()));
    }

    private static String randomId(Random random) {
        char[] id = new char[27];
        id[0] = '3'; // Autumn's KSUID-style ids start with 3 these years
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }

    /** Options for {@link AutumnSandbox}; {@link #start()} binds and starts it. */
    public static final class Builder {
        private int port;
        private List<String> secretKeys = List.of(DEFAULT_SECRET_KEY);
        private Path stateFile;
        private Duration latency = Duration.ZERO;
        private LongSupplier clock = System::currentTimeMillis;
        private Long seed;
        private int threads = 4;
        private int rateLimit;
        private Duration rateWindow = Duration.ofSeconds(1);

        private Builder() {}

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The secret keys accepted as {@code Authorization: Bearer <key>}; the first is {@link #secretKey()}. */
        public Builder secretKeys(String... keys) {
            if (keys.length == 0) {
                throw new IllegalArgumentException("at least one secret key is needed");
            }
            this.secretKeys = Arrays.asList(keys.clone());
            return this;
        }

        /** Load the catalog from this file if it exists, and rewrite it after every change. */
        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        /** A fixed delay before every answer. */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * The base of the sandbox's clock in epoch milliseconds (the wall clock by default); {@link #clock()} moves
         * forward from it.
         */
        public Builder clock(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seed for generated {@code ent_}/{@code pr_} ids, for repeatable runs. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads answering requests (4 by default). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Enforces Autumn's general rate limit: at most {@code requests} per {@code window} per secret key on the
         * routes Autumn counts in its general bucket (the catalog routes, entity creates and deletes, grants; not
         * check, track, finalize, customer reads and creates, entity reads or attach, which have buckets of their
         * own). Past it the answer is Autumn's 429: plain-text body, {@code Retry-After} and {@code RateLimit-*}
         * headers; every counted answer carries the {@code RateLimit-*} headers. Off by default. Autumn's own
         * figure: {@code rateLimit(25, Duration.ofSeconds(1))}.
         */
        public Builder rateLimit(int requests, Duration window) {
            Objects.requireNonNull(window, "window");
            if (requests < 1) {
                throw new IllegalArgumentException("rate limit must be at least 1 request per window, was " + requests);
            }
            if (window.toMillis() < 1) {
                throw new IllegalArgumentException("rate limit window must be at least 1 ms, was " + window);
            }
            this.rateLimit = requests;
            this.rateWindow = window;
            return this;
        }

        /**
         * Binds 127.0.0.1 and starts answering.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         * @throws SandboxStateException when the state file cannot be read
         */
        public AutumnSandbox start() {
            try {
                return new AutumnSandbox(this);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(
                        "Cannot start the local Autumn sandbox on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
