package dev.autumncatalog.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One POST to Autumn under a deadline that covers the whole exchange: connect, request, headers and body.
 * {@code HttpRequest.timeout} alone stops waiting at the headers, so a body that trickles in would hold the caller far
 * past it; here the caller waits on the future with the deadline, then cancels the exchange and the body subscription.
 * (Not {@code orTimeout}: that completes the future itself, and the JDK forwards {@code cancel(true)} to the exchange
 * only while the future is not done.) The price, measured by {@code InterleavedOverhead} in the bench profile: the JDK
 * completes {@code sendAsync} through the common pool, one thread hop more than {@code send}, and a body subscriber of
 * our own (needed for the size limit) costs another; together about +0.13 ms a call on a busy 2-core machine.
 */
final class Transport {
    private final HttpClient http;
    private final URI base;
    private final String basePath;
    private final SecretKey key;
    private final String userAgent;
    private final long maxResponseBytes;
    private final HttpClient.Version version;

    Transport(HttpClient http, URI base, SecretKey key, String userAgent, long maxResponseBytes) {
        this.http = http;
        this.base = base;
        this.basePath = base.getRawPath();
        this.key = key;
        this.userAgent = userAgent;
        this.maxResponseBytes = maxResponseBytes;
        // h2 over TLS when the server offers it (ALPN); plain HTTP/1.1 on loopback, without an h2c upgrade attempt.
        this.version = "https".equals(base.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    /** An answer: status, the {@code Retry-After} and {@code Location} headers if any, and the body. */
    record Answer(int status, String retryAfter, String location, byte[] body) {}

    /** The route of {@code rpc} as messages show it: {@code /v1/balances.check}. */
    String route(String rpc) {
        return basePath + "/" + rpc;
    }

    SecretKey key() {
        return key;
    }

    /**
     * Sends {@code body} to {@code rpc} and waits for the whole answer until {@code deadlineNanos} ({@link
     * System#nanoTime()} scale). {@code deadline} is only for the message.
     *
     * @throws AutumnTimeoutException the deadline passed first; the exchange is cancelled
     * @throws AutumnTransportException no answer (connection refused or reset, interrupted)
     * @throws ResponseTooLargeException the answer passed the size limit
     */
    Answer post(
            String rpc, byte[] body, String idempotencyKey, long deadlineNanos, Duration deadline, String attempted) {
        String route = route(rpc);
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new AutumnTimeoutException(attempted, route, deadline, null);
        }
        // No HttpRequest.timeout: it stops at the headers, and the wait below already covers the whole exchange.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + rpc))
                .version(version)
                .header("Authorization", "Bearer " + key.value())
                .header("X-API-Version", AutumnClient.API_VERSION)
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = http.sendAsync(request.build(), info -> {
                BoundedBody subscriber = new BoundedBody(
                        info.statusCode(),
                        maxResponseBytes,
                        info.headers().firstValueAsLong("Content-Length").orElse(-1L));
                reading.set(subscriber);
                return subscriber;
            });
        } catch (IllegalArgumentException e) {
            throw new AutumnTransportException(
                    attempted, route, "the request could not be sent: " + e.getMessage(), null, null);
        }
        try {
            HttpResponse<byte[]> response = exchange.get(remaining, TimeUnit.NANOSECONDS);
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (TimeoutException e) {
            abandon(exchange, reading);
            throw new AutumnTimeoutException(attempted, route, deadline, null);
        } catch (InterruptedException e) {
            abandon(exchange, reading);
            Thread.currentThread().interrupt();
            throw new AutumnTransportException(
                    attempted, route, "the thread was interrupted while waiting for the answer", null, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), attempted, route, deadline);
        }
    }

    private static void abandon(CompletableFuture<?> exchange, AtomicReference<BoundedBody> reading) {
        exchange.cancel(true);
        BoundedBody body = reading.get();
        if (body != null) {
            body.cancel();
        }
    }

    private AutumnException failure(Throwable cause, String attempted, String route, Duration deadline) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge) {
                return new ResponseTooLargeException(
                        attempted, route, ((BoundedBody.TooLarge) t).status, maxResponseBytes, null);
            }
        }
        if (cause instanceof HttpTimeoutException) {
            return new AutumnTimeoutException(attempted, route, deadline, cause);
        }
        String what = cause instanceof IOException ? "the exchange failed: " : "the client failed: ";
        return new AutumnTransportException(
                attempted,
                route,
                what + Redaction.scrub(String.valueOf(cause), key),
                "check the network and the base URL " + base,
                cause);
    }
}
