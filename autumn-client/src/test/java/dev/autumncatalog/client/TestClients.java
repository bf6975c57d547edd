package dev.autumncatalog.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A client pointed at a MockWebServer, with waits recorded instead of slept and predictable idempotency keys. */
final class TestClients {
    /** A sandbox key of the real shape: am_sk_test_ and 42 letters and digits. */
    static final String KEY = "am_sk_test_Zq8Rw4Lk2Vn6Tp0Xy3Hb7Jd1Fg5Mc9Ks2Qe4Wu8Ai";

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger keys = new AtomicInteger();

    /** A builder for {@code server}, with the test key, no real sleeping, jitter at its midpoint and keys idem-N. */
    AutumnClient.Builder builder(MockWebServer server) {
        AutumnClient.Builder builder = AutumnClient.builder().secretKey(KEY).baseUrl(Loopback.base(server));
        builder.sleeper = waits::add;
        builder.jitter = () -> 0.5;
        builder.idempotencyKeys = () -> "idem-" + keys.incrementAndGet();
        return builder;
    }

    AutumnClient client(MockWebServer server) {
        return builder(server).build();
    }

    /** The next request the server received, within 5 s. */
    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the server");
        }
        return request;
    }
}
