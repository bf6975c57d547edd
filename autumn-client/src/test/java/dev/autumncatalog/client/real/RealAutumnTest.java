package dev.autumncatalog.client.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autumncatalog.client.AttachResult;
import dev.autumncatalog.client.AutumnApiException;
import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.AutumnException;
import dev.autumncatalog.client.AutumnNotFoundException;
import dev.autumncatalog.client.Balance;
import dev.autumncatalog.client.BooleanFlag;
import dev.autumncatalog.client.CheckRequest;
import dev.autumncatalog.client.CheckResult;
import dev.autumncatalog.client.CreditSystem;
import dev.autumncatalog.client.Customer;
import dev.autumncatalog.client.CustomerRequest;
import dev.autumncatalog.client.Entity;
import dev.autumncatalog.client.EntityRequest;
import dev.autumncatalog.client.Environment;
import dev.autumncatalog.client.Lock;
import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.client.TrackFailedException;
import dev.autumncatalog.client.TrackOutcome;
import dev.autumncatalog.client.TrackRequest;
import dev.autumncatalog.client.TrackResult;
import dev.autumncatalog.client.WrongFeatureTypeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The client against a real Autumn server on 127.0.0.1, in a fresh org per run (profile {@code real-autumn}, never in
 * the default build). The catalog of the recordings in 50-balances.jsonl is created with raw 2.3.0 calls, then every
 * call of the client runs and is held to what the recordings show. Each test uses its own customer.
 */
