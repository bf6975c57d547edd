package dev.autumncatalog.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A local, stateful stand-in for Autumn's catalog API (features and plans, API 2.3.0), for tests, examples and trying
 * the plugin without an account. It is a test double and says so: every answer carries {@value #SANDBOX_HEADER}
 * {@code : }{@value #SANDBOX_HEADER_VALUE}, and every log line names it. It binds to 127.0.0.1 only.
 *
 * <pre>{@code
 * try (AutumnSandbox sandbox = AutumnSandbox.start()) {
 *     // point the client at sandbox.baseUrl() with sandbox.secretKey()
 *     sandbox.addCustomer("pro");                       // "pro" now has a customer on its latest version
 *     sandbox.faults().failNext(1, 503);                // the next request gets a 503
 *     ...
 *     assertThat(sandbox.requestCount()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver.HttpServer} (module {@code jdk.httpserver}, in every JDK
 * since 6): no extra dependency for the plugin or its users, good enough for a handful of local connections, and it
 * lets a fault close a connection without an answer. It is told to use {@code TCP_NODELAY} (the {@code
 * sun.net.httpserver.nodelay} property, unless already set), else every answer waits for a delayed ACK. JSON is Jackson, already a plugin dependency; money and counts
 * stay {@link java.math.BigDecimal}.
 */
public final class AutumnSandbox implements AutoCloseable {
    /** The header on every answer that says this is not Autumn. */
    public static final String SANDBOX_HEADER = "X-Autumn-Sandbox";

    public static final String SANDBOX_HEADER_VALUE = "local test double, not Autumn";

    /** The secret key the sandbox accepts unless told otherwise (a sandbox-looking Autumn key). */
    public static final String DEFAULT_SECRET_KEY = "am_sk_test_sandboxLocalTestDoubleNotAutumn000000000";

    private static final System.Logger LOG = System.getLogger(AutumnSandbox.class.getName());

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY every answer waits ~40 ms
        // for a delayed ACK. The property is read once, when the JDK server's config class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final HttpServer server;
    private final ExecutorService executor;
    private final CatalogState catalog;
    private final Router router;
    private final StateFile stateFile;
    private final List<String> secretKeys;
    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Object persistLock = new Object();
    private volatile Duration latency;

    private AutumnSandbox(Builder builder) throws IOException {
        this.secretKeys = List.copyOf(builder.secretKeys);
        this.latency = builder.latency;
        Random random = builder.seed == null ? new SecureRandom() : new Random(builder.seed);
        this.catalog = new CatalogState(builder.clock, () -> randomId(random));
        this.stateFile = builder.stateFile == null ? null : new StateFile(builder.stateFile);
        if (stateFile != null) {
            StateFile.Snapshot snapshot = stateFile.read();
            if (snapshot != null) {
                catalog.restore(snapshot.seq, snapshot.features, snapshot.plans);
            }
        }
        PlanHandlers.CustomerCounts customers = new PlanHandlers.CustomerCounts() {
            @Override
            public int on(Model.PlanVersion version) {
                return version.customers.size();
            }

            @Override
            public String newestName(String planId) {
                return catalog.newestCustomerName(planId);
            }
        };
        PlanRules rules = new PlanRules(catalog);
        this.router = new Router(
                new FeatureHandlers(catalog),
                new PlanHandlers(catalog, rules, customers),
                new PlanUpdate(catalog, rules, customers),
                secretKeys);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(builder.threads, runnable -> {
            Thread thread = new Thread(runnable, "autumn-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
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
        return server.getAddress().getPort();
    }

    /** The first accepted secret key, to put in the client's {@code Authorization: Bearer …}. */
    public String secretKey() {
        return secretKeys.get(0);
    }

    /** The state file, or {@code null} when the state lives only in memory. */
    public Path stateFile() {
        return stateFile == null ? null : stateFile.path();
    }

    // ---------------------------------------------------------------- customers

    /**
     * Gives the latest version of {@code planId} one customer, as if one had subscribed: from now on an update that
     * changes its items, price or trial creates a new version, and deleting it is refused.
     */
    public AutumnSandbox addCustomer(String planId) {
        return addCustomers(planId, 1);
    }

    /** Gives the latest version of {@code planId} {@code count} customers. */
    public AutumnSandbox addCustomers(String planId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("customer count must be at least 1, was " + count);
        }
        synchronized (catalog) {
            catalog.addCustomers(planId, null, count, null);
        }
        persistIfChanged();
        return this;
    }

    /** Gives a chosen version of {@code planId} one customer with this name (shown by {@code deletion_info}). */
    public AutumnSandbox addCustomer(String planId, int version, String customerName) {
        synchronized (catalog) {
            catalog.addCustomers(planId, version, 1, Objects.requireNonNull(customerName, "customerName"));
        }
        persistIfChanged();
        return this;
    }

    /** Customers on every version of {@code planId}; 0 for an unknown plan. */
    public int customerCount(String planId) {
        synchronized (catalog) {
            return catalog.customerCount(planId);
        }
    }

    /** Forgets every feature, plan and customer (the request log and faults stay). */
    public void clearCatalog() {
        synchronized (catalog) {
            catalog.clear();
        }
        persistIfChanged();
    }

    // ---------------------------------------------------------------- faults, latency, request log

    /** The faults to play on coming requests. */
    public FaultPlan faults() {
        return faults;
    }

    /** A fixed delay before every answer ({@link Duration#ZERO} for none), e.g. 50 ms for benchmarks. */
    public void latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** How many requests arrived, faulted ones included. */
    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the request log; numbering starts again at 1. */
    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(
                Level.DEBUG,
                "Local Autumn sandbox (a test double, not Autumn) on port {0} stopped",
                String.valueOf(port()));
    }

    // ---------------------------------------------------------------- HTTP

    private void exchange(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Local Autumn sandbox (a test double) failed to answer a request", e);
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String query = Objects.toString(exchange.getRequestURI().getRawQuery(), "");
        Headers headers = exchange.getRequestHeaders();
        RecordedRequest recorded;
        synchronized (requests) {
            recorded = new RecordedRequest(
                    requests.size() + 1,
                    method,
                    exchange.getRequestURI().getPath(),
                    query,
                    headers.getFirst("X-API-Version"),
                    headers.getFirst("Idempotency-Key"),
                    body);
            requests.add(recorded);
        }
        LOG.log(Level.DEBUG, "Local Autumn sandbox (test double) request {0}: {1}", recorded.number(), recorded.line());
        Duration delay = latency;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        Fault fault = faults.take(recorded.number(), recorded.path());
        if (fault instanceof Fault.Delay) {
            Thread.sleep(((Fault.Delay) fault).duration().toMillis());
            fault = null;
        }
        if (fault instanceof Fault.Respond) {
            Fault.Respond respond = (Fault.Respond) fault;
            send(
                    exchange,
                    new Router.Response(respond.status(), respond.contentType(), respond.body(), respond.headers()));
            return;
        }
        if (fault instanceof Fault.Reset && !((Fault.Reset) fault).afterProcessing()) {
            exchange.close(); // no response headers sent: the JDK server drops the connection
            return;
        }
        Map<String, String> lowerCase = new java.util.HashMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Router.Response response;
        synchronized (catalog) { // requests are applied one at a time, as the real server's transactions would
            response = router.handle(new Router.Request(method, rawPath, query, lowerCase, body));
        }
        persistIfChanged();
        if (fault instanceof Fault.Reset) {
            exchange.close();
            return;
        }
        if (fault instanceof Fault.Truncate) {
            String cut = response.body().substring(0, response.body().length() / 2);
            response = new Router.Response(response.status(), response.contentType(), cut, response.headers());
        }
        send(exchange, response);
    }

    private void persistIfChanged() {
        if (stateFile == null) {
            return;
        }
        synchronized (persistLock) { // snapshots are taken and written in the same order
            String state = null;
            synchronized (catalog) {
                if (catalog.takeDirty()) {
                    state = StateFile.toJson(StateFile.Snapshot.of(catalog));
                }
            }
            if (state != null) {
                stateFile.write(state);
            }
        }
    }

    private static void send(HttpExchange exchange, Router.Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set(SANDBOX_HEADER, SANDBOX_HEADER_VALUE);
        response.headers().forEach(headers::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
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

        /** Epoch milliseconds for {@code created_at}; the wall clock by default. */
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
