package dev.autumncatalog.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * A failure the sandbox plays instead of (or around) a normal answer; schedule them with {@link FaultPlan}.
 *
 * <pre>{@code
 * sandbox.faults().failNext(2, 503);                            // two 503s, then normal answers
 * sandbox.faults().atRequest(3, Fault.resetConnection());       // the 3rd request gets no answer
 * sandbox.faults().next(Fault.rateLimited(Duration.ofSeconds(1)));
 * }</pre>
 */
public sealed interface Fault {

    /** Answers with this status, content type and body; the request is not applied. */
    record Respond(int status, String contentType, String body, Map<String, String> headers) implements Fault {
        public Respond {
            headers = Map.copyOf(headers);
        }
    }

    /** Waits, then answers normally. */
    record Delay(Duration duration) implements Fault {}

    /** Closes the connection without an answer, before or after applying the request. */
    record Reset(boolean afterProcessing) implements Fault {}

    /** Applies the request, then sends only the first half of the real body (valid HTTP, broken JSON). */
    record Truncate() implements Fault {}

    /** An Autumn-style error {@code {message, code, env}}; the request is not applied. */
    static Fault error(int status, String code, String message) {
        String body = "{\"message\":" + quote(message) + ",\"code\":" + quote(code) + ",\"env\":\"sandbox\"}";
        return new Respond(status, "application/json", body, Map.of());
    }

    /** An error with the usual code for the status ({@code internal_error}, {@code service_unavailable}, …). */
    static Fault status(int status) {
        return error(
                status, defaultCode(status), "Injected by the local Autumn sandbox (a test double): HTTP " + status);
    }

    /** An error with this code. */
    static Fault status(int status, String code) {
        return error(status, code, "Injected by the local Autumn sandbox (a test double): " + code);
    }

    /** Autumn's rate limiter: 429, plain-text body, {@code Retry-After} and {@code RateLimit-*} headers. */
    static Fault rateLimited(Duration retryAfter) {
        String seconds = Long.toString(Math.max(0, (retryAfter.toMillis() + 999) / 1000));
        return new Respond(
                429,
                "text/plain; charset=UTF-8",
                "Too many requests, please try again later.",
                Map.of(
                        "Retry-After", seconds,
                        "RateLimit-Policy", "25;w=1",
                        "RateLimit-Limit", "25",
                        "RateLimit-Remaining", "0",
                        "RateLimit-Reset", seconds));
    }

    /** A body that is not JSON although it says it is. */
    static Fault malformedJson(int status) {
        return new Respond(status, "application/json", "{\"id\": \"broken\", \"name\": <html>", Map.of());
    }

    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /** No answer at all: the connection closes before the request is applied. */
    static Fault resetConnection() {
        return new Reset(false);
    }

    /** The request is applied, then the connection closes without an answer (the "did my write happen?" case). */
    static Fault resetConnectionAfterProcessing() {
        return new Reset(true);
    }

    /** The request is applied and the answer's JSON is cut in half. */
    static Fault truncatedJson() {
        return new Truncate();
    }

    private static String defaultCode(int status) {
        switch (status) {
            case 429:
                return "rate_limit_exceeded";
            case 500:
                return "internal_error";
            case 502:
                return "bad_gateway";
            case 503:
                return "service_unavailable";
            case 504:
                return "gateway_timeout";
            default:
                return status >= 500 ? "internal_error" : "invalid_request";
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
