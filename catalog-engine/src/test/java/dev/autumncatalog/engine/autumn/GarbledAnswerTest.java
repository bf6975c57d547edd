package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Responses.KEY;
import static dev.autumncatalog.engine.autumn.Responses.error;
import static dev.autumncatalog.engine.autumn.Responses.json;
import static dev.autumncatalog.engine.autumn.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx whose JSON arrives cut or corrupted: reads are retried, writes are treated as ambiguous (re-read, then repeat
 * only what did not apply). A 2xx that is not JSON at all still fails at once. Found by the fault matrix
 * ({@code engine.reliability}): a create Autumn applied was reported as failed when its answer arrived truncated.
 */
class GarbledAnswerTest {
    private static final String SSO_JSON = "{\"id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\",\"consumable\":false,"
            + "\"event_names\":[],\"archived\":false}";
    private static final String TRUNCATED = SSO_JSON.substring(0, SSO_JSON.length() / 2);

    private MockWebServer server;
    private final Routes routes = new Routes();
    private Responses.Events events;
    private AutumnHttpClient client;
    private final AtomicInteger keys = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = Loopback.start(routes);
        events = new Responses.Events();
        client = new AutumnHttpClient(
                AutumnClientConfig.builder()
                        .baseUrl(server.url("/v1").toString())
                        .secretKey(KEY)
                        .clock(new FakeClock())
                        .listener(events)
                        .jitter(() -> 0.5)
                        .build(),
                () -> "idem-" + keys.incrementAndGet());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private List<String> lines(int count) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            lines.add(request.getRequestLine() + " " + request.getHeaders().get("Idempotency-Key"));
        }
        return lines;
    }

    @Test
    void read_truncatedJson_isRetried() {
        routes.on("/v1/features.list", json(200, "{\"list\":[{\"id\":\"sso\",\"na"));
        routes.on("/v1/features.list", ok(Json.parse("{\"list\":[" + SSO_JSON + "]}")));
        routes.on("/v1/plans.list", ok(Json.parse("{\"list\":[]}")));

        RemoteCatalog remote = client.fetchCatalog();

        assertThat(remote.features()).extracting(RemoteFeature::id).containsExactly("sso");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(events.retries())
                .singleElement()
                .hasToString("POST /v1/features.list attempt 1 failed (200 with a garbled JSON answer), retrying in"
                        + " 375 ms");
    }

    @Test
    void read_htmlWith200_failsAtOnce_notAutumnsApi() {
        routes.next(json(200, "<html><body>Welcome to nginx!</body></html>"));

        assertThatThrownBy(() -> client.featureUsage("sso"))
                .isInstanceOf(AutumnApiException.class)
                .hasMessage(
                        "GET /v1/features/sso/deletion_info (sso) answered 200: <html><body>Welcome to nginx!</body>"
                                + "</html>; the answer is not JSON; the server at "
                                + server.url("/v1/").redact()
                                + " may not be Autumn's API");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void read_garbledEveryTime_failsAfterTheRetries_sayingSo() {
        for (int i = 0; i < 5; i++) {
            routes.next(json(200, "{\"productName\": nu"));
        }

        assertThatThrownBy(() -> client.featureUsage("sso"))
                .isInstanceOf(AutumnApiException.class)
                .hasMessageContaining("answered 200: {\"productName\": nu; the answer is cut or corrupted JSON; run"
                        + " again, and if it persists, the server at");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void create_truncatedAnswer_reReadFindsItAsSent_returnsItWithoutResending() throws Exception {
        routes.next(json(200, TRUNCATED));
        routes.next(ok(Json.parse(SSO_JSON)));

        RemoteFeature created = client.createFeature(Catalogs.SSO);

        assertThat(created.model()).isEqualTo(Catalogs.SSO);
        assertThat(lines(2))
                .containsExactly("POST /v1/features.create HTTP/1.1 idem-1", "POST /v1/features.get HTTP/1.1 null");
    }

    @Test
    void create_garbledAnswer_reReadFindsNothing_resendsWithTheSameIdempotencyKey() throws Exception {
        routes.next(json(200, "{\"id\": \"broken\", \"name\": <html>"));
        routes.next(error(404, "feature_not_found", "Feature sso not found"));
        routes.next(ok(Json.parse(SSO_JSON)));

        RemoteFeature created = client.createFeature(Catalogs.SSO);

        assertThat(created.model()).isEqualTo(Catalogs.SSO);
        assertThat(lines(3))
                .containsExactly(
                        "POST /v1/features.create HTTP/1.1 idem-1",
                        "POST /v1/features.get HTTP/1.1 null",
                        "POST /v1/features.create HTTP/1.1 idem-1");
    }

    @Test
    void delete_truncatedAnswer_reReadSays404_done() throws Exception {
        routes.next(json(200, "{\"succes"));
        routes.next(error(404, "feature_not_found", "Feature sso not found"));

        client.deleteFeature("sso");

        assertThat(lines(2))
                .containsExactly("POST /v1/features.delete HTTP/1.1 null", "POST /v1/features.get HTTP/1.1 null");
    }
}
