package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sandbox with the catalog of the real server's balance recording (50-balances): {@code api_calls} (consumable,
 * event {@code api.request}), {@code ai_tokens} (consumable, only through credits), {@code exports} (unlimited),
 * {@code seats} (continuous use), {@code sso} and {@code premium} (booleans), {@code credits} (credit system: api_calls
 * 1, ai_tokens 0.01); plan {@code free} (auto-enable, group main): api_calls 100/month, credits 50/month, seats 3, sso,
 * exports unlimited. Its base clock stands still at {@link #START}, so timestamps in answers are exact.
 */
final class RunTimeFixture implements AutoCloseable {
    /** 2027-01-31T10:00:00Z: a month end, so monthly resets show Autumn's clamping. */
    static final long START = Instant.parse("2027-01-31T10:00:00Z").toEpochMilli();

    final AtomicLong base = new AtomicLong(START);
    final AutumnSandbox sandbox;
    final SandboxHttp http;

    RunTimeFixture() {
        sandbox = AutumnSandbox.builder().clock(base::get).start();
        http = new SandboxHttp(sandbox);
        ok(
                "/v1/features.create",
                "{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\","
                        + "\"consumable\":true,\"event_names\":[\"api.request\"]}");
        ok(
                "/v1/features.create",
                "{\"feature_id\":\"ai_tokens\",\"name\":\"AI Tokens\",\"type\":\"metered\"," + "\"consumable\":true}");
        ok(
                "/v1/features.create",
                "{\"feature_id\":\"exports\",\"name\":\"Exports\",\"type\":\"metered\"," + "\"consumable\":true}");
        ok(
                "/v1/features.create",
                "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\"," + "\"consumable\":false}");
        ok("/v1/features.create", "{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}");
        ok("/v1/features.create", "{\"feature_id\":\"premium\",\"name\":\"Premium\",\"type\":\"boolean\"}");
        ok(
                "/v1/features.create",
                "{\"feature_id\":\"credits\",\"name\":\"Credits\",\"type\":\"credit_system\","
                        + "\"credit_schema\":[{\"metered_feature_id\":\"api_calls\",\"credit_cost\":1},"
                        + "{\"metered_feature_id\":\"ai_tokens\",\"credit_cost\":0.01}]}");
        ok(
                "/v1/plans.create",
                "{\"plan_id\":\"free\",\"name\":\"Free\",\"group\":\"main\",\"auto_enable\":true,"
                        + "\"items\":[{\"feature_id\":\"api_calls\",\"included\":100,\"reset\":{\"interval\":\"month\"}},"
                        + "{\"feature_id\":\"credits\",\"included\":50,\"reset\":{\"interval\":\"month\"}},"
                        + "{\"feature_id\":\"seats\",\"included\":3},{\"feature_id\":\"sso\"},"
                        + "{\"feature_id\":\"exports\",\"unlimited\":true}]}");
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** Posts and expects 200. */
    JsonNode ok(String path, String body) {
        SandboxHttp.Answer answer = http.post(path, body);
        assertThat(answer.status())
                .as(path + " " + body + " → " + answer.body())
                .isEqualTo(200);
        return answer.json();
    }

    JsonNode customer(String id) {
        return ok("/v1/customers.get_or_create", "{\"customer_id\":\"" + id + "\"}");
    }

    JsonNode check(String body) {
        return ok("/v1/balances.check", body);
    }

    JsonNode track(String body) {
        return ok("/v1/balances.track", body);
    }

    /** The {@code balance} of {@code feature} a customer-level check of 1 reports. */
    JsonNode balance(String customer, String feature) {
        return check("{\"customer_id\":\"" + customer + "\",\"feature_id\":\"" + feature + "\"}")
                .get("balance");
    }

    /** Status and body, the body compared structurally with generated ids masked (timestamps are exact). */
    static void assertAnswer(SandboxHttp.Answer answer, int status, String expectedJson) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertJson(answer.json(), expectedJson);
    }

    static void assertJson(JsonNode actual, String expectedJson) {
        assertThat(RecordingReplay.canonical(maskIds(actual)))
                .isEqualTo(RecordingReplay.canonical(maskIds(JsonAssert.read(expectedJson))));
    }

    private static JsonNode maskIds(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : List.of("id", "balance_id", "entitlement_id", "price_id")) {
                JsonNode value = object.get(field);
                if (value != null && value.isTextual() && value.textValue().matches("(cus_ent|cus_prod|ent|pr)_.*")) {
                    object.put(field, "<id>");
                }
            }
            object.forEach(RunTimeFixture::mask);
        } else if (node.isArray()) {
            node.forEach(RunTimeFixture::mask);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
