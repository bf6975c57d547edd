package dev.autumncatalog.sandbox.junit;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.CatalogSource;
import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.PushRequest;
import dev.autumncatalog.engine.SecretKey;
import dev.autumncatalog.engine.Target;
import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A local Autumn for a service's tests: starts the sandbox on 127.0.0.1, pushes the service's catalog into it through
 * the same planner and push as {@code mvn autumn:push}, and hands out a ready {@link AutumnClient}. Customers are put
 * on plans directly (the sandbox has no Stripe, so a paid plan cannot be attached through the API), and the sandbox
 * clock moves forward to cross resets.
 *
 * <pre>{@code
 * class ChatServiceTest {
 *     @RegisterExtension
 *     static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Pricing());
 *
 *     @Test
 *     void freePlan_runsOutAfterTwentyMessages() {
 *         String customer = autumn.customerOn("free");
 *         ChatService chat = new ChatService(autumn.client());
 *         ...
 *         autumn.advanceClock(Duration.ofDays(31));      // the monthly allowance is back
 *     }
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the sandbox lives for the test class (customers from {@link #customerOn(String)} have
 * fresh ids, so tests do not see each other's usage); in an instance field, for each test. Test methods may also take
 * an {@link AutumnClient} or an {@link AutumnSandbox} parameter. The client uses the JDK {@code HttpClient} that every
 * {@code AutumnClient} of the JVM shares (Java 17's has no {@code close()}), so starting a sandbox per test costs no
 * new connection pool.
 *
 * <p><b>Against a real Autumn server.</b> With {@code -Dautumn.real.url=http://127.0.0.1:8090/v1} (a test profile,
 * never CI) the same tests run against that server instead: the catalog is pushed there (key from {@code
 * -Dautumn.real.key}, or a fresh org from the script named by {@code -Dautumn.real.newOrg}), customers are created
 * through the API, and a step the real server cannot do here is reported as an aborted test, not a failure: a paid plan
 * (no Stripe), moving the clock, or reaching the sandbox itself.
 */
public final class AutumnSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Catalog catalog;
    private final String origin;
    private final UnaryOperator<AutumnClient.Builder> clientOptions;
    private final AtomicInteger customers = new AtomicInteger();

    private AutumnSandbox sandbox;
    private AutumnClient client;
    private RealServer real;
    private boolean perClass;

    private AutumnSandboxExtension(Catalog catalog, String origin, UnaryOperator<AutumnClient.Builder> clientOptions) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
    }

    /**
     * The sandbox with {@code definition}'s catalog pushed. An invalid catalog fails the tests with every problem
     * listed, as {@code mvn autumn:validate} does.
     */
    public static AutumnSandboxExtension withCatalog(CatalogDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return new AutumnSandboxExtension(
                definition.define(), definition.getClass().getName(), UnaryOperator.identity());
    }

    /** The sandbox with {@code catalog} pushed. */
    public static AutumnSandboxExtension withCatalog(Catalog catalog) {
        return new AutumnSandboxExtension(catalog, "catalog given to AutumnSandboxExtension", UnaryOperator.identity());
    }

    /**
     * The same extension, building its client with these options on top of the sandbox's URL and key, e.g. {@code c
     * -> c.checkFailurePolicy(CheckFailurePolicy.FAIL_CLOSED)}.
     */
    public AutumnSandboxExtension withClient(UnaryOperator<AutumnClient.Builder> options) {
        return new AutumnSandboxExtension(catalog, origin, options);
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (client == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        RealServer server = RealServer.fromSystemProperties();
        if (server != null) {
            server.push(catalog, origin);
            client = clientOptions.apply(server.clientBuilder()).build();
            real = server;
            return;
        }
        AutumnSandbox started = AutumnSandbox.start();
        try {
            // The sandbox is on loopback and allows any pace; the engine's 24 requests per second is for Autumn.
            Target target = Target.api(
                            started.baseUrl(),
                            SecretKey.of(started.secretKey(), "the local sandbox"),
                            dev.autumncatalog.engine.Environment.SANDBOX)
                    .withClient(c -> c.requestsPerSecond(10_000));
            CatalogEngine.create(FrontEnd.NEUTRAL, EngineListener.NONE)
                    .push(PushRequest.of(PlanRequest.of(CatalogSource.of(catalog, origin), target)));
            AutumnClient.Builder builder = AutumnClient.builder()
                    .baseUrl(started.baseUrl())
                    .secretKey(started.secretKey())
                    .expectEnvironment(dev.autumncatalog.client.Environment.SANDBOX);
            client = clientOptions.apply(builder).build();
            sandbox = started;
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
    }

    private void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        sandbox = null;
        client = null;
        real = null;
    }

    // ---------------------------------------------------------------- what tests use

    /** The client, on the sandbox's URL and key. */
    public AutumnClient client() {
        return started(client);
    }

    /** The sandbox itself: its request log, faults, latency, state. Against a real server, the test is aborted. */
    public AutumnSandbox sandbox() {
        if (real != null) {
            throw RealServer.cannot("reach the sandbox itself (request log, faults)");
        }
        return started(sandbox);
    }

    /** The base URL a service under test is configured with: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return real != null ? real.baseUrl() : sandbox().baseUrl();
    }

    /** The secret key the sandbox (or the real server's org) accepts; a test key. */
    public String secretKey() {
        return real != null ? real.key() : sandbox().secretKey();
    }

    /** {@code true} when the tests run against a real Autumn server ({@code -Dautumn.real.url}). */
    public boolean againstRealServer() {
        return real != null;
    }

    /**
     * A new customer ({@code customer-1}, {@code customer-2}, ...) on the latest version of {@code planId}, as if it
     * had paid, with the plan's balances from the sandbox's now.
     *
     * @return the customer id
     */
    public String customerOn(String planId) {
        String id = "customer-" + customers.incrementAndGet();
        return customerOn(id, planId);
    }

    /**
     * Puts {@code customerId} on {@code planId} as if it had paid: a new customer gets the plan alone; an existing one
     * gains it (a main plan replaces the main plan of its group; an add-on, such as a credit top-up, stacks).
     *
     * @return the customer id
     */
    public String customerOn(String customerId, String planId) {
        if (real != null) {
            real.subscribe(client, customerId, planId);
        } else {
            sandbox().subscribe(customerId, planId);
        }
        return customerId;
    }

    /**
     * Moves the sandbox clock forward; balances whose reset has passed are refilled on their next read. Against a real
     * server, the test is aborted here.
     */
    public Instant advanceClock(Duration duration) {
        if (real != null) {
            throw RealServer.cannot("move the clock forward " + duration);
        }
        return sandbox().clock().advance(duration).now();
    }

    /** The sandbox clock's now (the real server's: the system clock). */
    public Instant now() {
        return real != null ? Instant.now() : sandbox().clock().now();
    }

    private static <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("The Autumn sandbox is not running: register the extension with"
                    + " @RegisterExtension (a static field for the test class, an instance field for each test) and"
                    + " use it from a test or a @BeforeEach/@BeforeAll method that runs after it started.");
        }
        return value;
    }

    // ---------------------------------------------------------------- parameters

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AutumnClient.class || type == AutumnSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AutumnClient.class ? client() : sandbox();
    }
}
