package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that echo the secret key (in Autumn's error message, an HTML page, a plain-text 429, a garbled 200, and in
 * remote content the plan quotes) during a whole plan and push: the key reaches no exception, event, plan text or JSON,
 * push report or listener. The fault matrix checks the same over every fault it plays; this adds the echoes.
 */
class SecretEchoTest {
    private AutumnSandbox sandbox;
    private AutumnHttpClient client;
    private final Canary canary = new Canary();

    @BeforeEach
    void start() {
        sandbox = AutumnSandbox.builder().secretKeys(Canary.KEY).start();
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .secretKey(Canary.KEY)
                .clock(new NoSleepClock())
                .listener(canary.clientListener())
                .maxRetries(1)
                .build());
        PushScenario.seed(sandbox, client);
        sandbox.clearRequests();
    }

    @AfterEach
    void stop() {
        canary.add(client.toString());
        canary.add(client.config().toString());
        client.close();
        sandbox.close();
        canary.assertNoLeak();
    }

    @Test
    void errorsEchoingTheKey_duringPlanAndPush_leaveNoTrace() {
        String echo = "Invalid secret key: " + Canary.KEY + " (Bearer " + Canary.KEY + ")";
        // Bound to routes, not request numbers: planning asks its live questions concurrently, in no fixed order.
        sandbox.faults()
                .nextOn("/v1/features.list", Fault.error(500, "internal_error", echo))
                .nextOn("/v1/plans.list", new Fault.Respond(502, "text/html", "<html>" + echo + "</html>", Map.of()))
                .nextOn(
                        "/v1/plans.has_customers",
                        new Fault.Respond(429, "text/plain", echo, Map.of("Retry-After", "1")))
                .nextOn(
                        "/v1/features/old_flag/deletion_info",
                        new Fault.Respond(200, "application/json", "{\"id\": \"" + Canary.KEY, Map.of()))
                .nextOn("/v1/features.update", Fault.error(400, "invalid_inputs", echo));
        CatalogSync sync = new CatalogSync(client, MAVEN_LIKE);

        Plan plan = sync.plan(PushScenario.TARGET, PushScenario.OPTIONS);
        canary.add(plan);
        Throwable failure = catchThrowable(
                () -> sync.push(plan, PushOptions.batch().withParallelism(1).withListener(canary.pushListener())));

        assertThat(failure).isInstanceOf(PushFailedException.class);
        canary.add(failure);
        canary.add(((PushFailedException) failure).result());
        assertThat(failure.getMessage())
                .contains("Autumn answered 400 invalid_inputs: Invalid secret key: <redacted> (Bearer <redacted>)");
    }

    @Test
    void remoteContentQuotingTheKey_isScrubbedFromThePlan() throws Exception {
        ObjectNode plans = plansList();
        for (JsonNode plan : plans.get("list")) {
            if ("starter".equals(plan.get("id").asText())) {
                ((ObjectNode) plan).putObject("metadata").put("token", Canary.KEY);
            }
        }
        sandbox.faults()
                .nextOn("/v1/plans.list", new Fault.Respond(200, "application/json", plans.toString(), Map.of()));

        Plan plan = new CatalogSync(client, MAVEN_LIKE).plan(PushScenario.TARGET, PushScenario.OPTIONS);
        canary.add(plan);

        assertThat(plan.warnings())
                .extracting(Object::toString)
                .contains("plan starter: has what the DSL cannot express, kept by every update: metadata"
                        + " {\"token\":\"<redacted>\"}");
    }

    private ObjectNode plansList() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/plans.list"))
                .header("Authorization", "Bearer " + Canary.KEY)
                .header("X-API-Version", "2.3.0")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"include_archived\":true,\"all_versions\":false}"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        return (ObjectNode) new ObjectMapper().readTree(body);
    }
}
