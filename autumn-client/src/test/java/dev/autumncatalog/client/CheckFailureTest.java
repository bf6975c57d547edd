package dev.autumncatalog.client;

import static dev.autumncatalog.client.Recordings.answer;
import static dev.autumncatalog.client.Recordings.byCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a check answers when Autumn cannot: the policies, the deadline over the whole exchange, and the retry. */
class CheckFailureTest {
    private static final String CHECK =
            byCase("basics/check_initial").get("response_body").toString();
    private static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");

    private MockWebServer server;
    private TestClients test;

    @BeforeEach
    void start() throws Exception {
        server = Loopback.start();
        test = new TestClients();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tricklingBody_deadlineCoversTheBody_failsOpenAtTheDeadline() throws Exception {
        // Headers at once, then the body at 20 bytes a second: a headers-only timeout would wait half a minute.
        try (TricklingServer trickling = new TricklingServer(CHECK, 1, 1)) {
            AutumnClient autumn = test.builder(server)
                    .baseUrl(trickling.base())
                    .timeout(Duration.ofMillis(500))
                    .build();
            assertThat(autumn.check("c1", API_CALLS).degraded())
                    .as("warm-up, answered whole")
                    .isFalse();

            long start = System.nanoTime();
            CheckResult result = autumn.check("c1", API_CALLS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("gave up at the deadline, not after the body").isLessThan(Duration.ofSeconds(3));
            assertThat(result.allowed()).isTrue();
            assertThat(result.degraded()).isTrue();
            assertThat(result.balance()).isNull();
            assertThat(result.degradation().cause())
                    .isInstanceOfSatisfying(
                            AutumnTimeoutException.class,
                            e -> assertThat(e.deadline()).isEqualTo(Duration.ofMillis(500)))
                    .hasMessage("Tried to check 'api_calls' for customer 'c1', but no complete answer came within"
                            + " 500ms [POST /v1/balances.check]. raise the deadline with timeout(...) on the builder or"
                            + " the request if Autumn is slow from here");
            assertThat(result.degradation().reason()).startsWith("failed open (allowed): Tried to check 'api_calls'");
            assertThat(trickling.requests).as("no retry past the deadline").hasValue(2);

            // The abandoned exchange does not hold the client back: the next check is answered whole.
            assertThat(autumn.check("c1", API_CALLS).degraded()).isFalse();
            assertThat(trickling.requests).hasValue(3);
        }
    }

    @Test
    void perCallTimeout_overridesTheClients() throws Exception {
        try (TricklingServer trickling = new TricklingServer(CHECK, 0, 1)) {
            AutumnClient autumn = test.builder(server).baseUrl(trickling.base()).build();

            CheckResult result = autumn.check(CheckRequest.of("c1", API_CALLS).timeout(Duration.ofMillis(200)));

            assertThat(((AutumnTimeoutException) result.degradation().cause()).deadline())
                    .isEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void failClosed_notAllowedAndDegraded() throws Exception {
        server.enqueue(Responses.error(503, "internal_error", "down"));
        server.enqueue(Responses.error(503, "internal_error", "down"));
        AutumnClient autumn = test.builder(server)
                .checkFailurePolicy(CheckFailurePolicy.FAIL_CLOSED)
                .build();

        CheckResult result = autumn.check("c1", API_CALLS);

        assertThat(result.allowed()).isFalse();
        assertThat(result.degraded()).isTrue();
        assertThat(result.degradation().cause()).isInstanceOf(AutumnServerException.class);
        assertThat(result.degradation().reason()).startsWith("failed closed (not allowed): ");
    }

    @Test
    void perCallPolicy_overridesTheClients() throws Exception {
        server.enqueue(Responses.error(500, "internal_error", "boom"));
        server.enqueue(Responses.error(500, "internal_error", "boom"));
        AutumnClient autumn = test.client(server);

        assertThatThrownBy(() -> autumn.check(CheckRequest.of("c1", API_CALLS).failurePolicy(CheckFailurePolicy.THROW)))
                .isInstanceOfSatisfying(AutumnServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("internal_error");
                    assertThat(e.detail()).isEqualTo("boom");
                });
    }

    @Test
    void serverErrorThenAnswer_retriedWithinTheDeadline() throws Exception {
        server.enqueue(Responses.error(500, "internal_error", "boom"));
        server.enqueue(answer(byCase("basics/check_initial")));
        AutumnClient autumn = test.client(server);

        CheckResult result = autumn.check("c1", API_CALLS);

        assertThat(result.degraded()).isFalse();
        assertThat(result.allowed()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(test.waits).containsExactly(Duration.ofMillis(75));
    }

    @Test
    void droppedConnectionThenAnswer_retried() throws Exception {
        server.enqueue(Responses.dropAfterRequest());
        server.enqueue(answer(byCase("basics/check_initial")));
        AutumnClient autumn = test.client(server);

        assertThat(autumn.check("c1", API_CALLS).degraded()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimited_waitsRetryAfterThenAnswers() throws Exception {
        server.enqueue(Responses.rateLimited("1"));
        server.enqueue(answer(byCase("basics/check_initial")));
        AutumnClient autumn = test.client(server);

        assertThat(autumn.check("c1", API_CALLS).degraded()).isFalse();
        assertThat(test.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitedBeyondTheDeadline_failsOpenWithThe429() throws Exception {
        server.enqueue(Responses.rateLimited("8"));
        AutumnClient autumn = test.client(server);

        CheckResult result = autumn.check("c1", API_CALLS);

        assertThat(result.allowed()).isTrue();
        assertThat(result.degradation().cause()).isInstanceOfSatisfying(AutumnRateLimitException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(8));
            assertThat(e.detail()).isEqualTo("Too many requests, please try again later.");
            assertThat(e.code()).isNull();
        });
        assertThat(test.waits).as("an 8 s wait does not fit the 5 s deadline").isEmpty();
    }

    @Test
    void connectionRefused_failsOpenWithTransportCause() throws Exception {
        AutumnClient autumn = test.client(server);
        server.close();

        CheckResult result = autumn.check("c1", API_CALLS);

        assertThat(result.allowed()).isTrue();
        assertThat(result.degradation().cause())
                .isExactlyInstanceOf(AutumnTransportException.class)
                .hasMessageContaining("but the exchange failed: java.net.ConnectException");
    }

    @Test
    void unknownCustomer_thrownWhateverThePolicy() throws Exception {
        server.enqueue(answer(byCase("errors/err_unknown_customer")));
        AutumnClient autumn = test.client(server);

        assertThatThrownBy(() -> autumn.check("nobody", API_CALLS))
                .isInstanceOfSatisfying(AutumnNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("customer_not_found");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void badKey_thrownAsAuth() throws Exception {
        server.enqueue(Responses.error(401, "invalid_secret_key", "Invalid secret key"));
        AutumnClient autumn = test.client(server);

        assertThatThrownBy(() -> autumn.check("c1", API_CALLS))
                .isInstanceOf(AutumnAuthException.class)
                .hasMessageEndingWith("check the secret key (am_sk_test_… for the sandbox, am_sk_live_… for"
                        + " production) and the base URL");
    }

    @Test
    void autumnAnswered202_resultIsAutumnsButDegraded() throws Exception {
        server.enqueue(Responses.json(202, CHECK));
        AutumnClient autumn = test.client(server);

        CheckResult result = autumn.check("c1", API_CALLS);

        assertThat(result.allowed()).isTrue();
        assertThat(result.balance().remaining()).isEqualByComparingTo("100");
        assertThat(result.degradation().cause()).isNull();
        assertThat(result.degradation().reason())
                .isEqualTo("Autumn answered 202: its service is degraded downstream and it allowed the check"
                        + " fail-open");
    }

    @Test
    void checkThatDeducts_neverRepeated() throws Exception {
        server.enqueue(Responses.error(500, "internal_error", "boom"));
        server.enqueue(answer(byCase("atomic/check_send_event")));
        AutumnClient autumn = test.client(server);

        CheckResult result =
                autumn.check(CheckRequest.of("c1", API_CALLS).requiredBalance(4).sendEvent(true));

        assertThat(result.degraded()).isTrue();
        assertThat(server.getRequestCount()).as("a repeat could deduct twice").isEqualTo(1);
    }

    @Test
    void unreadableAnswer_failsOpen() throws Exception {
        server.enqueue(Responses.json(200, "<html>proxy error</html>"));
        server.enqueue(Responses.json(200, "{\"customer_id\":\"c1\"}"));
        AutumnClient autumn = test.builder(server).checkAttempts(1).build();

        CheckResult notJson = autumn.check("c1", API_CALLS);
        CheckResult noAllowed = autumn.check("c1", API_CALLS);

        assertThat(notJson.degradation().cause())
                .isInstanceOf(AutumnResponseException.class)
                .hasMessage("Tried to check 'api_calls' for customer 'c1', but Autumn answered 200: the answer is not"
                        + " JSON [POST /v1/balances.check]. the server at the base URL may not be Autumn's API");
        assertThat(noAllowed.degradation().cause().detail())
                .isEqualTo("the answer does not have the shape of API 2.3.0: answer.allowed is missing");
    }
}
