package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Responses.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error answer the real Autumn gave in the recordings becomes the right typed exception, with its data. */
class RecordedErrorsTest {
    private MockWebServer server;
    private final Routes routes = new Routes();
    private AutumnHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = Loopback.start(routes);
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(server.url("/v1").toString())
                .secretKey(KEY)
                .clock(new FakeClock())
                .maxRetries(0)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Every non-2xx exchange of the 2.x recordings, and of the 1.2 edge cases (error shapes are version-free). */
    static Stream<Exchange> recordedErrors() {
        return Stream.of(Recordings.ERRORS, Recordings.RPC, Recordings.REST, Recordings.VERSIONING, Recordings.EDGE_1_2)
                .flatMap(file -> Recordings.load(file).stream())
                .filter(exchange -> !exchange.ok());
    }

    /** The typed exception for a status and code: the contract of {@link AutumnHttpClient}. */
    static Class<? extends AutumnApiException> expectedType(int status, String code) {
        if (status == 401 && "no_auth_header".equals(code)) {
            return AutumnApiException.class; // an unknown route, not a bad key
        }
        if (status == 401 || status == 403) {
            return AutumnAuthException.class;
        }
        if (status == 404) {
            return AutumnNotFoundException.class;
        }
        if (status == 409 || "product_already_exists".equals(code)) {
            return AutumnConflictException.class;
        }
        if (status == 429) {
            return AutumnRateLimitException.class;
        }
        if (status >= 500) {
            return AutumnServerException.class;
        }
        return AutumnApiException.class;
    }

    static AutumnApiException provoke(AutumnHttpClient client, Routes routes, Exchange exchange) {
        routes.next(Responses.recorded(exchange));
        List<String> segments = new ArrayList<>(
                Arrays.asList(exchange.path().substring("/v1/".length()).split("/")));
        ObjectNode body = exchange.requestBody().isObject() ? (ObjectNode) exchange.requestBody() : null;
        Op op = Op.of(exchange.method(), segments, "some_id", body);
        Throwable thrown = catchThrowable(() -> client.read(op));
        assertThat(thrown).as(exchange.label()).isInstanceOf(AutumnApiException.class);
        return (AutumnApiException) thrown;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedErrors")
    void recordedError_becomesTypedException(Exchange exchange) {
        AutumnApiException e = provoke(client, routes, exchange);

        String code = exchange.responseBody().path("code").asText(null);
        assertThat(e).as(exchange.label()).isExactlyInstanceOf(expectedType(exchange.status(), code));
        assertThat(e.status()).isEqualTo(exchange.status());
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.method()).isEqualTo(exchange.method());
        assertThat(e.route()).isEqualTo(exchange.path());
        assertThat(e.entityId()).isEqualTo("some_id");
        String message = exchange.responseBody().path("message").asText();
        assertThat(e.autumnMessage())
                .isEqualTo(message.replaceAll("am_sk_test_[A-Za-z0-9*]+", "am_sk_test_<redacted>"));
        assertThat(e.getMessage())
                .startsWith(exchange.method() + " " + exchange.path() + " (some_id) answered " + exchange.status() + " "
                        + code + ": ");
    }

    @Test
    void recordedErrors_coverEveryKind() {
        List<Exchange> errors = recordedErrors().toList();
        assertThat(errors).hasSizeGreaterThanOrEqualTo(80);
        List<Class<?>> types = new ArrayList<>();
        errors.forEach(e ->
                types.add(expectedType(e.status(), e.responseBody().path("code").asText(null))));
        assertThat(types)
                .contains(
                        AutumnApiException.class,
                        AutumnAuthException.class,
                        AutumnNotFoundException.class,
                        AutumnConflictException.class,
                        AutumnServerException.class);
    }

    @Test
    void namedCases() {
        assertCase(
                Recordings.ERRORS,
                "plan_item_unknown_feature",
                AutumnNotFoundException.class,
                404,
                "feature_not_found");
        assertCase(
                Recordings.ERRORS, "duplicate_plan_id", AutumnConflictException.class, 400, "product_already_exists");
        assertCase(
                Recordings.ERRORS, "duplicate_feature_id", AutumnConflictException.class, 409, "duplicate_feature_id");
        assertCase(Recordings.ERRORS, "unknown_rpc_method", AutumnApiException.class, 401, "no_auth_header");
        assertCase(Recordings.ERRORS, "get_plan_rpc_via_get", AutumnApiException.class, 401, "no_auth_header");
        assertCase(Recordings.ERRORS, "unlimited_with_price", AutumnServerException.class, 500, "invalid_inputs");
        assertCase(
                Recordings.ERRORS,
                "plans_update_new_plan_id_taken",
                AutumnServerException.class,
                500,
                "internal_error");
        assertCase(Recordings.ERRORS, "invalid_api_version", AutumnApiException.class, 400, "invalid_api_version");
        assertCase(
                Recordings.ERRORS,
                "features_update_new_feature_id_taken",
                AutumnConflictException.class,
                409,
                "duplicate_feature_id");
        assertCase(Recordings.EDGE_1_2, "wrong_api_key", AutumnAuthException.class, 401, "invalid_secret_key");
        assertCase(Recordings.EDGE_1_2, "missing_authorization", AutumnAuthException.class, 401, "no_secret_key");
        assertCase(Recordings.RPC, "features_delete_used", AutumnConflictException.class, 409, "invalid_request");
        assertCase(
                Recordings.VERSIONING,
                "plans_delete_latest_has_customers",
                AutumnApiException.class,
                400,
                "invalid_request");
        assertCase(
                Recordings.VERSIONING,
                "plans_update_conflicting_flags",
                AutumnApiException.class,
                400,
                "conflicting_version_flags");
    }

    private void assertCase(
            String file, String caseName, Class<? extends AutumnApiException> type, int status, String code) {
        AutumnApiException e = provoke(client, routes, Recordings.byCase(file, caseName));
        assertThat(e).as(caseName).isExactlyInstanceOf(type);
        assertThat(e.status()).as(caseName).isEqualTo(status);
        assertThat(e.code()).as(caseName).isEqualTo(code);
    }

    @Test
    void throughTheApi_createPlanWithUnknownFeature_notFoundNamingThePlan() {
        routes.next(Responses.recorded(Recordings.byCase(Recordings.ERRORS, "plan_item_unknown_feature")));

        Throwable e = catchThrowable(() -> client.createPlan(Catalogs.PRO));

        assertThat(e)
                .isInstanceOf(AutumnNotFoundException.class)
                .hasMessage(
                        "POST /v1/plans.create (pro) answered 404 feature_not_found: Feature does_not_exist not found");
        assertThat(server.getRequestCount()).as("a 4xx is never retried").isEqualTo(1);
    }
}
