package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the Authorization header back in every place an answer can carry text: error messages and
 * codes, plain-text 429s, 5xx, redirects, unreadable 200s, the features.list a string-id track needs. The key, its
 * body alone, and anything shaped like a key must appear in no exception (message, fields, stack trace with causes), no
 * result and no log line, at any level.
 */
class SecretLeakTest {
    private static final String KEY = TestClients.KEY;
    private static final String BODY = KEY.substring("am_sk_test_".length());
    private static final Pattern KEY_SHAPE = Pattern.compile("am_(sk|pk)_(test|live)_[A-Za-z0-9]");

    private MockWebServer server;
    private AutumnClient autumn;
    private final List<String> texts = new ArrayList<>();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger(AutumnClient.class.getName());
    private Level previousLevel;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record.getMessage() + (record.getThrown() == null ? "" : trace(record.getThrown())));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    /** Echoes the key in each route's own way. */
    private static final class Echo extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String auth = request.getHeaders().get("Authorization");
            String key = auth.substring("Bearer ".length());
            String masked = key.substring(0, 15) + "****";
            String body = key.substring("am_sk_test_".length());
            switch (request.getUrl().encodedPath()) {
                case "/v1/balances.check":
                    return Responses.json(
                            503,
                            "{\"message\":\"upstream refused " + auth + "\",\"code\":\"" + key
                                    + "\",\"env\":\"sandbox\"}");
                case "/v1/balances.track":
                    return Responses.json(500, "{\"message\":\"key " + body + " failed\",\"code\":\"internal_error\"}");
                case "/v1/customers.get":
                    return new MockResponse.Builder()
                            .code(429)
                            .setHeader("Retry-After", "60")
                            .body("Too many requests for " + auth)
                            .build();
                case "/v1/entities.get":
                    return new MockResponse.Builder()
                            .code(302)
                            .setHeader("Location", "https://evil.example/login?key=" + key)
                            .build();
                case "/v1/customers.get_or_create":
                    return Responses.json(200, "<html>welcome " + key + "</html>");
                case "/v1/features.list":
                    return Responses.json(
                            401,
                            "{\"message\":\"Invalid secret key " + masked
                                    + "\",\"code\":\"invalid_secret_key\",\"env\":\"sandbox\"}");
                case "/v1/billing.attach":
                    return Responses.json(
                            400,
                            "{\"message\":\"key prefix " + key.substring(0, 14)
                                    + "… cannot attach\",\"code\":\"invalid_request\"}");
                default:
                    return Responses.json(200, "{\"customer_id\":" + "\"" + key + "\"}");
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = Loopback.start(new Echo());
        autumn = new TestClients().builder(server).build();
        previousLevel = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.setUseParentHandlers(false);
        capture.setLevel(Level.ALL);
        jul.addHandler(capture);
    }

    @AfterEach
    void stop() {
        jul.removeHandler(capture);
        jul.setLevel(previousLevel);
        jul.setUseParentHandlers(true);
        server.close();
    }

    @Test
    void echoedKey_appearsNowhere() {
        CheckResult degraded = autumn.check("c1", MeteredFeature.of("api_calls"));
        texts.add(degraded.toString());
        texts.add(trace(degraded.degradation().cause()));
        record(() -> autumn.check(CheckRequest.of("c1", "api_calls").failurePolicy(CheckFailurePolicy.THROW)));
        record(() -> autumn.track("c1", MeteredFeature.of("api_calls"), 1));
        record(() -> autumn.track("c1", "api_calls", 1));
        record(() -> autumn.customer("c1"));
        record(() -> autumn.entity("c1", "u1"));
        record(() -> autumn.getOrCreateCustomer("c1"));
        record(() -> autumn.attach("c1", "pro"));
        texts.add(autumn.toString());

        assertThat(texts).hasSize(10);
        assertThat(logs)
                .as("fail-open warnings, retries and undelivered tracks were logged")
                .hasSizeGreaterThan(5);
        List<String> everything = new ArrayList<>(texts);
        everything.addAll(logs);
        for (String text : everything) {
            assertThat(text).doesNotContain(KEY).doesNotContain(BODY).doesNotContain(BODY.substring(0, 12));
            assertThat(KEY_SHAPE.matcher(text).find())
                    .as("key-shaped text in: %s", text)
                    .isFalse();
        }
        // The echoes were there to scrub: the redaction marks show where.
        assertThat(String.join("\n", texts)).contains("am_sk_test_<redacted>").contains("<redacted>");
    }

    @Test
    void redaction_unit() {
        SecretKey key = SecretKey.parse(KEY);

        assertThat(Redaction.scrub("a " + KEY + " b " + BODY + " c am_sk_live_" + "Other123 d am_pk_test_xyz", key))
                .isEqualTo("a <redacted> b <redacted> c am_sk_live_<redacted> d am_pk_test_<redacted>");
        assertThat(Redaction.scrubShapes("masked am_sk_test_Zq8R**** seen"))
                .isEqualTo("masked am_sk_test_<redacted> seen");
        assertThat(Redaction.scrubShapes("prefix am_sk_test_… only")).isEqualTo("prefix am_sk_test_… only");
        assertThat(Redaction.scrub(null, key)).isNull();
    }

    private void record(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (AutumnException e) {
            texts.add(String.join(
                    "\n",
                    e.getMessage(),
                    String.valueOf(e.detail()),
                    String.valueOf(e.code()),
                    String.valueOf(e.hint()),
                    e.attempted(),
                    trace(e)));
        }
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
