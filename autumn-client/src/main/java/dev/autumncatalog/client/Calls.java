package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Attempts of one call: retries with backoff and jitter on failures worth repeating (no answer, 5xx, 429, an answer
 * that cannot be read), {@code Retry-After} respected up to a cap, and Autumn's error answers turned into typed
 * exceptions.
 */
final class Calls {
    private static final System.Logger LOG = System.getLogger(AutumnClient.class.getName());
    private static final int MAX_DETAIL = 500;

    /** Waits between attempts; tests replace it to record the waits instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Runs before each attempt with that attempt's deadline (the string-id track learns feature types here). */
    interface BeforeAttempt {
        void run(long deadlineNanos, Duration deadline);
    }

    /**
     * One call.
     *
     * @param rpc the route under the base URL: {@code balances.track}
     * @param body the JSON body
     * @param idempotencyKey sent on every attempt, or {@code null}
     * @param attempted the words for messages: {@code Tried to track …}
     * @param maxAttempts attempts at most (1: never repeated)
     * @param perAttempt the deadline of each attempt
     * @param budget the deadline of the whole call, attempts and waits included, or {@code null} for none
     * @param before run before each attempt, or {@code null}
     */
    record Spec(
            String rpc,
            byte[] body,
            String idempotencyKey,
            String attempted,
            int maxAttempts,
            Duration perAttempt,
            Duration budget,
            BeforeAttempt before) {}

    /** A success (2xx), a duplicate idempotency key (409), or the last failure; and how many attempts it took. */
    record Outcome(Transport.Answer answer, boolean duplicate, AutumnException failure, int attempts) {
        boolean ok() {
            return answer != null;
        }
    }

    private final Transport transport;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;

    Calls(
            Transport transport,
            Sleeper sleeper,
            DoubleSupplier jitter,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration maxRetryAfter) {
        this.transport = transport;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
    }

    Transport transport() {
        return transport;
    }

