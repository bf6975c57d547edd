package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertAnswer;
import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport of the sandbox: binding, labelling, auth, routing, version header, request log, latency. */
class AutumnSandboxTest {
    private AutumnSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = AutumnSandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void start_bindsLoopbackOnAFreePort_andBaseUrlEndsInV1() {
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/v1");
        assertThat(sandbox.secretKey())
                .isEqualTo(AutumnSandbox.DEFAULT_SECRET_KEY)
                .startsWith("am_sk_test_");
        assertThat(sandbox.stateFile()).isNull();
    }

    @Test
    void builder_port_bindsThatPort() throws Exception {
        int free;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            free = socket.getLocalPort();
        }
        try (AutumnSandbox fixed = AutumnSandbox.builder().port(free).start()) {
            assertThat(fixed.baseUrl()).isEqualTo("http://127.0.0.1:" + free + "/v1");
            assertThat(new SandboxHttp(fixed).post("/v1/features.list", "{}").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void everyAnswer_saysItIsATestDouble() {
        SandboxHttp.Answer ok = http.post("/v1/features.list", "{}");
        SandboxHttp.Answer error = http.header("Authorization", null).post("/v1/features.list", "{}");
        SandboxHttp.Answer unknown = http.get("/nowhere");
        for (SandboxHttp.Answer answer : List.of(ok, error, unknown)) {
            assertThat(answer.headers().firstValue("X-Autumn-Sandbox")).hasValue("local test double, not Autumn");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @Test
    void auth_missingHeader_is401NoSecretKey() {
        assertError(
                http.header("Authorization", null).post("/v1/plans.list", "{}"),
                401,
                "no_secret_key",
                "Secret key not found in Authorization header");
    }

    @Test
    void auth_notBearer_is401NoSecretKey() {
        assertError(
                http.header("Authorization", "Basic " + sandbox.secretKey()).post("/v1/plans.list", "{}"),
                401,
                "no_secret_key",
                "Secret key not found in Authorization header");
    }

    @Test
    void auth_wrongKey_is401InvalidSecretKey_withTheKeyMasked() {
        assertError(
                http.header("Authorization", "Bearer am_sk_test_wrongwrongwrong")
                        .post("/v1/plans.list", "{}"),
                401,
                "invalid_secret_key",
                "Invalid secret key: am_sk_test_wron***********");
    }

    @Test
    void auth_acceptsEveryConfiguredKey() {
        try (AutumnSandbox twoKeys = AutumnSandbox.builder()
                .secretKeys("am_sk_test_one", "am_sk_test_two")
                .start()) {
            SandboxHttp client = new SandboxHttp(twoKeys);
            assertThat(twoKeys.secretKey()).isEqualTo("am_sk_test_one");
            assertThat(client.post("/v1/features.list", "{}").status()).isEqualTo(200);
            assertThat(client.header("Authorization", "Bearer am_sk_test_two")
                            .post("/v1/features.list", "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(client.header("Authorization", "Bearer " + AutumnSandbox.DEFAULT_SECRET_KEY)
                            .post("/v1/features.list", "{}")
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void rpc_getOnRpcPath_is401NoAuthHeader_likeTheRealServer() {
        assertError(http.get("/v1/plans.list"), 401, "no_auth_header", "Unauthorized - no session found");
    }

    @Test
    void rpc_unknownMethod_is401NoAuthHeader_evenWithAValidKey() {
        assertError(http.post("/v1/plans.nope", "{}"), 401, "no_auth_header", "Unauthorized - no session found");
    }

    @Test
    void realRoutesTheSandboxDoesNotServe_are501_andSaySo() {
        SandboxHttp.Answer answer = http.post("/v1/customers.list", "{}");
        assertThat(answer.status()).isEqualTo(501);
        assertThat(answer.code()).isEqualTo("sandbox_not_implemented");
        assertThat(answer.message())
                .contains("test double, not Autumn")
                .contains("customers.list")
                .contains("autumn-sandbox/README.md");
        assertThat(http.post("/v1/catalog.update", "{}").status()).isEqualTo(501);
    }

    @Test
    void apiVersion_unparseable_is400InvalidApiVersion() {
        assertError(
                http.header("X-API-Version", "abc").post("/v1/plans.list", "{}"),
                400,
                "invalid_api_version",
                "\"abc\" is not a valid API version");
        assertError(
                http.header("X-API-Version", "9.0.0").post("/v1/plans.list", "{}"),
                400,
                "invalid_api_version",
                "\"9.0.0\" is not a valid API version");
    }

    @Test
    void apiVersion_olderShapes_areRefusedRatherThanFaked() {
        SandboxHttp.Answer answer = http.header("X-API-Version", "1.2.0").post("/v1/plans.list", "{}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("sandbox_unsupported_api_version");
        assertThat(answer.message()).contains("2.1.0 to 2.3.0");
    }

    @Test
    void apiVersion_missingOr21_answersThe23Shapes() {
        assertAnswer(http.header("X-API-Version", null).post("/v1/plans.list", "{}"), 200, "{\"list\":[]}");
        assertAnswer(http.header("X-API-Version", "2.1.0").post("/v1/plans.list", "{}"), 200, "{\"list\":[]}");
    }

    @Test
    void body_notJson_isTreatedAsEmpty_soTheSchemaListsTheMissingFields() {
        assertError(
                http.post("/v1/plans.create", "{\"plan_id\": \"x\", \"name\": "),
                400,
                "invalid_inputs",
                "[Validation Errors] plan_id: must be a string (received undefined); name: must be a string"
                        + " (received undefined)");
    }

    @Test
    void requestLog_countsEveryRequest_withMethodPathAndBody() {
        http.post("/v1/features.list", "{}");
        http.header("Idempotency-Key", "k-1")
                .post("/v1/features.create", "{\"feature_id\":\"a\",\"name\":\"A\",\"type\":\"boolean\"}");
        http.header("Authorization", null).get("/v1/products?all_versions=true");

        assertThat(sandbox.requestCount()).isEqualTo(3);
        List<RecordedRequest> requests = sandbox.requests();
        assertThat(requests)
                .extracting(RecordedRequest::line)
                .containsExactly(
                        "POST /v1/features.list", "POST /v1/features.create", "GET /v1/products?all_versions=true");
        assertThat(requests.get(1).body()).isEqualTo("{\"feature_id\":\"a\",\"name\":\"A\",\"type\":\"boolean\"}");
        assertThat(requests.get(1).idempotencyKey()).isEqualTo("k-1");
        assertThat(requests.get(1).apiVersion()).isEqualTo("2.3.0");
        assertThat(requests.get(2).number()).isEqualTo(3);
        assertThat(requests.get(2).body()).isEmpty();

        sandbox.clearRequests();
        assertThat(sandbox.requestCount()).isZero();
        http.post("/v1/features.list", "{}");
        assertThat(sandbox.requests().get(0).number()).isEqualTo(1);
    }

    @Test
    void latency_delaysEveryAnswer() {
        sandbox.latency(Duration.ofMillis(50));
        long start = System.nanoTime();
        http.post("/v1/features.list", "{}");
        http.post("/v1/plans.list", "{}");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(100);

        sandbox.latency(Duration.ZERO);
        try (AutumnSandbox slow =
                AutumnSandbox.builder().latency(Duration.ofMillis(50)).start()) {
            long t0 = System.nanoTime();
            new SandboxHttp(slow).post("/v1/features.list", "{}");
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void idempotencyKey_reusedWhileHeld_is409_andFreedAfterAFailure() {
        SandboxHttp keyed = http.header("Idempotency-Key", "same");
        String feature = "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false}";
        assertThat(keyed.post("/v1/features.create", feature).status()).isEqualTo(200);
        assertError(
                keyed.post("/v1/features.create", feature),
                409,
                "duplicate_idempotency_key",
                "Another request with idempotency key same has already been received");

        SandboxHttp other = http.header("Idempotency-Key", "other");
        assertThat(other.post("/v1/features.get", "{\"feature_id\":\"nope\"}").status())
                .isEqualTo(404);
        assertThat(other.post("/v1/features.get", "{\"feature_id\":\"seats\"}").status())
                .isEqualTo(200);
    }

    @Test
    void addCustomer_unknownPlan_failsNamingThePlans() {
        http.post("/v1/plans.create", "{\"plan_id\":\"free\",\"name\":\"Free\"}");
        assertThatThrownBy(() -> sandbox.addCustomer("fre"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sandbox has no plan 'fre'; plans: [free]");
        assertThatThrownBy(() -> sandbox.addCustomer("free", 2, "Ann"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan 'free' has no version 2; latest is 1");
    }

    @Test
    void clearCatalog_forgetsFeaturesPlansAndCustomers() {
        http.post("/v1/features.create", "{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}");
        http.post("/v1/plans.create", "{\"plan_id\":\"free\",\"name\":\"Free\"}");
        sandbox.addCustomer("free");
        sandbox.clearCatalog();
        assertAnswer(http.post("/v1/features.list", "{}"), 200, "{\"list\":[]}");
        assertAnswer(http.post("/v1/plans.list", "{}"), 200, "{\"list\":[]}");
        assertThat(sandbox.customerCount("free")).isZero();
    }
}
