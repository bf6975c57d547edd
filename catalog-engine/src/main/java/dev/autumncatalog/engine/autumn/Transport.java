package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One request to Autumn and its answer: waits for the rate limiter, sends with the pinned headers, and reads the answer
 * whole within the request's deadline and the size limit. Says nothing about retrying: that is {@link Retrier}'s.
 *
 * <p>The deadline is OkHttp's call timeout, set per request to the tightest of the request, call and stall deadlines
 * ({@link CallBudget#nextRequest()}). It covers connecting, sending, waiting and reading the body, because the body is
 * read before the call is closed; the read timeout alone would let a server that trickles one byte at a time hold the
 * request forever. The answer is read as a stream and given up as soon as it passes {@link
 * AutumnClientConfig#maxAnswerBytes()} (or at once, when its {@code Content-Length} says it will); OkHttp decompresses
 * first, so the limit holds for compressed answers too.
 *
 * <p>Redirects are not followed (the key would go wherever a server points), and OkHttp never repeats a request on its
 * own: the client decides what is safe to repeat.
 */
final class Transport implements AutoCloseable {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int CHUNK = 64 * 1024;

    private final AutumnClientConfig config;
    private final OkHttpClient http;
    private final RateLimiter limiter;

    Transport(AutumnClientConfig config) {
        this.config = config;
        this.limiter = new RateLimiter(config.requestsPerSecond(), config.burst(), config.clock());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.requestTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .socketFactory(new NoDelaySocketFactory())
                .build();
    }

    RateLimiter limiter() {
        return limiter;
    }

    /**
     * Sends {@code op} once.
     *
     * @return the answer, or the I/O failure in its place
     * @throws AutumnApiException when interrupted, cancelled, or a deadline passed before sending ({@link Failures})
     */
    Answer exchange(Op op, int attempt, CallBudget budget, Failures failures) {
        try {
            Duration waited = limiter.acquire();
            if (!waited.isZero()) {
                config.listener().throttled(waited);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.interrupted(op, e);
        }
        if (budget.cancelled()) {
            throw failures.cancelled(op);
        }
        CallBudget.Limit limit = budget.nextRequest();
        if (limit.timeout().toNanos() <= 0) {
            throw failures.deadline(op, limit.setting(), budget);
        }
        HttpUrl url = op.url(config.baseUrl());
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + config.secretKey())
                .header("X-API-Version", config.apiVersion())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        if (op.idempotencyKey != null) {
            request.header("Idempotency-Key", op.idempotencyKey);
        }
        if ("GET".equals(op.method)) {
            request.get();
        } else {
            request.post(RequestBody.create(bytes(op.body), JSON_TYPE));
        }
        String route = url.encodedPath();
        config.listener().requestSent(new ClientListener.RequestEvent(op.method, route, op.entityId, attempt));
        budget.attempted();
        long start = config.clock().nanoTime();
        Call call = http.newCall(request.build());
        call.timeout().timeout(limit.timeout().toNanos(), TimeUnit.NANOSECONDS);
        budget.sending(call);
        try (Response response = call.execute()) {
            Answer answer = read(response);
            if (answer.tooLarge >= 0) {
                // Drop the connection now: closing the response alone would let OkHttp drain the rest for reuse.
                call.cancel();
            }
            config.listener()
                    .responseReceived(new ClientListener.ResponseEvent(
                            op.method,
                            route,
                            op.entityId,
                            response.code(),
                            Duration.ofNanos(Math.max(0, config.clock().nanoTime() - start))));
            return answer;
        } catch (IOException e) {
            if (budget.cancelled()) {
                throw failures.cancelled(op);
            }
            if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw failures.interrupted(op, e);
            }
            // OkHttp cancels a call whose timeout fired; a read timeout does not cancel it.
            return Answer.io(e, call.isCanceled() ? limit.setting() : null);
        }
    }

    /** The whole answer, or as much as shows it is over the limit. */
    private Answer read(Response response) throws IOException {
        int status = response.code();
        long max = config.maxAnswerBytes();
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > max) {
            return Answer.tooLarge(status, declared, true);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, CHUNK) != -1) {
            if (buffer.size() > max) {
                long seen = buffer.size();
                buffer.clear();
                return Answer.tooLarge(status, seen, false);
            }
        }
        return Answer.of(
                status,
                buffer.readByteArray(),
                response.header("Retry-After"),
                response.header("Location"),
                config.secretKey());
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return WireJson.mapper().writeValueAsBytes(body == null ? JsonNodeFactory.instance.objectNode() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
