package dev.autumncatalog.engine.autumn;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Immutable options of {@link AutumnHttpClient}. Only the secret key is required.
 *
 * <pre>{@code
 * AutumnClientConfig config = AutumnClientConfig.builder()
 *     .secretKey(System.getenv("AUTUMN_SECRET_KEY"))
 *     .requestTimeout(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 *
 * {@link #toString()} never shows the key.
 */
public final class AutumnClientConfig {
    /** Autumn's production API root. */
    public static final String DEFAULT_BASE_URL = "https://api.useautumn.com/v1";
    /** The API version pinned on every request; the wire mapping is written for it. */
    public static final String API_VERSION = "2.3.0";
    /**
     * Requests per second by default. Autumn allows 25 per 1-second window per org and environment; with a burst of 1
     * the client sends at most 24 + 1 in any second, wherever Autumn's window falls.
     */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 24;
    /**
     * The largest answer read by default, 64 MiB: the {@code plans.list} of a 2,000-plan catalog is about 7 MB, of a
     * 5,000-plan one about 18 MB.
     */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final HttpUrl baseUrl;
    private final String secretKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final Duration stallTimeout;
    private final long maxAnswerBytes;
    private final int maxRetries;
    private final double requestsPerSecond;
    private final int burst;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final ClientClock clock;
    private final ClientListener listener;
    private final DoubleSupplier jitter;

    private AutumnClientConfig(Builder b) {
        if (b.secretKey == null || b.secretKey.isBlank()) {
            throw new IllegalArgumentException("the Autumn secret key is missing; set it, e.g. from AUTUMN_SECRET_KEY");
        }
        for (int i = 0; i < b.secretKey.length(); i++) {
            char c = b.secretKey.charAt(i);
            if (c <= ' ' || c >= 127) {
                // Never echo the key itself.
                throw new IllegalArgumentException("the Autumn secret key contains a space, control or non-ASCII"
                        + " character at position " + i + "; copy it again without surrounding whitespace");
            }
        }
        this.secretKey = b.secretKey;
        this.baseUrl = parseBaseUrl(b.baseUrl);
        this.connectTimeout = positive("connect timeout", b.connectTimeout);
        this.readTimeout = positive("read timeout", b.readTimeout);
        this.requestTimeout = positive("request timeout", b.requestTimeout);
        this.callTimeout = positive("call timeout", b.callTimeout);
        this.stallTimeout = positive("stall timeout", b.stallTimeout);
        if (b.maxAnswerBytes < 1) {
            throw new IllegalArgumentException("max answer bytes must be ≥ 1, was " + b.maxAnswerBytes);
        }
        this.maxAnswerBytes = b.maxAnswerBytes;
        if (b.maxRetries < 0) {
            throw new IllegalArgumentException("max retries must be ≥ 0, was " + b.maxRetries);
        }
        this.maxRetries = b.maxRetries;
        if (!(b.requestsPerSecond > 0) || Double.isInfinite(b.requestsPerSecond)) {
            throw new IllegalArgumentException("requests per second must be > 0, was " + b.requestsPerSecond);
        }
        this.requestsPerSecond = b.requestsPerSecond;
        if (b.burst < 1) {
            throw new IllegalArgumentException("burst must be ≥ 1, was " + b.burst);
        }
        this.burst = b.burst;
        this.initialBackoff = positive("initial backoff", b.initialBackoff);
        this.maxBackoff = positive("max backoff", b.maxBackoff);
        this.maxRetryAfter = positive("max Retry-After", b.maxRetryAfter);
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.jitter = Objects.requireNonNull(b.jitter, "jitter");
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The API root every route is appended to, such as {@code https://api.useautumn.com/v1/}. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The secret key, sent as {@code Authorization: Bearer …}. Do not log it. */
    public String secretKey() {
        return secretKey;
    }

    /** Connect timeout, 10 s by default. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Read (and write) timeout: the longest silence within one read or write, 30 s by default. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The deadline of one request: connecting, sending, and reading the whole answer. 30 s by default. Unlike the
     * read timeout, it bounds a server that answers one byte at a time. Expiry is an I/O failure, retried like one.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The deadline of one call: every attempt, backoff and {@code Retry-After} wait included. 2 min by default: four
     * retries with backoff fit, and a retried request still has its own deadline within it.
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The stall deadline of the client (one plan or push): when no request has completed (any answer but a 429 or a
     * 5xx) for this long while calls were waiting, every call fails at once. 3 min by default, longer than a call's
     * deadline, so one slow call reports its own deadline first; time between calls does not count, so a long push
     * is never cut short while it makes progress.
     */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    /**
     * The largest answer read, in bytes, {@value #DEFAULT_MAX_ANSWER_BYTES} (64 MiB) by default. A larger one fails
     * with {@link AutumnAnswerTooLargeException}, unread beyond the limit and not retried.
     */
    public long maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /** How many times a failed request is retried (not counting the first try), 4 by default. */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * Client-side pace, {@value #DEFAULT_REQUESTS_PER_SECOND} requests per second by default; halved for a while after
     * a 429 (see {@link RateLimiter}).
     */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** How many requests may go at once before the rate applies, 1 by default (steady pacing). */
    public int burst() {
        return burst;
    }

    /** The first backoff delay; each retry doubles it up to {@link #maxBackoff()}, with jitter. 500 ms by default. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest backoff delay, 30 s by default. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest {@code Retry-After} the client honours; a longer one fails the request. 60 s by default. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Time source for pacing and backoff. */
    public ClientClock clock() {
        return clock;
    }

    /** Receives request, response and retry events. */
    public ClientListener listener() {
        return listener;
    }

    /** Random numbers in [0, 1) for backoff jitter. */
    public DoubleSupplier jitter() {
        return jitter;
    }

    /** {@code autumn-catalog/<version>}. */
    public String userAgent() {
        return ClientVersion.userAgent();
    }

    /** The pinned {@code X-API-Version}: {@value #API_VERSION}. */
    public String apiVersion() {
        return API_VERSION;
    }

    /** The options, with the key redacted. */
    @Override
    public String toString() {
        return "AutumnClientConfig{baseUrl=" + baseUrl + ", secretKey=" + redactedKey() + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", requestTimeout=" + requestTimeout
                + ", callTimeout=" + callTimeout + ", stallTimeout=" + stallTimeout + ", maxAnswerBytes="
                + maxAnswerBytes + ", maxRetries=" + maxRetries
                + ", requestsPerSecond=" + requestsPerSecond + ", burst=" + burst + "}";
    }

    /** Only the environment prefix of the key: {@code am_sk_test_…}. */
    String redactedKey() {
        if (secretKey.startsWith("am_sk_test_")) {
            return "am_sk_test_<redacted>";
        }
        if (secretKey.startsWith("am_sk_live_")) {
            return "am_sk_live_<redacted>";
        }
        return "<redacted>";
    }

    private static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0, was " + value);
        }
        return value;
    }

    private static HttpUrl parseBaseUrl(String text) {
        Objects.requireNonNull(text, "base URL");
        HttpUrl url = HttpUrl.parse(text.trim());
        if (url == null) {
            throw new IllegalArgumentException(
                    "the Autumn base URL must be an http(s) URL such as " + DEFAULT_BASE_URL + ", was '" + text + "'");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("the Autumn base URL must not carry credentials; was " + url.scheme()
                    + "://…@" + url.host() + "; the key goes in the secret key setting");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException(
                    "the Autumn base URL must not have a query or fragment, was '" + url.redact() + "'");
        }
        if ("http".equals(url.scheme()) && !isLoopback(url.host())) {
            throw new IllegalArgumentException("the Autumn base URL '" + url.redact()
                    + "' uses plain http, which would send the secret key unencrypted; use https, or http only on"
                    + " loopback (127.0.0.1, ::1, localhost)");
        }
        HttpUrl.Builder builder = url.newBuilder();
        if (url.encodedPath().equals("/")) {
            // A bare host means Autumn's API root.
            builder.encodedPath("/v1/");
        } else if (!url.encodedPath().endsWith("/")) {
            builder.encodedPath(url.encodedPath() + "/");
        }
        return builder.build();
    }

    /** {@code true} for {@code localhost}, 127.0.0.0/8 and {@code ::1}; never resolves a name. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || LOOPBACK_V4.matcher(h).matches()
                || h.equals("::1")
                || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Collects options; {@link #build()} checks them. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String secretKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(2);
        private Duration stallTimeout = Duration.ofMinutes(3);
        private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
        private int maxRetries = 4;
        private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
        private int burst = 1;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private ClientClock clock = ClientClock.SYSTEM;
        private ClientListener listener = ClientListener.NONE;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        private Builder(AutumnClientConfig c) {
            baseUrl = c.baseUrl.toString();
            secretKey = c.secretKey;
            connectTimeout = c.connectTimeout;
            readTimeout = c.readTimeout;
            requestTimeout = c.requestTimeout;
            callTimeout = c.callTimeout;
            stallTimeout = c.stallTimeout;
            maxAnswerBytes = c.maxAnswerBytes;
            maxRetries = c.maxRetries;
            requestsPerSecond = c.requestsPerSecond;
            burst = c.burst;
            initialBackoff = c.initialBackoff;
            maxBackoff = c.maxBackoff;
            maxRetryAfter = c.maxRetryAfter;
            clock = c.clock;
            listener = c.listener;
            jitter = c.jitter;
        }

        /** The API root, {@value AutumnClientConfig#DEFAULT_BASE_URL} by default; http only on loopback. */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        /** The secret key ({@code am_sk_test_…} for sandbox, {@code am_sk_live_…} for production). */
        public Builder secretKey(String key) {
            this.secretKey = key;
            return this;
        }

        /** Connect timeout. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Read and write timeout. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** The deadline of one request, connect to last byte of the answer. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** The deadline of one call, retries and waits included. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** How long calls may wait with no request completing before the client gives up on the server. */
        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = timeout;
            return this;
        }

        /** The largest answer read, in bytes. */
        public Builder maxAnswerBytes(long bytes) {
            this.maxAnswerBytes = bytes;
            return this;
        }

        /** Retries after the first try; 0 disables retrying. */
        public Builder maxRetries(int retries) {
            this.maxRetries = retries;
            return this;
        }

        /** Client-side rate limit, shared by every thread using the client. */
        public Builder requestsPerSecond(double rate) {
            this.requestsPerSecond = rate;
            return this;
        }

        /** Requests that may go at once before pacing applies. */
        public Builder burst(int requests) {
            this.burst = requests;
            return this;
        }

        /** First backoff delay. */
        public Builder initialBackoff(Duration delay) {
            this.initialBackoff = delay;
            return this;
        }

        /** Longest backoff delay. */
        public Builder maxBackoff(Duration delay) {
            this.maxBackoff = delay;
            return this;
        }

        /** Longest {@code Retry-After} honoured. */
        public Builder maxRetryAfter(Duration delay) {
            this.maxRetryAfter = delay;
            return this;
        }

        /** Time source; tests pass a fake that does not sleep. */
        public Builder clock(ClientClock value) {
            this.clock = value;
            return this;
        }

        /** Receives progress events. */
        public Builder listener(ClientListener value) {
            this.listener = value;
            return this;
        }

        /** Random numbers in [0, 1) for backoff jitter. */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = value;
            return this;
        }

        /** The checked, immutable options. */
        public AutumnClientConfig build() {
            return new AutumnClientConfig(this);
        }

        /** The options so far, with the key redacted. */
        @Override
        public String toString() {
            return "AutumnClientConfig.Builder{baseUrl=" + baseUrl + ", secretKey="
                    + (secretKey == null ? "unset" : "<redacted>") + "}";
        }
    }
}