@Tag("real-autumn")
class RealAutumnTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: the JDK's default h2c upgrade attempt on plain http gets no answer from the Bun server (it hangs).
    private static final HttpClient RAW =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");
    private static final MeteredFeature AI_TOKENS = MeteredFeature.of("ai_tokens");
    private static final MeteredFeature EXPORTS = MeteredFeature.of("exports");
    private static final MeteredFeature SEATS = MeteredFeature.of("seats");
    private static final BooleanFlag SSO = BooleanFlag.of("sso");
    private static final BooleanFlag PREMIUM = BooleanFlag.of("premium");
    private static final CreditSystem CREDITS = CreditSystem.of("credits");

    private static URI base;
    private static String key;
    private static AutumnClient autumn;
    private static final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void freshOrgWithTheRecordedCatalog() throws Exception {
        base = URI.create(setting("autumn.real.url", "AUTUMN_REAL_URL", "http://127.0.0.1:8090/v1"));
        key = setting("autumn.real.key", "AUTUMN_REAL_KEY", null);
        if (key == null) {
            key = newOrg(setting("autumn.real.newOrg", "AUTUMN_REAL_NEW_ORG", "/tmp/autumn-server/new-org.sh"));
        }
        raw(
                "features.create",
                "{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\","
                        + "\"consumable\":true,\"event_names\":[\"api.request\"]}");
        raw(
                "features.create",
                "{\"feature_id\":\"ai_tokens\",\"name\":\"AI Tokens\",\"type\":\"metered\"," + "\"consumable\":true}");
        raw(
                "features.create",
                "{\"feature_id\":\"exports\",\"name\":\"Exports\",\"type\":\"metered\"," + "\"consumable\":true}");
        raw(
                "features.create",
                "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false}");
        raw("features.create", "{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}");
        raw("features.create", "{\"feature_id\":\"premium\",\"name\":\"Premium\",\"type\":\"boolean\"}");
        raw(
                "features.create",
                "{\"feature_id\":\"credits\",\"name\":\"Credits\",\"type\":\"credit_system\","
                        + "\"credit_schema\":[{\"metered_feature_id\":\"api_calls\",\"credit_cost\":1},"
                        + "{\"metered_feature_id\":\"ai_tokens\",\"credit_cost\":0.01}]}");
        raw(
                "plans.create",
                "{\"plan_id\":\"free\",\"name\":\"Free\",\"group\":\"main\",\"auto_enable\":true,"
                        + "\"items\":[{\"feature_id\":\"api_calls\",\"included\":100,\"reset\":{\"interval\":\"month\"}},"
                        + "{\"feature_id\":\"credits\",\"included\":50,\"reset\":{\"interval\":\"month\"}},"
                        + "{\"feature_id\":\"seats\",\"included\":3},{\"feature_id\":\"sso\"},"
                        + "{\"feature_id\":\"exports\",\"unlimited\":true}]}");
        autumn = AutumnClient.builder()
                .secretKey(key)
                .baseUrl(base)
                .expectEnvironment(Environment.SANDBOX)
                .build();
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String newOrg(String script) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("bash", script).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int status = process.waitFor();
        String[] lines = out.split("\\R");
        String last = lines[lines.length - 1].trim();
        if (status != 0 || !last.startsWith("am_sk_test_")) {
            throw new IllegalStateException("no org key from " + script + " (exit " + status + "): is the real"
                    + " server up? Set AUTUMN_REAL_KEY or -Dautumn.real.key instead");
        }
        return last;
    }

    /** A raw 2.3.0 call for the setup; fails the run on anything but 200. */
    private static JsonNode raw(String rpc, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = RAW.send(rawRequest(rpc, body, null), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(rpc + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpRequest rawRequest(String rpc, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + rpc))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("X-API-Version", "2.3.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    private static String customer(TestInfo test) {
        String id = "c-" + test.getTestMethod().orElseThrow().getName().replaceAll("[^A-Za-z0-9]", "-");
        autumn.getOrCreateCustomer(id);
        return id;
    }

    private static Balance balance(String customer, MeteredFeature feature) {
        return autumn.check(customer, feature).balance();
    }

    private static <T extends AutumnException> T caught(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (AutumnException e) {
            messages.add(e.getMessage());
            assertThat(e).isInstanceOf(type);
            return type.cast(e);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    @Test
    void customers_getOrCreateAttachesTheAutoEnablePlan_secondCallKeepsTheName() {
        Customer created = autumn.getOrCreateCustomer(
                CustomerRequest.of("c-customers").name("C One").email("c1@example.com"));
        Customer again =
                autumn.getOrCreateCustomer(CustomerRequest.of("c-customers").name("Other name"));
        Customer read = autumn.customer("c-customers");

        assertThat(created.subscriptions()).extracting(s -> s.planId()).containsExactly("free");
        assertThat(created.environment()).isEqualTo(Environment.SANDBOX);
        assertThat(created.balances()).containsOnlyKeys("api_calls", "credits", "seats", "exports");
        assertThat(created.balances().get("api_calls").granted()).isEqualByComparingTo("100");
        assertThat(created.flags()).containsOnlyKeys("sso");
        assertThat(again.name()).isEqualTo("C One");
        assertThat(read.email()).isEqualTo("c1@example.com");
        AutumnNotFoundException missing = caught(AutumnNotFoundException.class, () -> autumn.customer("c-nobody"));
        assertThat(missing.code()).isEqualTo("customer_not_found");
        assertThat(missing.detail()).isEqualTo("Customer c-nobody not found");
    }

    @Test
    void checkAndTrack_asRecordedInBasics(TestInfo test) {
        String c = customer(test);

        CheckResult initial = autumn.check(c, API_CALLS);
        assertThat(initial.allowed()).isTrue();
        assertThat(initial.requiredBalance()).isEqualByComparingTo("1");
        assertThat(initial.balance().granted()).isEqualByComparingTo("100");
        assertThat(initial.balance().remaining()).isEqualByComparingTo("100");
        assertThat(initial.balance().nextResetAt()).isAfter(Instant.now());
        assertThat(initial.balance().breakdown()).extracting(b -> b.planId()).containsExactly("free");
        assertThat(initial.balance().breakdown().get(0).reset().interval()).isEqualTo("month");

        TrackResult tracked = autumn.track(c, API_CALLS, 30);
        assertThat(tracked.outcome()).isEqualTo(TrackOutcome.COUNTED);
        assertThat(tracked.balance().remaining()).isEqualByComparingTo("70");
        assertThat(tracked.deductions())
                .extracting(d -> d.featureId(), d -> d.value().intValue())
                .containsExactly(tuple("api_calls", 30));

        assertThat(autumn.check(CheckRequest.of(c, API_CALLS).requiredBalance(70))
                        .allowed())
                .isTrue();
        CheckResult over = autumn.check(CheckRequest.of(c, API_CALLS).requiredBalance(71));
        assertThat(over.allowed()).isFalse();
        assertThat(over.balance().featureId()).as("the credit system answers").isEqualTo("credits");

        assertThat(autumn.track(TrackRequest.event(c, "api.request", 5))
                        .balance()
                        .remaining())
                .isEqualByComparingTo("65");
        TrackResult past = autumn.track(c, API_CALLS, 80);
        assertThat(past.deductions())
                .extracting(d -> d.featureId(), d -> d.value().intValue())
                .containsExactly(tuple("api_calls", 65), tuple("credits", 15));

        TrackResult tokens = autumn.track(c, AI_TOKENS, 1000);
        assertThat(tokens.balance().featureId()).isEqualTo("credits");
        assertThat(tokens.balance().remaining()).isEqualByComparingTo("25");
        CheckResult tokenCheck = autumn.check(CheckRequest.of(c, AI_TOKENS).requiredBalance(100));
        assertThat(tokenCheck.requiredBalance()).as("in credits").isEqualByComparingTo("1");

        TrackResult decimal = autumn.track(c, AI_TOKENS, new BigDecimal("12.5"));
        assertThat(decimal.balance().remaining()).isEqualTo(new BigDecimal("24.875"));
        assertThat(decimal.deductions().get(0).value()).isEqualTo(new BigDecimal("0.125"));
    }

    @Test
    void flagsAndUnlimited_asRecorded(TestInfo test) {
        String c = customer(test);

        CheckResult sso = autumn.check(c, SSO);
        CheckResult premium = autumn.check(c, PREMIUM);
        TrackResult exports = autumn.track(c, EXPORTS, 1000);
        CheckResult unlimited = autumn.check(CheckRequest.of(c, EXPORTS).requiredBalance(1_000_000));

        assertThat(sso.allowed()).isTrue();
        assertThat(sso.balance()).isNull();
        assertThat(sso.flag().featureId()).isEqualTo("sso");
        assertThat(sso.flag().planId()).isEqualTo("free");
        assertThat(premium.allowed()).isFalse();
        assertThat(premium.flag()).isNull();
        assertThat(exports.balance().usage()).isEqualByComparingTo("1000");
        assertThat(unlimited.allowed()).isTrue();
        assertThat(unlimited.balance().unlimited()).isTrue();
    }

    @Test
    void plainIds_creditSystemAndBooleanRefused_meteredTracked(TestInfo test) {
        String c = customer(test);
        BigDecimal creditsBefore = autumn.check(c, CREDITS).balance().remaining();

        WrongFeatureTypeException credits =
                caught(WrongFeatureTypeException.class, () -> autumn.track(c, "credits", 1));
        WrongFeatureTypeException sso = caught(WrongFeatureTypeException.class, () -> autumn.track(c, "sso", 1));
        TrackResult metered = autumn.track(c, "api_calls", 2);

        assertThat(credits.featureType()).isEqualTo("credit_system");
        assertThat(credits.getMessage()).contains("(one of [api_calls, ai_tokens])");
        assertThat(sso.featureType()).isEqualTo("boolean");
        assertThat(metered.balance().usage()).isEqualByComparingTo("2");
        assertThat(autumn.check(c, CREDITS).balance().remaining())
                .as("nothing was deducted from the credits")
                .isEqualByComparingTo(creditsBefore);
    }

    @Test
    void idempotency_answerLostThenReplayed_countedOnce(TestInfo test) throws Exception {
        String c = customer(test);
        String idempotencyKey = "lost-" + UUID.randomUUID();
        // The "first attempt": reaches Autumn and is counted; its answer never reaches the client.
        HttpResponse<String> first = RAW.send(
                rawRequest(
                        "balances.track",
                        "{\"customer_id\":\"" + c + "\",\"feature_id\":\"api_calls\",\"value\":3}",
                        idempotencyKey),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);

        TrackResult replay = autumn.track(TrackRequest.of(c, API_CALLS, 3).idempotencyKey(idempotencyKey));

        assertThat(replay.outcome()).isEqualTo(TrackOutcome.ALREADY_COUNTED);
        assertThat(balance(c, API_CALLS).usage()).as("counted once").isEqualByComparingTo("3");
    }

    @Test
    void locks_confirmReleaseOverrideAndTwice(TestInfo test) {
        String c = customer(test);
        String prefix = "lock-" + UUID.randomUUID() + "-";

        CheckResult held =
                autumn.check(CheckRequest.of(c, API_CALLS).requiredBalance(10).lock(Lock.of(prefix + "1")));
        assertThat(held.allowed()).isTrue();
        assertThat(balance(c, API_CALLS).usage()).as("a lock deducts at once").isEqualByComparingTo("10");
        autumn.confirmLock(prefix + "1");
        assertThat(balance(c, API_CALLS).usage()).isEqualByComparingTo("10");

        autumn.check(CheckRequest.of(c, API_CALLS).requiredBalance(20).lock(Lock.of(prefix + "2")));
        assertThat(balance(c, API_CALLS).usage()).isEqualByComparingTo("30");
        autumn.releaseLock(prefix + "2");
        assertThat(balance(c, API_CALLS).usage()).isEqualByComparingTo("10");

        AutumnApiException twice = caught(AutumnApiException.class, () -> autumn.confirmLock(prefix + "2"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.code()).isEqualTo("invalid_request");
        assertThat(twice.detail()).isEqualTo("Lock not found for ID: " + prefix + "2");

        autumn.check(CheckRequest.of(c, API_CALLS)
                .requiredBalance(20)
                .lock(Lock.of(prefix + "3").expiresAt(Instant.now().plus(Duration.ofMinutes(5)))));
        autumn.confirmLock(prefix + "3", new BigDecimal("5"));
        assertThat(balance(c, API_CALLS).usage())
                .as("confirmed 5 of the 20 held")
                .isEqualByComparingTo("15");
    }

    @Test
    void sendEvent_deductsWhenAllowedOnly(TestInfo test) {
        String c = customer(test);

        CheckResult allowed =
                autumn.check(CheckRequest.of(c, API_CALLS).requiredBalance(4).sendEvent(true));
        CheckResult denied =
                autumn.check(CheckRequest.of(c, API_CALLS).requiredBalance(1000).sendEvent(true));

        assertThat(allowed.allowed()).isTrue();
        assertThat(denied.allowed()).isFalse();
        assertThat(balance(c, API_CALLS).usage()).isEqualByComparingTo("4");
    }

    @Test
    void entities_createUsesASeat_deleteGivesItBack(TestInfo test) {
        String c = customer(test);

        Entity created = autumn.createEntity(EntityRequest.of(c, "u1", SEATS).name("User 1"));
        assertThat(balance(c, SEATS).usage()).isEqualByComparingTo("1");
        Entity read = autumn.entity(c, "u1");
        autumn.deleteEntity(c, "u1");

        assertThat(created.featureId()).as("left out of the create answer").isNull();
        assertThat(read.featureId()).isEqualTo("seats");
        assertThat(read.name()).isEqualTo("User 1");
        assertThat(balance(c, SEATS).usage()).isEqualByComparingTo("0");

        Entity orphan = autumn.createEntity("c-made-by-entity-" + UUID.randomUUID(), "u1", SEATS);
        assertThat(orphan.subscriptions()).extracting(s -> s.planId()).containsExactly("free");
    }

    @Test
    void continuousUse_pastIncludedAndReleaseMoreThanUsed(TestInfo test) {
        String c = customer(test);

        autumn.track(c, SEATS, 6);
        CheckResult full = autumn.check(c, SEATS);
        TrackResult released = autumn.track(c, SEATS, -10);

        assertThat(full.allowed()).isFalse();
        assertThat(full.balance().usage()).isEqualByComparingTo("6");
        assertThat(full.balance().remaining()).isEqualByComparingTo("0");
        assertThat(released.deductions()).extracting(d -> d.value().intValue()).containsExactly(-6);
        assertThat(released.balance().usage()).isEqualByComparingTo("0");
    }

    @Test
    void errors_typedWithAutumnsCodesAndMessages(TestInfo test) {
        String c = customer(test);

        AutumnNotFoundException feature =
                caught(AutumnNotFoundException.class, () -> autumn.check(c, MeteredFeature.of("nope")));
        TrackFailedException event =
                caught(TrackFailedException.class, () -> autumn.track(TrackRequest.event(c, "nope.event", 1)));
        TrackFailedException unknownCustomer =
                caught(TrackFailedException.class, () -> autumn.track("c-nobody", API_CALLS, 1));
        AutumnApiException attach = caught(AutumnApiException.class, () -> autumn.attach(c, "free"));

        assertThat(feature.code()).isEqualTo("feature_not_found");
        assertThat(feature.detail()).isEqualTo("Feature nope not found");
        assertThat(event.status()).isEqualTo(404);
        assertThat(event.code()).isEqualTo("invalid_request");
        assertThat(event.detail()).isEqualTo("No features found for event name: nope.event");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(unknownCustomer.code()).isEqualTo("customer_not_found");
        assertThat(attach.status()).isEqualTo(400);
        assertThat(attach.code()).isEqualTo("invalid_request");
        assertThat(attach.detail()).startsWith("There is no Stripe account linked to this organization.");
    }

    @Test
    void attach_noStripeHere_onlyTheFailureCanBeShown(TestInfo test) {
        String c = customer(test);

        assertThatThrownBy(() -> {
                    AttachResult never = autumn.attach(c, "free");
                    throw new AssertionError("attached without Stripe: " + never);
                })
                .isInstanceOf(AutumnApiException.class)
                .hasMessageEndingWith("Attaching a plan needs a Stripe account connected to the Autumn org");
    }

    @Test
    void wrongEnvironment_refusedAtBuild() {
        assertThatThrownBy(() -> AutumnClient.builder()
                        .secretKey(key)
                        .baseUrl(base)
                        .expectEnvironment(Environment.LIVE)
                        .build())
                .hasMessageStartingWith("the secret key is a sandbox key");
    }

    @AfterAll
    static void noMessageCarriedTheKey() {
        assertThat(messages).as("failures seen by the tests above").isNotEmpty();
        for (String message : messages) {
            assertThat(message).doesNotContain(key).doesNotContain(key.substring("am_sk_test_".length()));
        }
    }
}
