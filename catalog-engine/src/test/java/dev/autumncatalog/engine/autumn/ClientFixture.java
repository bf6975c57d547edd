package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.RICH;
import static dev.autumncatalog.engine.autumn.Responses.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A client against MockWebServer on 127.0.0.1, with a clock that never sleeps, answers scripted by route ({@link
 * Routes}) and every request and event at hand. The tests of the client's classes ({@link AutumnHttpClient}, {@link
 * Retrier}, {@link WriteCheck}, {@link Failures}, {@link Transport}) extend it.
 */
abstract class ClientFixture {
    MockWebServer server;
    Routes routes;
    FakeClock clock;
    Responses.Events events;
    AutumnHttpClient client;
    final AtomicInteger keys = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        routes = new Routes();
        server = Loopback.start(routes);
        clock = new FakeClock();
        events = new Responses.Events();
        client = new AutumnHttpClient(config().build(), () -> "idem-" + keys.incrementAndGet());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    AutumnClientConfig.Builder config() {
        return AutumnClientConfig.builder()
                .baseUrl(server.url("/v1").toString())
                .secretKey(KEY)
                .clock(clock)
                .listener(events)
                .jitter(() -> 0.5);
    }

    /** Replaces the client with one built from {@code config}. */
    void use(AutumnClientConfig.Builder config) {
        client.close();
        client = new AutumnHttpClient(config.build(), () -> "idem-" + keys.incrementAndGet());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    /** The next request to {@code route}, skipping others. */
    RecordedRequest take(String route) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            RecordedRequest request = take();
            if (request.getUrl().encodedPath().equals(route)) {
                return request;
            }
        }
        throw new AssertionError("no request to " + route);
    }

    static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(Json.parse(expected)));
    }

    static void assertHeaders(RecordedRequest request, boolean idempotent) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("X-API-Version")).isEqualTo("2.3.0");
        assertThat(request.getHeaders().get("User-Agent")).matches("autumn-catalog/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        if (request.getMethod().equals("POST")) {
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        }
        if (idempotent) {
            assertThat(request.getHeaders().get("Idempotency-Key")).startsWith("idem-");
        } else {
            assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
        }
    }

    static JsonNode createdRich() {
        return Recordings.load(RICH).stream()
                .filter(e -> e.path().equals("/v1/catalog.update"))
                .findFirst()
                .orElseThrow()
                .responseBody();
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.path("id")
                    .asText(node.path("feature_id").asText(node.path("plan_id").asText())))) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
