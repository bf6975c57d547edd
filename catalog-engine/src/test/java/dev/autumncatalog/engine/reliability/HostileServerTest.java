package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.engine.reliability.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.autumncatalog.engine.autumn.AutumnAnswerTooLargeException;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnDeadlineException;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.AutumnRateLimitException;
import dev.autumncatalog.engine.autumn.AutumnTransportException;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.autumn.ClientSetting;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.pull.PullOptions;
import dev.autumncatalog.engine.pull.PullRequest;
import dev.autumncatalog.engine.pull.PullService;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.report.PlanRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that misbehave on purpose, on 127.0.0.1 (and 127.0.0.2), written with plain sockets: a body that trickles,
 * no answer at all, a body larger than anyone should read, the key echoed in every text field and in error answers, a
 * partial list, a redirect to another host, odd {@code Retry-After} values, a connection reset mid-body. Each case
 * asserts what the user sees, word for word, and that the key appears in no exception, event, plan or pulled file
 * ({@link Canary}).
 */
class HostileServerTest {
    private static final String FEATURES = "/v1/features.list";
    private static final String PLANS = "/v1/plans.list";
    private static final String EMPTY = "{\"list\": []}";

    private final Canary canary = new Canary();
    private final NoSleepClock clock = new NoSleepClock();
    private HostileServer server;
    private HostileServer other;
    private AutumnHttpClient client;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            canary.add(client.toString());
            client.close();
        }
        for (HostileServer s : new HostileServer[] {server, other}) {
            if (s != null) {
                s.close();
            }
        }
        canary.assertNoLeak();
    }

    private void serve(Function<HostileServer.Request, HostileServer.Script> scripts) throws IOException {
        server = new HostileServer("127.0.0.1", scripts);
    }

    /** A client for the server, with the canary key, a clock that does not sleep, and {@code options}. */
    private AutumnHttpClient client(Consumer<AutumnClientConfig.Builder> options) {
        AutumnClientConfig.Builder config = AutumnClientConfig.builder()
                .baseUrl(server.baseUrl())
                .secretKey(Canary.KEY)
                .clock(clock)
                .jitter(() -> 0.5)
                .listener(canary.clientListener());
        options.accept(config);
        client = new AutumnHttpClient(config.build());
        return client;
    }

    private Throwable plan() {
        Throwable failure =
                catchThrowable(() -> new CatalogSync(client).plan(PushScenario.TARGET, PushScenario.OPTIONS));
        canary.add(failure);
        return failure;
    }

    /** The base URL as messages show it: without its path, which could hold anything. */
    private String base() {
        return HttpUrl.get(server.baseUrl() + "/").redact();
    }

    private long count(String path) {
        return server.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    // ------------------------------------------------------------------ deadlines

    @Test
    void tricklingBody_endsAtTheRequestDeadline_althoughEveryReadIsQuick() throws Exception {
        serve(request -> HostileServer.trickle(1_000_000, 50));
        client(c -> c.requestTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(10))
                .maxRetries(1));

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(30), this::plan);

        assertThat(failure)
                .isInstanceOfSatisfying(AutumnDeadlineException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.REQUEST_TIMEOUT);
                    assertThat(e.limit()).isEqualTo(Duration.ofSeconds(1));
                })
                .hasMessage("POST /v1/features.list failed without an answer: no complete answer within 1 s"
                        + " (requestTimeout); the server at " + base() + " accepted the request but did not finish"
                        + " answering; if it is only slow, raise requestTimeout");
        assertThat(count(FEATURES)).as("tried, and retried once").isEqualTo(2);
    }

    @Test
    void noAnswer_endsAtTheRequestDeadline() throws Exception {
        serve(request -> HostileServer.silence());
        client(c -> c.requestTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofSeconds(10))
                .maxRetries(0));

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(30), this::plan);

        assertThat(failure)
                .isInstanceOf(AutumnDeadlineException.class)
                .hasMessage("POST /v1/features.list failed without an answer: no complete answer within 500 ms"
                        + " (requestTimeout); the server at " + base() + " accepted the request but did not finish"
                        + " answering; if it is only slow, raise requestTimeout");
    }

    @Test
    void failingEveryTime_endsAtTheCallDeadline_retriesIncluded() throws Exception {
        serve(request -> json(503, "{\"code\": \"service_unavailable\", \"message\": \"try later\"}"));
        client(c -> c.callTimeout(Duration.ofSeconds(2)).maxRetries(10));

        Throwable failure = catchThrowable(() -> client.featureUsage("old_flag"));
        canary.add(failure);

        assertThat(failure)
                .isInstanceOfSatisfying(AutumnDeadlineException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.CALL_TIMEOUT);
                    assertThat(e.waited()).isEqualTo(Duration.ofMillis(1_125));
                })
                .hasMessage("GET /v1/features/old_flag/deletion_info (old_flag) failed without an answer: gave up"
                        + " after 1.1 s and 3 attempts, the deadline of one call (callTimeout = 2 s, retries"
                        + " included); the last attempt: GET /v1/features/old_flag/deletion_info (old_flag) answered"
                        + " 503 service_unavailable: try later; check the network and the base URL " + base()
                        + "; raise callTimeout to wait longer");
        assertThat(clock.slept())
                .as("375 ms, 750 ms; the next 1.5 s would pass the deadline")
                .isEqualTo(Duration.ofMillis(1_125));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void nothingCompletingAcrossCalls_endsAtTheStallDeadline_thenEveryCallFailsAtOnce() throws Exception {
        serve(request -> json(503, "{\"code\": \"service_unavailable\", \"message\": \"try later\"}"));
        client(c -> c.callTimeout(Duration.ofSeconds(2))
                .stallTimeout(Duration.ofSeconds(3))
                .requestsPerSecond(1_000_000) // no pacing waits on the fake clock: only the backoffs count
                .maxRetries(10));

        for (String feature : List.of("a", "b")) {
            assertThat(catchThrowable(() -> client.featureUsage(feature)))
                    .isInstanceOfSatisfying(
                            AutumnDeadlineException.class,
                            e -> assertThat(e.setting()).isEqualTo(ClientSetting.CALL_TIMEOUT));
        }
        Throwable third = catchThrowable(() -> client.featureUsage("c"));
        int sent = server.requests().size();
        Throwable fourth = catchThrowable(() -> client.featureUsage("d"));
        canary.add(third);
        canary.add(fourth);

        assertThat(third)
                .isInstanceOfSatisfying(AutumnDeadlineException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.STALL_TIMEOUT);
                    assertThat(e.limit()).isEqualTo(Duration.ofSeconds(3));
                })
                .hasMessageStartingWith("GET /v1/features/c/deletion_info (c) failed without an answer: no request"
                        + " to Autumn completed for 2.6 s (stallTimeout = 3 s); the last attempt: ")
                .hasMessageEndingWith("; Autumn is not answering; nothing more is sent. Check the network and the base"
                        + " URL " + base() + "; raise stallTimeout to wait longer");
        assertThat(fourth)
                .isInstanceOfSatisfying(
                        AutumnDeadlineException.class,
                        e -> assertThat(e.setting()).isEqualTo(ClientSetting.STALL_TIMEOUT));
        assertThat(server.requests())
                .as("the stalled client sends nothing more")
                .hasSize(sent);
    }

    // ------------------------------------------------------------------ size

    @Test
    void hugeBodyAnnounced_isNotRead_notRetried_notMalformed() throws Exception {
        serve(request -> request.path().equals(FEATURES)
                ? (socket, out) -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n"
                                    + "{\"list\": [")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
                : json(200, EMPTY));
        client(c -> {});

        Throwable failure = plan();

        assertThat(failure)
                .isInstanceOfSatisfying(AutumnAnswerTooLargeException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.MAX_ANSWER_BYTES);
                    assertThat(e.limitBytes()).isEqualTo(64L * 1024 * 1024);
                })
                .hasMessage("POST /v1/features.list answered 200: the answer announces 1024 MiB, more than the 64 MiB"
                        + " this client reads (maxAnswerBytes); it was not read, and the request was not repeated;"
                        + " the plans.list of a 5,000-plan catalog is about 18 MB; raise maxAnswerBytes only for a"
                        + " catalog that large, else check the base URL " + base());
        assertThat(count(FEATURES)).isEqualTo(1);
    }

    @Test
    void hugeBodyStreamed_readingStopsAtTheLimit_notRetried() throws Exception {
        serve(request -> request.path().equals(FEATURES) ? HostileServer.endlessList() : json(200, EMPTY));
        client(c -> c.maxAnswerBytes(1024 * 1024));

        Throwable failure = plan();

        assertThat(failure)
                .isInstanceOf(AutumnAnswerTooLargeException.class)
                .hasMessageStartingWith("POST /v1/features.list answered 200: the answer passed the 1 MiB this client"
                        + " reads (maxAnswerBytes); reading stopped at 1.")
                .hasMessageContaining(" MiB, and the request was not repeated;");
        assertThat(count(FEATURES)).isEqualTo(1);
        assertThat(server.written())
                .as("the server could only fill the socket buffers beyond what was read")
                .isLessThan(16L * 1024 * 1024);
    }

    // ------------------------------------------------------------------ the key

    @Test
    void keyEchoedInEveryTextFieldOfFeaturesAndPlans_reachesNoPlanNoEventNoPulledFile() throws Exception {
        String key = Canary.KEY;
        String features = "{\"list\": ["
                + "{\"id\": \"api_calls\", \"name\": \"API " + key + "\", \"type\": \"metered\", \"consumable\": true,"
                + " \"event_names\": [\"" + key + "\"], \"display\": {\"singular\": \"" + key + "\"}, \"" + key
                + "\": \"" + key + "\"},"
                + "{\"id\": \"sso\", \"name\": \"SSO\", \"type\": \"boolean\", \"created_at\": \"" + key + "\"},"
                + "{\"id\": \"" + key + "\", \"name\": \"" + key + "\", \"type\": \"" + key + "\"},"
                + "{\"id\": \"credits\", \"name\": \"Credits\", \"type\": \"credit_system\", \"credit_schema\":"
                + " [{\"metered_feature_id\": \"" + key + "\", \"credit_cost\": 1}]}"
                + "]}";
        String plans = "{\"list\": ["
                + "{\"id\": \"free\", \"name\": \"" + key + "\", \"description\": \"" + key + "\", \"group\": \""
                + key + "\", \"metadata\": {\"token\": \"" + key + "\"}, \"config\": {\"" + key + "\": true},"
                + " \"variants\": [\"" + key + "\"], \"licenses\": \"" + key + "\", \"version\": 1,"
                + " \"items\": [{\"feature_id\": \"api_calls\", \"included\": 5, \"reset\": {\"interval\": \"month\"},"
                + " \"display\": {\"primary_text\": \"" + key + "\"}, \"" + key + "\": 1}],"
                + " \"free_trial\": {\"duration_length\": 7, \"duration_type\": \"day\", \"card_required\": true,"
                + " \"on_end\": \"" + key + "\"}},"
                + "{\"id\": \"" + key + "\", \"name\": \"" + key + "\", \"items\": [{\"feature_id\": \"" + key
                + "\"}]}"
                + "]}";
        serve(request -> {
            switch (request.path()) {
                case FEATURES:
                    return json(200, features);
                case PLANS:
                    return json(200, plans);
                case "/v1/plans.has_customers":
                    return json(
                            200,
                            "{\"current_version\": 1, \"will_version\": false, \"archived\": false," + " \"note\": \""
                                    + key + "\"}");
                default:
                    return json(
                            200, "{\"hasCusProducts\": false, \"totalCount\": 0, \"productName\": \"" + key + "\"}");
            }
        });
        client(c -> {});

        Plan plan = new CatalogSync(client).plan(PushScenario.TARGET, PushScenario.OPTIONS.withAllowRemovals(true));
        canary.add(plan);
        Path out = dir.resolve("pulled");
        Throwable pulled = catchThrowable(
                () -> new PullService().pull(client, PullRequest.of(PullOptions.of("com.acme.pricing"), out)));
        if (pulled != null) {
            canary.add(pulled);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                canary.add(Files.readString(file));
            }
        }

        assertThat(PlanRenderer.render(plan))
                .contains("""
                          ~ plan free
                              name: "<redacted>" → "Free forever"
                        """)
                .contains("      description: \"<redacted>\" → none\n")
                .contains("  ! plan free: has what the DSL cannot express, kept by every update: config.<redacted> ="
                        + " true; metadata {\"token\":\"<redacted>\"}; licenses \"<redacted>\"\n")
                .contains("  - plan <redacted>  (delete: it has no customers)\n")
                .contains("  ! feature <redacted>: has what the DSL cannot express, removed with it: unknown feature"
                        + " type '<redacted>'\n");
        assertThat(pulled).as("pull writes what it can, the key nowhere").isNull();
        RemotePlan free = client.fetchCatalog().plan("free").orElseThrow();
        assertThat(String.join("\n", free.unsupported()) + "\n" + String.join("\n", free.kept()))
                .contains("metadata {\"token\":\"<redacted>\"}")
                .contains("config.<redacted> = true")
                .contains("item api_calls: unknown field '<redacted>' = 1")
                .contains("free trial on_end = \"<redacted>\"");
        assertThat(client.fetchCatalog().plan("free").orElseThrow().model().name())
                .isEqualTo("<redacted>");
        assertThat(client.fetchCatalog()
                        .feature("api_calls")
                        .orElseThrow()
                        .model()
                        .name())
                .isEqualTo("API <redacted>");
        assertThat(canary.size()).isGreaterThan(10);
    }

    @Test
    void errorAnswersEchoingTheKey_areScrubbedInWhatTheUserReads() throws Exception {
        String key = Canary.KEY;
        serve(request -> {
            switch (request.path()) {
                case "/v1/features/json/deletion_info":
                    return json(
                            400,
                            "{\"code\": \"invalid_inputs\", \"message\": \"Invalid secret key: " + key + " (Bearer "
                                    + key + ")\"}");
                case "/v1/features/html/deletion_info":
                    return HostileServer.answer(502, "text/html", "<html>upstream said Bearer " + key + "</html>");
                case "/v1/features/text/deletion_info":
                    return HostileServer.answer(
                            429, "text/plain", "Too many requests from " + key, "Retry-After: 3600");
                case "/v1/features/status/deletion_info":
                    return HostileServer.raw("HTTP/1.1 2OO " + key + "\r\n\r\n");
                case "/v1/features/location/deletion_info":
                    return HostileServer.answer(
                            302, "text/plain", "moved", "Location: https://evil.example/v1?key=" + key);
                default:
                    return json(404, "{}");
            }
        });
        client(c -> c.maxRetries(0));

        assertThat(usage("json"))
                .hasMessage(
                        "GET /v1/features/json/deletion_info (json) answered 400 invalid_inputs: Invalid secret key:"
                                + " <redacted> (Bearer <redacted>)");
        assertThat(usage("html"))
                .hasMessage("GET /v1/features/html/deletion_info (html) answered 502: <html>upstream said Bearer"
                        + " <redacted></html>");
        assertThat(usage("text"))
                .isInstanceOf(AutumnRateLimitException.class)
                .hasMessage("GET /v1/features/text/deletion_info (text) answered 429: Too many requests from"
                        + " <redacted>; Autumn asked to wait 1 h, longer than this client waits (1 min); run again"
                        + " later");
        assertThat(usage("status"))
                .isInstanceOf(AutumnTransportException.class)
                .hasMessage("GET /v1/features/status/deletion_info (status) failed without an answer:"
                        + " java.net.ProtocolException: Unexpected status line: HTTP/1.1 2OO <redacted>; check the"
                        + " network and the base URL " + base());
        assertThat(usage("location"))
                .hasMessage("GET /v1/features/location/deletion_info (location) answered 302: moved; a redirect to"
                        + " https://evil.example/v1?key=<redacted>, which the client does not follow: the key would go"
                        + " along; if the new address is Autumn's, set the base URL to it (now " + base() + ")");
    }

    private Throwable usage(String feature) {
        Throwable failure = catchThrowable(() -> client.featureUsage(feature));
        canary.add(failure);
        return failure;
    }

    // ------------------------------------------------------------------ lists, redirects, Retry-After, resets

    @Test
    void partialList_isRefused_nothingPlanned() throws Exception {
        serve(request -> request.path().equals(PLANS)
                ? json(
                        200,
                        "{\"list\": [{\"id\": \"free\", \"name\": \"Free\"}], \"has_more\": true,"
                                + " \"next_cursor\": \"page-2\"}")
                : json(200, EMPTY));
        client(c -> {});

        assertThat(plan())
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessage("POST /v1/plans.list answered 200: partial list: the answer is one page of a longer list of"
                        + " plans (has_more: true, next_cursor: \"page-2\"); planning against part of the catalog would"
                        + " create again what exists and never remove what it did not see; Autumn's 2.3.0 catalog"
                        + " lists are whole; the server at " + base() + " sent a page, which this client does not"
                        + " follow yet. Nothing was planned or written");
        assertThat(count(PLANS)).as("not retried").isEqualTo(1);
    }

    @Test
    void redirectToAnotherLoopbackHost_isNotFollowed_noAuthorizationReachesIt() throws Exception {
        other = new HostileServer("127.0.0.2", request -> json(200, EMPTY));
        serve(request -> HostileServer.answer(
                307,
                "text/plain",
                "elsewhere",
                "Location: " + other.baseUrl() + request.path().substring(3)));
        client(c -> {});

        Throwable failure = plan();

        assertThat(failure)
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessage("POST /v1/features.list answered 307: elsewhere; a redirect to " + other.baseUrl()
                        + "/features.list, which the client does not follow: the key would go along; if the new"
                        + " address is Autumn's, set the base URL to it (now " + base() + ")");
        assertThat(other.requests())
                .as("nothing, with or without Authorization, reached 127.0.0.2")
                .isEmpty();
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + Canary.KEY));
    }

    @Test
    void redirectOnTheSameHost_isNotFollowedEither() throws Exception {
        serve(request -> request.path().equals("/v1/features/x/deletion_info")
                ? HostileServer.answer(308, "text/plain", "moved", "Location: /v2/features/x/deletion_info")
                : json(200, "{\"productName\": null, \"totalCount\": 0}"));
        client(c -> c.maxRetries(4));

        assertThat(usage("x")).hasMessageContaining("answered 308: moved; a redirect to /v2/features/x/deletion_info,");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retryAfter_anHour_failsAtOnce_negativeIsNow_garbageIsBackoff() throws Exception {
        int[] calls = new int[1];
        serve(request -> {
            String path = request.path();
            if (path.contains("/hour/")) {
                return HostileServer.answer(429, "text/plain", "Too many requests", "Retry-After: 3600");
            }
            if (calls[0]++ % 2 == 0) {
                String value = path.contains("/negative/") ? "-30" : "soon, maybe";
                return HostileServer.answer(429, "text/plain", "Too many requests", "Retry-After: " + value);
            }
            return json(200, "{\"productName\": null, \"totalCount\": 0}");
        });
        List<ClientListener.RetryEvent> retries = new ArrayList<>();
        ClientListener events = canary.clientListener();
        client(c -> c.listener(new ClientListener() {
            @Override
            public void requestSent(RequestEvent event) {
                events.requestSent(event);
            }

            @Override
            public void retrying(RetryEvent event) {
                events.retrying(event);
                retries.add(event);
            }
        }));

        assertThat(usage("hour"))
                .isInstanceOf(AutumnRateLimitException.class)
                .hasMessage("GET /v1/features/hour/deletion_info (hour) answered 429: Too many requests; Autumn asked"
                        + " to wait 1 h, longer than this client waits (1 min); run again later");
        assertThat(count("/v1/features/hour/deletion_info")).isEqualTo(1);
        assertThat(retries).isEmpty();

        assertThat(client.featureUsage("negative")).isEqualTo(new FeatureUsage(null, 0));
        assertThat(client.featureUsage("garbage")).isEqualTo(new FeatureUsage(null, 0));

        assertThat(retries)
                .extracting(ClientListener.RetryEvent::toString)
                .containsExactly(
                        "GET /v1/features/negative/deletion_info (negative) attempt 1 failed (429), retrying in 0 ms",
                        "GET /v1/features/garbage/deletion_info (garbage) attempt 1 failed (429), retrying in 375 ms");
    }

    @Test
    void connectionResetMidBody_isRetriedAsNoAnswer_thenSaysSo() throws Exception {
        serve(request -> request.path().equals(FEATURES)
                ? HostileServer.resetMidBody(1000, "{\"list\": [{\"id\": \"api")
                : json(200, EMPTY));
        client(c -> c.maxRetries(1));

        Throwable failure = plan();

        assertThat(failure)
                .isExactlyInstanceOf(AutumnTransportException.class)
                .hasMessage("POST /v1/features.list failed without an answer: java.net.SocketException: Connection"
                        + " reset; check the network and the base URL " + base());
        assertThat(count(FEATURES)).as("a read: tried again once").isEqualTo(2);
    }

    @Test
    void plainHttp_offLoopback_isRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> AutumnClientConfig.builder()
                        .secretKey(Canary.KEY)
                        .baseUrl("http://api.useautumn.com/v1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Autumn base URL 'http://api.useautumn.com/...' uses plain http, which would send the"
                        + " secret key unencrypted; use https, or http only on loopback (127.0.0.1, ::1, localhost)");
    }
}
