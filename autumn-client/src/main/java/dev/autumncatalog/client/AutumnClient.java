package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client services call at run time: {@code check} a customer's balance before work, {@code track} usage after it,
 * hold and finalize reservations, manage customers and entities, attach plans. It speaks Autumn's 2.x API with {@code
 * X-API-Version} pinned to {@value #API_VERSION}, on the JDK's {@code HttpClient} and Jackson only.
 *
 * <pre>{@code
 * AutumnClient autumn = AutumnClient.builder()
 *         .secretKey(System.getenv("AUTUMN_SECRET_KEY"))
 *         .expectEnvironment(Environment.LIVE)
 *         .build();
 *
 * if (!autumn.check(customerId, Metered.API_CALLS).allowed()) {
 *     throw new UsageLimitException(customerId);
 * }
 * Result result = doWork();
 * autumn.track(customerId, Metered.AI_TOKENS, result.tokensUsed());
 * }</pre>
 *
 * <p><b>One instance per application.</b> It is immutable and thread-safe; all instances share one JDK {@code
 * HttpClient} unless {@linkplain Builder#httpClient(HttpClient) given one}.
 *
 * <p><b>Typed features.</b> {@code track} takes a {@link Trackable}: a {@link MeteredFeature} handle, or a {@link
 * FeatureId}. Tracking a {@link CreditSystem} or a {@link BooleanFlag} handle does not compile; tracking one by plain
 * id is refused with {@link WrongFeatureTypeException} after the client has learned the feature types from Autumn
 * ({@code features.list}, once, before the first track by id).
 *
 * <p><b>Failures.</b>
 *
 * <ul>
 *   <li>Deadlines: check, track and lock finalization wait at most {@linkplain Builder#timeout(Duration) 5 s} by
 *       default (as Autumn's TypeScript SDK), for the whole exchange, body included; per call with {@code
 *       CheckRequest.timeout} and {@code TrackRequest.timeout}. A check's deadline covers its retries too; a track's
 *       covers each attempt.
 *   <li>Checks fail open by default: when Autumn cannot answer (no answer, 5xx, 429, unreadable), the result is allowed
 *       and {@linkplain CheckResult#degraded() degraded}, with the cause. See {@link CheckFailurePolicy}.
 *   <li>Tracks are never dropped silently: each carries an {@code Idempotency-Key}, failures worth repeating are
 *       retried with backoff and jitter ({@code Retry-After} respected up to a cap), a 409 {@code
 *       duplicate_idempotency_key} means {@linkplain TrackOutcome#ALREADY_COUNTED already counted}, and what still
 *       cannot be delivered is thrown as {@link TrackFailedException} or handed to an {@link UndeliveredTrackHandler}.
 *   <li>Errors are typed ({@link AutumnException} and subtypes) with the status, Autumn's code and message. The secret
 *       key never appears in a message, a log line or {@code toString}, whatever the server echoes.
 * </ul>
 */
public final class AutumnClient {
    /** The {@code X-API-Version} every request carries: the 2.x wire this client reads and writes. */
    public static final String API_VERSION = "2.3.0";

    /** The default deadline of check, track and lock finalization, as Autumn's TypeScript SDK: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Autumn's API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.useautumn.com/v1");

    private final URI baseUrl;
    private final Environment environment;
    private final Calls calls;
    private final Checks checks;
    private final Tracks tracks;
    private final Duration customerTimeout;
    private final int checkAttempts;

    private AutumnClient(Builder builder, SecretKey key) {
        this.baseUrl = builder.baseUrl;
        this.environment = key.environment();
        HttpClient http = builder.httpClient != null ? builder.httpClient : SharedHttp.client();
        Transport transport =
                new Transport(http, builder.baseUrl, key, ClientVersion.userAgent(), builder.maxResponseBytes);
        this.calls = new Calls(
                transport,
                builder.sleeper,
                builder.jitter,
                builder.initialBackoff,
                builder.maxBackoff,
                builder.maxRetryAfter);
        this.checks = new Checks(calls, builder.timeout, builder.checkAttempts, builder.checkFailurePolicy);
        this.tracks = new Tracks(
                calls,
                builder.featureRefreshAfter,
                builder.timeout,
                builder.trackAttempts,
                builder.undelivered,
                builder.idempotencyKeys);
        this.customerTimeout = builder.customerTimeout;
        this.checkAttempts = builder.checkAttempts;
    }

    /** A builder; {@link Builder#secretKey(String)} is the one required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment the key selects. */
    public Environment environment() {
        return environment;
    }

    /** The API's base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    // ------------------------------------------------------------------ balances

    /** Whether {@code customerId} may use {@code feature} now, for an amount of 1. See {@link #check(CheckRequest)}. */
    public CheckResult check(String customerId, FeatureRef feature) {
        return check(CheckRequest.of(customerId, feature));
    }

    /** Whether {@code customerId} may use the feature {@code featureId} now, for an amount of 1. */
    public CheckResult check(String customerId, String featureId) {
        return check(CheckRequest.of(customerId, featureId));
    }

    /**
     * {@code balances.check}: whether the customer may use the feature, and the balance that decided. When Autumn
     * cannot answer, the {@link CheckFailurePolicy} answers instead (fail open by default); an answer that says the
     * call is wrong (unknown customer or feature, bad key, invalid input) is thrown as {@link AutumnApiException}.
     *
     * <pre>{@code
     * CheckResult check = autumn.check(CheckRequest.of(customerId, Metered.AI_TOKENS).requiredBalance(estimate));
     * if (!check.allowed()) {
     *     return paywall(check.balance());
     * }
     * }</pre>
     */
    public CheckResult check(CheckRequest request) {
        return checks.check(request);
    }

    /** Tracks {@code value} units of {@code feature} used by {@code customerId}. See {@link #track(TrackRequest)}. */
    public TrackResult track(String customerId, Trackable feature, long value) {
        return track(TrackRequest.of(customerId, feature, value));
    }

    /** Tracks {@code value} units (fractions allowed) of {@code feature}. See {@link #track(TrackRequest)}. */
    public TrackResult track(String customerId, Trackable feature, BigDecimal value) {
        return track(TrackRequest.of(customerId, feature, value));
    }

    /** Tracks {@code value} units of the feature {@code featureId}, checked first (see {@link FeatureId}). */
    public TrackResult track(String customerId, String featureId, long value) {
        return track(TrackRequest.of(customerId, featureId, value));
    }

    /** Tracks {@code value} units of the feature {@code featureId}, checked first (see {@link FeatureId}). */
    public TrackResult track(String customerId, String featureId, BigDecimal value) {
        return track(TrackRequest.of(customerId, featureId, value));
    }

    /**
     * {@code balances.track}: records usage. Every attempt carries the same {@code Idempotency-Key} (the request's, or
     * one made for this call); failures worth repeating are retried up to {@link Builder#trackAttempts(int)} times.
     * What Autumn does not confirm is thrown as {@link TrackFailedException}, or handed to the {@link
     * UndeliveredTrackHandler} if one is set (then the result's outcome is {@link TrackOutcome#UNDELIVERED}).
     *
     * <pre>{@code
     * autumn.track(TrackRequest.of(customerId, Metered.AI_TOKENS, usage.totalTokens())
     *         .properties(Map.of("model", usage.model())));
     * }</pre>
     *
     * @throws WrongFeatureTypeException a plain id names a boolean feature or a credit system (nothing was sent)
     * @throws TrackFailedException not delivered, and no handler is set
     */
    public TrackResult track(TrackRequest request) {
        return tracks.track(request);
    }

    /**
     * {@code balances.finalize} with {@code confirm}: keeps the amount a {@linkplain Lock lock} reserved. Retried like a
     * track, with an idempotency key.
     *
     * @throws AutumnApiException 400 "Lock not found" when the lock was finalized already, expired, or never made
     */
    public void confirmLock(String lockId) {
        tracks.finalizeLock(lockId, "confirm", null);
    }

    /**
     * {@code balances.finalize} with {@code confirm} and the amount actually used instead of the amount reserved.
     *
     * <pre>{@code
     * autumn.confirmLock(lockId, BigDecimal.valueOf(tokensActuallyUsed));
     * }</pre>
     */
    public void confirmLock(String lockId, BigDecimal used) {
        Objects.requireNonNull(used, "used");
        tracks.finalizeLock(lockId, "confirm", used);
    }

    /** {@code balances.finalize} with {@code release}: gives back the amount a {@linkplain Lock lock} reserved. */
    public void releaseLock(String lockId) {
        tracks.finalizeLock(lockId, "release", null);
    }

    // ------------------------------------------------------------------ customers, entities, billing

    /** {@code customers.get_or_create} with the id only. See {@link #getOrCreateCustomer(CustomerRequest)}. */
    public Customer getOrCreateCustomer(String customerId) {
        return getOrCreateCustomer(CustomerRequest.of(customerId));
    }

    /**
     * {@code customers.get_or_create}: the customer, created on the plans that auto-enable if it does not exist. An
     * existing customer comes back unchanged (the name and email sent are then ignored).
     */
    public Customer getOrCreateCustomer(CustomerRequest request) {
        Objects.requireNonNull(request, "request");
        String attempted = "Tried to get or create customer '" + request.customerId() + "'";
        return call(
                "customers.get_or_create",
                RequestBodies.getOrCreateCustomer(request),
                attempted,
                checkAttempts,
                Answers::customer);
    }

    /**
     * {@code customers.get}: the customer with its plans, balances and flags.
     *
     * @throws AutumnNotFoundException {@code customer_not_found}
     */
    public Customer customer(String customerId) {
        Ids.required(customerId, "customerId");
        String attempted = "Tried to get customer '" + customerId + "'";
        return call("customers.get", RequestBodies.customer(customerId), attempted, checkAttempts, Answers::customer);
    }

    /** {@code entities.create} of entity {@code entityId} against {@code feature}. */
    public Entity createEntity(String customerId, String entityId, Trackable feature) {
        return createEntity(EntityRequest.of(customerId, entityId, feature));
    }

    /**
     * {@code entities.create}: sent once (never repeated). Autumn creates an unknown customer on the way, on the plans
     * that auto-enable; an entity of a continuous feature (seats) uses one unit of it. The answer leaves out the
     * entity's feature id ({@link Entity#featureId()} is {@code null}); {@link #entity(String, String)} has it.
     */
    public Entity createEntity(EntityRequest request) {
        Objects.requireNonNull(request, "request");
        String attempted = "Tried to create entity '" + request.entityId() + "' of '"
                + request.feature().id() + "' for customer '" + request.customerId() + "'";
        return call("entities.create", RequestBodies.createEntity(request), attempted, 1, Answers::entity);
    }

    /** {@code entities.get}. */
    public Entity entity(String customerId, String entityId) {
        Ids.required(customerId, "customerId");
        Ids.required(entityId, "entityId");
        String attempted = "Tried to get entity '" + entityId + "' of customer '" + customerId + "'";
        return call(
                "entities.get", RequestBodies.entity(customerId, entityId), attempted, checkAttempts, Answers::entity);
    }

    /** {@code entities.delete}: sent once; the entity's unit of a continuous feature is given back. */
    public void deleteEntity(String customerId, String entityId) {
        Ids.required(customerId, "customerId");
        Ids.required(entityId, "entityId");
        String attempted = "Tried to delete entity '" + entityId + "' of customer '" + customerId + "'";
        call("entities.delete", RequestBodies.entity(customerId, entityId), attempted, 1, json -> json);
    }

    /** {@code billing.attach} of {@code planId}. See {@link #attach(AttachRequest)}. */
    public AttachResult attach(String customerId, String planId) {
        return attach(AttachRequest.of(customerId, planId));
    }

    /**
     * {@code billing.attach}: puts the customer on the plan; sent once (never repeated: it may charge). The result says
     * what the customer must do: open {@link AttachResult#checkoutUrl()}, or nothing.
     *
     * @throws AutumnApiException 400 {@code invalid_request} when the Autumn org has no Stripe account connected
     */
    public AttachResult attach(AttachRequest request) {
        Objects.requireNonNull(request, "request");
        String attempted = "Tried to attach plan '" + request.planId() + "' to customer '" + request.customerId() + "'";
        return call("billing.attach", RequestBodies.attach(request), attempted, 1, Answers::attach);
    }

    private <T> T call(String rpc, byte[] body, String attempted, int attempts, Function<JsonNode, T> reader) {
        Calls.Outcome outcome =
                calls.run(new Calls.Spec(rpc, body, null, attempted, attempts, customerTimeout, null, null));
        if (!outcome.ok()) {
            throw outcome.failure();
        }
        return calls.read(outcome.answer(), reader, attempted, rpc);
    }

    @Override
    public String toString() {
        return "AutumnClient{baseUrl=" + baseUrl + ", environment=" + environment + ", apiVersion=" + API_VERSION + "}";
    }

    /**
     * Settings of an {@link AutumnClient}. Only the secret key is required.
     *
     * <pre>{@code
     * AutumnClient autumn = AutumnClient.builder()
     *         .secretKey(System.getenv("AUTUMN_SECRET_KEY"))
     *         .expectEnvironment(Environment.LIVE)
     *         .timeout(Duration.ofSeconds(2))
     *         .checkFailurePolicy(CheckFailurePolicy.FAIL_CLOSED)
     *         .onUndeliveredTrack(failure -> outbox.save(failure.request()))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String secretKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Environment expected;
        private HttpClient httpClient;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration customerTimeout = Duration.ofSeconds(30);
        private CheckFailurePolicy checkFailurePolicy = CheckFailurePolicy.FAIL_OPEN;
        private int checkAttempts = 2;
        private int trackAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration maxRetryAfter = Duration.ofSeconds(10);
        private int maxResponseBytes = 4 * 1024 * 1024;
        private UndeliveredTrackHandler undelivered;

        // Seams for tests in this package: waits, randomness and keys they can control.
        Calls.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        Supplier<String> idempotencyKeys = () -> UUID.randomUUID().toString();
        Duration featureRefreshAfter = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * Autumn's secret key: {@code am_sk_test_…} (sandbox) or {@code am_sk_live_…} (production); surrounding
         * whitespace is ignored. Checked by {@link #build()}.
         */
        public Builder secretKey(String secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /** The environment this service must run against; {@link #build()} refuses a key of the other. */
        public Builder expectEnvironment(Environment environment) {
            this.expected = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The API's base URL as text; see {@link #baseUrl(URI)}. */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI url;
            try {
                url = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not a URL: " + e.getMessage(), e);
            }
            return baseUrl(url);
        }

        /**
         * The API's base URL including its version path ({@link #DEFAULT_BASE_URL} by default). {@code https}, or
         * {@code http} to a loopback host only (a local Autumn or sandbox): the key must not cross a network in clear.
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = BaseUrls.check(baseUrl);
            return this;
        }

        /**
         * The JDK client to send with, instead of the one all {@code AutumnClient}s share. It must not follow redirects
         * (they would carry the secret key to another address).
         */
        public Builder httpClient(HttpClient httpClient) {
            Objects.requireNonNull(httpClient, "httpClient");
            if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HttpClient follows redirects (" + httpClient.followRedirects()
                        + "); build it with followRedirects(HttpClient.Redirect.NEVER), since a redirect would carry"
                        + " the secret key to another address");
            }
            this.httpClient = httpClient;
            return this;
        }

        /**
         * The deadline of check (all its attempts), of each track attempt and of lock finalization: the whole exchange,
         * body included. {@link #DEFAULT_TIMEOUT} (5 s) by default.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Durations.positive(timeout, "timeout");
            return this;
        }

        /** The deadline of customer, entity and attach calls; 30 s by default. */
        public Builder customerTimeout(Duration timeout) {
            this.customerTimeout = Durations.positive(timeout, "customerTimeout");
            return this;
        }

        /** What checks answer when Autumn cannot; {@link CheckFailurePolicy#FAIL_OPEN} by default. */
        public Builder checkFailurePolicy(CheckFailurePolicy policy) {
            this.checkFailurePolicy = Objects.requireNonNull(policy, "checkFailurePolicy");
            return this;
        }

        /** Attempts per check and per customer or entity read, within its deadline; 2 by default. */
        public Builder checkAttempts(int attempts) {
            this.checkAttempts = attempts(attempts, "checkAttempts");
            return this;
        }

        /** Attempts per track and lock finalization; 4 by default. */
        public Builder trackAttempts(int attempts) {
            this.trackAttempts = attempts(attempts, "trackAttempts");
            return this;
        }

        /**
         * Backoff between attempts: {@code initial} before the second, doubling up to {@code max}, each wait half
         * fixed and half random. 100 ms and 2 s by default.
         */
        public Builder backoff(Duration initial, Duration max) {
            Durations.positive(initial, "initial backoff");
            Durations.positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The longest {@code Retry-After} the client waits; 10 s by default. When Autumn asks for longer, the call stops
         * there: a track then goes to the caller as undelivered, with the wait Autumn asked for.
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Durations.positive(max, "maxRetryAfter");
            return this;
        }

        /** The most bytes of one answer the client reads; 4 MiB by default. Longer answers are refused, not read. */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Hands undelivered tracks to {@code handler} instead of throwing {@link TrackFailedException}; the track then
         * returns a result with outcome {@link TrackOutcome#UNDELIVERED}.
         */
        public Builder onUndeliveredTrack(UndeliveredTrackHandler handler) {
            this.undelivered = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * The client. Refuses a missing or malformed key, and a key of the other environment than {@link
         * #expectEnvironment(Environment) expected}; no message names the key itself.
         */
        public AutumnClient build() {
            SecretKey key = SecretKey.parse(secretKey);
            if (expected != null && key.environment() != expected) {
                throw new IllegalArgumentException(
                        "the secret key is a " + key.environment().wire() + " key ("
                                + key.environment().keyPrefix() + "…) but this client expects " + expected.wire() + " ("
                                + expected.keyPrefix() + "…); pass the " + expected.wire() + " key, or change"
                                + " expectEnvironment(...)");
            }
            return new AutumnClient(this, key);
        }

        private static int attempts(int attempts, String what) {
            if (attempts < 1 || attempts > 10) {
                throw new IllegalArgumentException(what + " must be 1 to 10, was " + attempts);
            }
            return attempts;
        }

        @Override
        public String toString() {
            return "AutumnClient.Builder{baseUrl=" + baseUrl + ", secretKey=" + (secretKey == null ? "unset" : "set")
                    + "}";
        }
    }
}
