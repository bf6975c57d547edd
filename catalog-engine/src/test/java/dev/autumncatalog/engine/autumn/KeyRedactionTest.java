package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The secret key never appears in an exception (message, toString, causes, stack trace), a listener event or a
 * {@code toString()}: every error case of the suite is provoked with a distinctive key, even answers that echo it.
 */
class KeyRedactionTest {
    private static final String SECRET = "LeakCanaryZq7Xw9Vb3Nm5Kj2Hg4Fd6Sa8Pl1Ok0Ij";
    private static final String KEY = "am_sk_test_" + SECRET;
    /** Any key-shaped text that shows more than its environment prefix. */
    private static final Pattern KEY_SHAPED = Pattern.compile("am_sk_(test|live)_[A-Za-z0-9*]");

    private MockWebServer server;
    private final Routes routes = new Routes();
    private AutumnHttpClient client;
    private final List<String> texts = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = Loopback.start(routes);
        ClientListener listener = new ClientListener() {
            @Override
            public void requestSent(RequestEvent event) {
                texts.add(event.toString());
            }

            @Override
            public void responseReceived(ResponseEvent event) {
                texts.add(event.toString());
            }

            @Override
            public void retrying(RetryEvent event) {
                texts.add(event.toString());
            }
        };
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(server.url("/v1").toString())
                .secretKey(KEY)
                .clock(new FakeClock())
                .listener(listener)
                .maxRetries(1)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void everyErrorCase_noTextCarriesTheKey() throws Exception {
        List<Throwable> thrown = new ArrayList<>();

        // Every recorded error answer (one retry for 5xx).
        for (Exchange exchange : RecordedErrorsTest.recordedErrors().toList()) {
            if (exchange.status() >= 500) {
                routes.next(Responses.recorded(exchange));
            }
            thrown.add(RecordedErrorsTest.provoke(client, routes, exchange));
        }
        // Answers that echo the key, in JSON and in plain text.
        routes.on("/v1/features.list", Responses.error(401, "invalid_secret_key", "Invalid secret key: " + KEY));
        thrown.add(catchThrowable(client::fetchCatalog));
        routes.on(
                "/v1/features.list",
                Responses.error(401, "invalid_secret_key", "Invalid secret key: am_sk_test_Leak************"));
        thrown.add(catchThrowable(client::fetchCatalog));
        for (int i = 0; i < 2; i++) {
            routes.next(new MockResponse.Builder()
                    .code(500)
                    .body("<html>upstream said Bearer " + KEY + "</html>")
                    .build());
        }
        thrown.add(catchThrowable(() -> client.planHasCustomers("pro")));
        // Rate limited, no answer, an answer that is not JSON, a malformed answer.
        routes.next(Responses.tooMany(3600));
        thrown.add(catchThrowable(() -> client.featureUsage("x")));
        routes.next(Responses.reset());
        routes.next(Responses.reset());
        thrown.add(catchThrowable(() -> client.featureUsage("x")));
        routes.next(Responses.json(200, "not json " + KEY));
        thrown.add(catchThrowable(() -> client.featureUsage("x")));
        routes.next(Responses.json(200, "{\"name\": \"no id\"}"));
        thrown.add(catchThrowable(() -> client.createFeature(Catalogs.SSO)));
        // A create that failed ambiguously and found something else.
        routes.next(Responses.reset());
        routes.next(Responses.ok(Json.parse("{\"id\":\"pro\",\"name\":\"Pro\",\"items\":[]}")));
        thrown.add(catchThrowable(() -> client.createPlan(Catalogs.PRO)));
        // Nobody listening.
        int port = server.getPort();
        server.close();
        AutumnHttpClient offline = new AutumnHttpClient(client.config()
                .newBuilder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .build());
        thrown.add(catchThrowable(offline::fetchCatalog));
        texts.add(offline.toString());
        offline.close();
        texts.add(client.toString());
        texts.add(client.config().toString());
        texts.add(client.config().newBuilder().toString());

        assertThat(thrown).hasSizeGreaterThan(90).doesNotContainNull().allMatch(t -> t instanceof AutumnApiException);
        for (Throwable t : thrown) {
            texts.addAll(describe(t));
        }
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 8));
            assertThat(KEY_SHAPED.matcher(text).find()).as(text).isFalse();
        }
    }

    /** Message, toString and stack trace of a throwable and every cause and suppressed one. */
    private static List<String> describe(Throwable root) {
        List<String> result = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> queue = new ArrayList<>(List.of(root));
        while (!queue.isEmpty()) {
            Throwable t = queue.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            result.add(String.valueOf(t.getMessage()));
            result.add(t.toString());
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            result.add(trace.toString());
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(List.of(t.getSuppressed()));
        }
        return result;
    }
}