    Outcome run(Spec spec) {
        long start = System.nanoTime();
        long budgetEnd =
                spec.budget() == null ? Long.MAX_VALUE : start + spec.budget().toNanos();
        Duration shown = spec.budget() == null ? spec.perAttempt() : spec.budget();
        String route = transport.route(spec.rpc());
        int attempt = 0;
        while (true) {
            attempt++;
            long attemptEnd =
                    Math.min(budgetEnd, System.nanoTime() + spec.perAttempt().toNanos());
            AutumnException failure;
            try {
                if (spec.before() != null) {
                    spec.before().run(attemptEnd, shown);
                }
                Transport.Answer answer = transport.post(
                        spec.rpc(), spec.body(), spec.idempotencyKey(), attemptEnd, shown, spec.attempted());
                if (answer.status() >= 200 && answer.status() < 300) {
                    return new Outcome(answer, false, null, attempt);
                }
                failure = error(answer, spec.attempted(), route);
                if (answer.status() == 409
                        && "duplicate_idempotency_key".equals(failure.code())
                        && spec.idempotencyKey() != null) {
                    return new Outcome(null, true, null, attempt);
                }
            } catch (WrongFeatureTypeException e) {
                throw e;
            } catch (AutumnException e) {
                failure = e;
            }
            if (attempt >= spec.maxAttempts() || !retryable(failure)) {
                return new Outcome(null, false, failure, attempt);
            }
            Duration wait = waitBefore(attempt + 1, failure);
            if (wait == null || System.nanoTime() + wait.toNanos() >= budgetEnd) {
                return new Outcome(null, false, failure, attempt);
            }
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "Autumn: attempt " + attempt + " of " + spec.rpc() + " failed (" + failure.getMessage()
                                + "); retrying in " + Durations.words(wait));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(
                        null,
                        false,
                        new AutumnTransportException(
                                spec.attempted(),
                                route,
                                "the thread was interrupted while waiting to retry after: " + failure.detail(),
                                null,
                                failure),
                        attempt);
            }
        }
    }

    /** Worth repeating: no answer, a 5xx, a 429, or a 2xx the client could not read. Never another 4xx. */
    static boolean retryable(AutumnException failure) {
        return failure instanceof AutumnTransportException
                || failure instanceof AutumnServerException
                || failure instanceof AutumnRateLimitException
                || failure instanceof AutumnResponseException;
    }

    /**
     * The wait before attempt {@code next}: the {@code Retry-After} Autumn asked for, or {@code null} when it asked for
     * more than the cap (repeating sooner would ignore it; waiting longer would hold the caller); otherwise exponential
     * backoff with equal jitter: half the step fixed, half random.
     */
    Duration waitBefore(int next, AutumnException failure) {
        if (failure instanceof AutumnRateLimitException) {
            Duration asked = ((AutumnRateLimitException) failure).retryAfter();
            if (asked != null) {
                return asked.compareTo(maxRetryAfter) > 0 ? null : asked;
            }
        }
        long max = maxBackoff.toNanos();
        long step = initialBackoff.toNanos();
        for (int i = 2; i < next && step < max; i++) {
            step = step > max / 2 ? max : step * 2;
        }
        step = Math.min(step, max);
        double random = Math.max(0, Math.min(1, jitter.getAsDouble()));
        return Duration.ofNanos(step / 2 + (long) (random * (step / 2)));
    }

    /** {@code Retry-After} as seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The typed exception for an error answer; Autumn's code and message are scrubbed of the key first. */
    AutumnApiException error(Transport.Answer answer, String attempted, String route) {
        SecretKey key = transport.key();
        String code = null;
        String message = null;
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        try {
            JsonNode json = text.isBlank() ? null : Json.read(answer.body());
            if (json != null && json.isObject()) {
                code = json.path("code").isTextual() ? json.get("code").textValue() : null;
                message = json.path("message").isTextual()
                        ? json.get("message").textValue()
                        : abbreviate(json.toString());
            } else if (json != null) {
                message = abbreviate(text.trim());
            }
        } catch (IOException notJson) {
            // Autumn's 429 is plain text ("Too many requests, please try again later.").
            message = text.isBlank() ? null : abbreviate(text.trim());
        }
        code = Redaction.scrub(code, key);
        message = Redaction.scrub(message, key);
        int status = answer.status();
        if (status >= 300 && status < 400) {
            String location = Redaction.scrub(answer.location(), key);
            return new AutumnApiException(
                    attempted,
                    route,
                    status,
                    code,
                    "a redirect" + (location == null ? "" : " to " + abbreviate(location)),
                    "the client does not follow redirects (they would carry the secret key elsewhere); set baseUrl(...)"
                            + " to the API's own address");
        }
        if (status == 401 || status == 403) {
            return new AutumnAuthException(
                    attempted,
                    route,
                    status,
                    code,
                    message,
                    status == 403
                            ? "the secret key lacks a scope this call needs"
                            : "check the secret key (am_sk_test_… for the sandbox, am_sk_live_… for production) and the"
                                    + " base URL");
        }
        if (status == 404) {
            return new AutumnNotFoundException(attempted, route, status, code, message, notFoundHint(code));
        }
        if (status == 429) {
            return new AutumnRateLimitException(
                    attempted,
                    route,
                    status,
                    message,
                    "Autumn limits the requests per second of each org",
                    retryAfter(answer.retryAfter()));
        }
        if (status >= 500) {
            return new AutumnServerException(attempted, route, status, code, message, null);
        }
        return new AutumnApiException(attempted, route, status, code, message, badRequestHint(message));
    }

    private static String notFoundHint(String code) {
        if ("customer_not_found".equals(code)) {
            return "Create the customer first (getOrCreateCustomer), or check the id";
        }
        if ("feature_not_found".equals(code)) {
            return "The feature is not in this environment's catalog: push the catalog, or check the id";
        }
        return null;
    }

    private static String badRequestHint(String message) {
        if (message == null) {
            return null;
        }
        if (message.startsWith("Lock not found")) {
            return "The lock was finalized already, expired, or never made (a check that failed open reserves"
                    + " nothing)";
        }
        if (message.contains("Stripe")) {
            return "Attaching a plan needs a Stripe account connected to the Autumn org";
        }
        return null;
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }

    /** Reads a success answer's JSON; an answer that is not JSON is a {@link AutumnResponseException}. */
    JsonNode json(Transport.Answer answer, String attempted, String route) {
        try {
            JsonNode json = Json.read(answer.body());
            if (json == null || json.isMissingNode()) {
                throw new AutumnResponseException(
                        attempted, route, answer.status(), "the answer is empty", notAutumnHint(), null);
            }
            return json;
        } catch (IOException e) {
            String start = new String(answer.body(), 0, Math.min(answer.body().length, 80), StandardCharsets.UTF_8);
            boolean cut = start.stripLeading().startsWith("{");
            throw new AutumnResponseException(
                    attempted,
                    route,
                    answer.status(),
                    cut ? "the answer is cut or corrupted JSON" : "the answer is not JSON",
                    cut
                            ? "try again; if it persists, check what sits between this service and Autumn"
                            : notAutumnHint(),
                    null);
        }
    }

    private String notAutumnHint() {
        return "the server at the base URL may not be Autumn's API";
    }

    /** The answer read by {@code reader}; unreadable answers become {@link AutumnResponseException}. */
    <T> T read(Transport.Answer answer, Function<JsonNode, T> reader, String attempted, String rpc) {
        String route = transport.route(rpc);
        JsonNode json = json(answer, attempted, route);
        try {
            return reader.apply(json);
        } catch (Answers.Malformed | IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw new AutumnResponseException(
                    attempted,
                    route,
                    answer.status(),
                    "the answer does not have the shape of API " + AutumnClient.API_VERSION + ": " + e.getMessage(),
                    "the server at the base URL may not be Autumn's API, or not at this version",
                    null);
        }
    }
}
