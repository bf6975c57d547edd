package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers the client must not trust: too long, not JSON, missing promised fields, redirects. */
class ResponseLimitsTest {
    private MockWebServer server;
    private AutumnClient autumn;

    @BeforeEach
    void start() throws Exception {
        server = Loopback.start();
        autumn = new TestClients()
                .builder(server)
                .maxResponseBytes(4096)
                .checkAttempts(1)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String longJson(int bytes) {
        return "{\"id\":\"c1\",\"padding\":\"" + "x".repeat(bytes) + "\"}";
    }

    @Test
    void declaredLengthOverTheLimit_refusedWithoutReading() throws Exception {
        server.enqueue(Responses.json(200, longJson(10_000)));

        assertThatThrownBy(() -> autumn.customer("c1"))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(4096);
                    assertThat(e.status()).isEqualTo(200);
                })
                .hasMessage("Tried to get customer 'c1', but Autumn answered 200: the answer is longer than the 4096"
                        + " bytes the client reads [POST /v1/customers.get]. raise maxResponseBytes(...) on the builder"
                        + " if such answers are expected");
    }

    @Test
    void chunkedOverTheLimit_stoppedAtTheLimit() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .chunkedBody(longJson(1_000_000), 1024)
                .build());

        assertThatThrownBy(() -> autumn.customer("c1")).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void tooLargeCheckAnswer_failsOpen() throws Exception {
        server.enqueue(Responses.json(200, longJson(10_000)));

        CheckResult result = autumn.check("c1", MeteredFeature.of("api_calls"));

        assertThat(result.allowed()).isTrue();
        assertThat(result.degradation().cause()).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void redirect_notFollowed() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "https://elsewhere.example/v1/customers.get")
                .build());

        assertThatThrownBy(() -> autumn.customer("c1"))
                .isInstanceOfSatisfying(
                        AutumnApiException.class, e -> assertThat(e.status()).isEqualTo(302))
                .hasMessage("Tried to get customer 'c1', but Autumn answered 302: a redirect to"
                        + " https://elsewhere.example/v1/customers.get [POST /v1/customers.get]. the client does not"
                        + " follow redirects (they would carry the secret key elsewhere); set baseUrl(...) to the API's"
                        + " own address");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void notJson_typedResponseError() throws Exception {
        server.enqueue(Responses.json(200, "<html>Bad gateway</html>"));

        assertThatThrownBy(() -> autumn.entity("c1", "u1"))
                .isExactlyInstanceOf(AutumnResponseException.class)
                .hasMessageContaining("Autumn answered 200: the answer is not JSON [POST /v1/entities.get]");
    }

    @Test
    void missingPromisedField_namesItsPath() throws Exception {
        server.enqueue(Responses.json(200, "{\"name\":\"C One\"}"));
        server.enqueue(Responses.json(
                200,
                "{\"id\":\"c1\",\"created_at\":1,\"balances\":{\"api_calls\":{\"feature_id\":\"api_calls\","
                        + "\"granted\":\"100\"}}}"));

        assertThatThrownBy(() -> autumn.customer("c1"))
                .isInstanceOf(AutumnResponseException.class)
                .hasMessageContaining(": the answer does not have the shape of API 2.3.0: answer.id is missing");
        assertThatThrownBy(() -> autumn.customer("c1"))
                .isInstanceOf(AutumnResponseException.class)
                .hasMessageContaining("answer.balances.api_calls.granted is a string, not a number");
    }
}
