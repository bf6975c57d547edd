package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.Planner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 on a real Autumn server (tag {@code real-autumn}, off by default; {@code -Preal-autumn}): each catalog is
 * pushed the way {@code atmn} pushes it, raw 2.x JSON ({@code catalog.update} at {@code X-API-Version: 2.2.0}, then
 * {@code features.update}/{@code plans.update} to archive), into a fresh org; then pulled with the engine's client at
 * 2.3.0, written as Java, compiled, validated, and planned against the same server: every one must plan empty. The
 * real server answers items in its own order (priced first), not in the order sent. Results in docs/REAL-SERVER.md.
 */
@Tag("real-autumn")
class RealServerCatalogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> catalogs() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String file :
                List.of("10-atmn1-push-seed.jsonl", "12-atmn1-push-rich.jsonl", "16-atmn1-push-rich-v2.jsonl")) {
            cases.add(Arguments.of(file, List.of(recordedCatalogUpdate(file))));
        }
        // The shapes of issue 13, as atmn writes them.
        cases.add(Arguments.of(
                "issue-13-shapes",
                List.of(
                        """
                {"features": [
                  {"feature_id": "api_calls", "name": "API Calls", "type": "metered", "consumable": true,
                   "event_names": ["api.request", "api.batch"]},
                  {"feature_id": "tokens", "name": "Tokens", "type": "metered", "consumable": true},
                  {"feature_id": "seats", "name": "Seats", "type": "metered", "consumable": false},
                  {"feature_id": "sso", "name": "SSO", "type": "boolean"},
                  {"feature_id": "legacy_meter", "name": "Legacy meter", "type": "metered", "consumable": true}],
                 "plans": [
                  {"plan_id": "free", "name": "Free", "licenses": [], "group": "", "add_on": false, "auto_enable": true,
                   "price": null, "free_trial": null, "items": [
                    {"feature_id": "api_calls", "unlimited": true, "reset": {"interval": "month"}},
                    {"feature_id": "tokens", "included": 0},
                    {"feature_id": "sso", "entity_feature_id": "seats"}]},
                  {"plan_id": "pro", "name": "Pro", "licenses": [], "group": "", "add_on": false, "auto_enable": false,
                   "price": {"amount": 20, "interval": "month"}, "free_trial": null, "items": [
                    {"feature_id": "tokens", "included": 1000, "reset": {"interval": "month"}},
                    {"feature_id": "tokens", "price": {"amount": 5, "interval": "month", "billing_units": 1000,
                     "billing_method": "prepaid"}, "reset": {"interval": "month"}},
                    {"feature_id": "api_calls", "included": 100, "reset": {"interval": "month"},
                     "rollover": {"max": 50, "expiry_duration_type": "month", "expiry_duration_length": 1}},
                    {"feature_id": "seats", "included": 2}]},
                  {"plan_id": "old", "name": "Old", "licenses": [], "group": "", "add_on": false, "auto_enable": false,
                   "price": {"amount": 5, "interval": "month"}, "free_trial": null, "items": [
                    {"feature_id": "legacy_meter", "included": 10, "reset": {"interval": "month"}}]}],
                 "rewards": [], "referral_programs": [], "skip_deletions": false, "skip_feature_ids": [],
                 "skip_plan_ids": []}""",
                        "features.update {\"feature_id\": \"legacy_meter\", \"archived\": true}",
                        "plans.update {\"plan_id\": \"old\", \"archived\": true}")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogs")
    void atmnShapedCatalog_pulled_compilesValidatesAndPlansEmpty(String name, List<String> requests) throws Exception {
        String url = setting("autumn.real.url", "AUTUMN_REAL_URL", "http://127.0.0.1:8090/v1");
        String key = newOrg();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(); // as atmn: the server hangs on the JDK h2c upgrade
        for (String request : requests) {
            String route = request.startsWith("{") ? "catalog.update" : request.substring(0, request.indexOf(' '));
            String body = request.startsWith("{") ? request : request.substring(request.indexOf(' ') + 1);
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/" + route))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .header("X-API-Version", "2.2.0") // as atmn sends it
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as("%s %s: %s", name, route, answer.body())
                    .isEqualTo(200);
        }

        try (AutumnHttpClient client = new AutumnHttpClient(
                AutumnClientConfig.builder().baseUrl(url).secretKey(key).build())) {
            RemoteCatalog remote = client.fetchCatalog();
            remote.features()
                    .forEach(f -> assertThat(f.unsupported()).as(f.id()).isEmpty());
            remote.plans().forEach(p -> assertThat(p.unsupported()).as(p.id()).isEmpty());
            PulledSource pulled = CatalogSourceWriter.write(remote, new PullOptions("real", "Pulled", true));
            Path work = Files.createTempDirectory("real-pull");
            Catalog catalog = PulledSourceCompiler.define(pulled, work);
            String source = pulled.files().get(0).toString();
            assertThat(catalog.validate()).as(source).isEmpty();
            Plan plan = new Planner().plan(catalog, remote, PlanOptions.defaults("real", false));
            assertThat(plan.changes()).as(source).isEmpty();
            assertThat(plan.warnings()).as(source).isEmpty();
            System.out.println(
                    "[real-server] " + name + ": " + remote.features().size() + " features, "
                            + remote.plans().size() + " plans pulled, valid, plan empty");
        }
    }

    private static String recordedCatalogUpdate(String file) throws IOException {
        // the recordings are on the class path (the sandbox's test jar), as for every replay test
        String text;
        try (java.io.InputStream in =
                RealServerCatalogsTest.class.getResourceAsStream("/autumn-api/exchanges-2x/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode exchange = JSON.readTree(line);
            if (exchange.path("path").asText().equals("/v1/catalog.update")) {
                return exchange.get("request_body").toString();
            }
        }
        throw new IllegalStateException("no catalog.update in " + file);
    }

    private static String newOrg() throws IOException, InterruptedException {
        String script = setting("autumn.real.newOrg", "AUTUMN_REAL_NEW_ORG", "/tmp/autumn-server/new-org.sh");
        Process process =
                new ProcessBuilder("bash", script).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as("new-org.sh").isZero();
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
