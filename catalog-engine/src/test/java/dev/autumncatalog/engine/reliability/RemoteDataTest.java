package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.AutumnServerException;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.engine.report.PlanJson;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote data Autumn should not send but might: unknown types and fields, nulls where values belong, shapes the client
 * does not know, HTML and empty answers. Each goes through the real client and {@link CatalogSync#plan} (the sandbox
 * holds the catalog; its list answers are replaced by edited copies) and ends either in a typed {@link
 * AutumnApiException} naming the route, or in a plan that says what it cannot read and asks before dropping it. Never a
 * NullPointerException, ClassCastException or Jackson exception. The texts are what the user sees.
 */
class RemoteDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    private static final Feature SSO = feature("sso").name("SSO").booleanFlag();
    private static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(SSO));
    private static final Catalog CATALOG = Catalog.of(PRO);
    private static final PlanOptions OPTIONS = PlanOptions.defaults("sandbox", false);

    private static AutumnSandbox sandbox;
    private static AutumnHttpClient client;
    private static final Canary canary = new Canary();

    @BeforeAll
    static void start() {
        sandbox = AutumnSandbox.builder().secretKeys(Canary.KEY).start();
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .secretKey(Canary.KEY)
                .clock(new NoSleepClock())
                .listener(canary.clientListener())
                .maxRetries(1)
                .build());
        CatalogSync sync = new CatalogSync(client, MAVEN_LIKE);
        sync.push(sync.plan(CATALOG, OPTIONS), PushOptions.batch());
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
        canary.assertNoLeak();
    }

    @AfterEach
    void forgetFaults() {
        sandbox.faults().clear();
    }

    // ------------------------------------------------------------------ unknown types and fields

    @Test
    void aiCreditSystem_notInTheCatalog_isARemoval_withAWarning() {
        answer("/v1/features/ai_credits/deletion_info", 200, "{\"productName\":null,\"totalCount\":0}");

        Plan plan = plan(
                features -> list(features)
                        .addObject()
                        .put("id", "ai_credits")
                        .put("name", "AI credits")
                        .put("type", "ai_credit_system")
                        .put("default_markup", 0.2),
                plans -> {});

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE)).isEqualTo("""
                        Autumn plan for sandbox (sandbox)

                          - feature ai_credits  (would delete: nothing uses it)

                        Warnings:
                          ! feature ai_credits: has what the DSL cannot express, removed with it: an AI credit system (model markups) cannot be expressed in the DSL

                        Plan: 0 to create, 0 to update, 1 to remove (0 archive, 1 delete), 0 to un-archive.

                        A push would stop before changing anything:
                          ! Removals are off, and the catalog no longer has: feature ai_credits (delete: nothing uses it). Add them back to the catalog, or allow removals with -Dautumn.allowRemovals=true.
                        """);
    }

    @Test
    void aiCreditSystem_whereTheCatalogHasAFeature_isReplacedOnlyWithTheOptIn() {
        Plan plan = plan(features -> find(features, "sso").put("type", "ai_credit_system"), plans -> {});

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE))
                .contains("""
                          ~ feature sso  (replaces a feature the DSL cannot read)
                              name: "SSO"
                              type: boolean
                              drops: an AI credit system (model markups) cannot be expressed in the DSL
                        """)
                .contains("  ! These updates drop what the DSL cannot express: feature sso (an AI credit system (model"
                        + " markups) cannot be expressed in the DSL), plan pro (item sso uses feature 'sso',"
                        + " which the DSL cannot express). Allow it with -Dautumn.dropUnsupported=true, or make"
                        + " these changes in the Autumn dashboard.\n");
    }

    @Test
    void unknownFields_onAFeatureAndAPlan_areWarnings_andNothingChanges() {
        Plan plan = plan(
                features -> find(features, "sso").put("colour", "red"),
                plans -> find(plans, "pro").putObject("new_field").put("x", 1));

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE)).isEqualTo("""
                        Autumn plan for sandbox (sandbox)

                        No changes. Autumn matches the catalog.

                        Warnings:
                          ! feature sso: has what the DSL cannot express, left as it is: unknown field 'colour' = "red"
                          ! plan pro: has what the DSL cannot express, left as it is: unknown field 'new_field' = {"x":1}
                        """);
    }

    @Test
    void variants_baseVariantId_andMetadata_areWarnings_baseVariantIdIgnored() {
        Plan plan = plan(features -> {}, plans -> {
            ObjectNode pro = find(plans, "pro");
            pro.putArray("variants").addObject().put("id", "annual");
            pro.put("base_variant_id", "pro");
            pro.putObject("metadata").put("tier", "gold");
        });

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.warnings())
                .extracting(Object::toString)
                .containsExactly(
                        "plan pro: has what the DSL cannot express, kept by every update: metadata"
                                + " {\"tier\":\"gold\"}",
                        "plan pro: has what the DSL cannot express, left as it is: variants [{\"id\":\"annual\"}]");
    }

    @Test
    void metadataKeptByUpdates_warnsButDoesNotBlockAnUpdate_variantsBlock() {
        Plan kept = plan(features -> {}, plans -> {
            ObjectNode pro = find(plans, "pro");
            pro.putObject("metadata").put("tier", "gold");
            pro.put("name", "Pro (old name)");
        });
        assertThat(kept.isEmpty()).isFalse();
        assertThat(kept.blockers()).isEmpty();
        assertThat(kept.warnings())
                .extracting(Object::toString)
                .containsExactly("plan pro: has what the DSL cannot express, kept by every update: metadata"
                        + " {\"tier\":\"gold\"}");

        Plan replaced = plan(features -> {}, plans -> {
            ObjectNode pro = find(plans, "pro");
            pro.putArray("variants").addObject().put("id", "annual");
            pro.put("name", "Pro (old name)");
        });
        assertThat(replaced.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.kind()).isEqualTo(dev.autumncatalog.engine.plan.Blocker.Kind.DROPS);
            assertThat(blocker.subjects()).containsExactly("plan pro");
            assertThat(String.join("\n", blocker.details())).contains("variants [{\"id\":\"annual\"}]");
        });
    }

    // ------------------------------------------------------------------ nulls where values belong

    @Test
    void featureNameNull_isAFeatureTheDslCannotRead() {
        Plan plan = plan(features -> find(features, "sso").putNull("name"), plans -> {});

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE))
                .contains("  ~ feature sso  (replaces a feature the DSL cannot read)\n")
                .contains(
                        "      drops: cannot be expressed in the DSL: feature 'sso' needs a non-empty name, was null\n");
    }

    @Test
    void planNameNull_isAPlanTheDslCannotRead() {
        Plan plan = plan(features -> {}, plans -> find(plans, "pro").putNull("name"));

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE))
                .contains("  ~ plan pro  (replaces a plan the DSL cannot read)\n")
                .contains(
                        "      drops: cannot be expressed in the DSL: product 'pro' needs a non-empty name, was null\n")
                .contains("-Dautumn.dropUnsupported=true");
    }

    @Test
    void planItemsNull_readsAsNoItems_andTheUpdateWritesThemBack() {
        Plan plan = plan(features -> {}, plans -> find(plans, "pro").putNull("items"));

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE)).contains("""
                          ~ plan pro
                              items[api_calls]: none → 10,000 per month
                              items[sso]: none → granted
                        """);
    }

    @Test
    void priceWithNullFields_isAPlanTheDslCannotRead() {
        Plan plan = plan(
                features -> {},
                plans -> find(plans, "pro").putObject("price").putNull("amount").putNull("interval"));

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE))
                .contains("  ~ plan pro  (replaces a plan the DSL cannot read)\n")
                .contains("      drops: price amount is missing\n");
    }

    @Test
    void resetWithNullInterval_isAPlanTheDslCannotRead() {
        Plan plan = plan(
                features -> {},
                plans -> item(plans, "pro", "api_calls").putObject("reset").putNull("interval"));

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE))
                .contains("      drops: item api_calls reset has no interval\n");
    }

    // ------------------------------------------------------------------ shapes the client does not know

    @Test
    void unknownItemShapes_areNamedInTheDrops() {
        assertThat(PlanRenderer.render(
                        plan(features -> {}, plans -> items(plans, "pro").add("weird")), MAVEN_LIKE))
                .contains("      drops: item is not an object: \"weird\"\n");
        assertThat(PlanRenderer.render(
                        plan(
                                features -> {},
                                plans -> items(plans, "pro").addObject().put("included", 5)),
                        MAVEN_LIKE))
                .contains("      drops: an item has no feature_id: {\"included\":5}\n");
        assertThat(PlanRenderer.render(
                        plan(features -> {}, plans -> {
                            ObjectNode price = items(plans, "pro")
                                    .addObject()
                                    .put("feature_id", "api_calls")
                                    .putObject("price");
                            price.put("amount", 1)
                                    .putArray("tiers")
                                    .addObject()
                                    .put("to", "inf")
                                    .put("amount", 1);
                        }),
                        MAVEN_LIKE))
                .contains("      drops: item api_calls price needs exactly one of amount and tiers, was"
                        + " {\"amount\":1,\"tiers\":[{\"to\":\"inf\",\"amount\":1}]}\n");
        assertThat(PlanRenderer.render(
                        plan(
                                features -> {},
                                plans -> find(plans, "pro").putObject("items").put("a", 1)),
                        MAVEN_LIKE))
                .contains("      drops: items is not a list: {\"a\":1}\n");
    }

    @Test
    void featureListThatIsNotAnArray_isAMalformedAnswer() {
        assertThat(planFailure(features -> features.putObject("list"), plans -> {}))
                .hasMessage("POST /v1/features.list answered 200: malformed answer: expected a list of features, was"
                        + " {\"list\":{}}; the server at " + base() + " may not speak Autumn's 2.3.0 API");
        assertThat(planFailure(features -> {}, plans -> plans.putNull("list")))
                .hasMessage("POST /v1/plans.list answered 200: malformed answer: expected {\"list\": [...]}, was"
                        + " {\"list\":null}; the server at " + base() + " may not speak Autumn's 2.3.0 API");
    }

    @Test
    void anIdListedTwice_isAMalformedAnswer() {
        assertThat(planFailure(
                        features -> list(features).add(find(features, "sso").deepCopy()), plans -> {}))
                .hasMessage("POST /v1/features.list answered 200: malformed answer: the list names feature 'sso'"
                        + " twice; the server at " + base() + " may not speak Autumn's 2.3.0 API");
        assertThat(planFailure(
                        features -> {},
                        plans -> list(plans).add(find(plans, "pro").deepCopy())))
                .hasMessage("POST /v1/plans.list answered 200: malformed answer: the list names plan 'pro' twice;"
                        + " the server at " + base() + " may not speak Autumn's 2.3.0 API");
    }

    @Test
    void lookupsWithNullOrOddNumbers_areMalformedAnswers_namingTheField() {
        Catalog repriced = Catalog.of(product("pro")
                .name("Pro")
                .item(priceItem(25).monthly())
                .item(featureItem(API_CALLS).included(10_000).monthly())
                .item(featureItem(SSO)));
        answer("/v1/plans.has_customers", 200, "{\"current_version\":null,\"will_version\":true}");
        assertThat(catchThrowable(() -> new CatalogSync(client, MAVEN_LIKE).plan(repriced, OPTIONS)))
                .isInstanceOf(AutumnApiException.class)
                .hasMessage("POST /v1/plans.has_customers (pro) answered 200: malformed answer: expected"
                        + " current_version: a version number of 1 or more, was null; the server at " + base()
                        + " may not speak Autumn's 2.3.0 API");

        answer("/v1/products/pro/deletion_info", 200, "{\"hasCusProducts\":false,\"totalCount\":\"abc\"}");
        assertThat(catchThrowable(() -> new CatalogSync(client, MAVEN_LIKE)
                        .plan(Catalog.of(product("other").name("Other").item(featureItem(SSO))), OPTIONS)))
                .isInstanceOf(AutumnApiException.class)
                .hasMessage("GET /v1/products/pro/deletion_info (pro) answered 200: malformed answer: expected"
                        + " totalCount: a whole number, was \"abc\"; the server at " + base()
                        + " may not speak Autumn's 2.3.0 API");
    }

    // ------------------------------------------------------------------ answers that are not Autumn's JSON

    @Test
    void htmlErrorPageWith502_isRetried_thenAServerError() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center></body></html>";
        answer("/v1/features.list", 502, "text/html", page);
        answer("/v1/features.list", 502, "text/html", page);

        Throwable failure = catchThrowable(() -> new CatalogSync(client, MAVEN_LIKE).plan(CATALOG, OPTIONS));

        assertThat(failure)
                .isInstanceOf(AutumnServerException.class)
                .hasMessage("POST /v1/features.list answered 502: " + page);
        canary.add(failure);
    }

    @Test
    void emptyBodyWith200_isAMalformedAnswer() {
        answer("/v1/features.list", 200, "");

        assertThat(catchThrowable(() -> new CatalogSync(client, MAVEN_LIKE).plan(CATALOG, OPTIONS)))
                .isInstanceOf(AutumnApiException.class)
                .hasMessage("POST /v1/features.list answered 200: malformed answer: expected a list of features, was"
                        + " null; the server at " + base() + " may not speak Autumn's 2.3.0 API");
    }

    @Test
    void emptyBodyWith200_toACreate_failsThePushNamingTheStep() {
        answer("/v1/features.create", 200, "");
        Feature messages = feature("messages").name("Messages").singleUse();
        Catalog withMessages = Catalog.of(PRO, messages);
        CatalogSync sync = new CatalogSync(client, MAVEN_LIKE);

        Throwable failure = catchThrowable(() -> sync.push(sync.plan(withMessages, OPTIONS), PushOptions.batch()));

        assertThat(failure)
                .hasMessageContaining("  + feature messages: create feature 'messages': Autumn answered 200: malformed"
                        + " answer: a feature without id: null (POST /v1/features.create)\n");
        canary.add(failure);
    }

    // ------------------------------------------------------------------ helpers

    /** Plans {@link #CATALOG} against the sandbox's own lists, edited. */
    private static Plan plan(Consumer<ObjectNode> features, Consumer<ObjectNode> plans) {
        serveLists(features, plans);
        Plan plan = new CatalogSync(client, MAVEN_LIKE).plan(CATALOG, OPTIONS);
        canary.add(plan);
        assertThat(PlanJson.render(plan)).isNotBlank(); // the JSON plan renders whatever was read
        return plan;
    }

    private static Throwable planFailure(Consumer<ObjectNode> features, Consumer<ObjectNode> plans) {
        serveLists(features, plans);
        Throwable failure = catchThrowable(() -> new CatalogSync(client, MAVEN_LIKE).plan(CATALOG, OPTIONS));
        assertThat(failure).isInstanceOf(AutumnApiException.class);
        canary.add(failure);
        return failure;
    }

    private static void serveLists(Consumer<ObjectNode> features, Consumer<ObjectNode> plans) {
        ObjectNode featureList = read("features.list", "{}");
        ObjectNode planList = read("plans.list", "{\"include_archived\":true,\"all_versions\":false}");
        features.accept(featureList);
        plans.accept(planList);
        answer("/v1/features.list", 200, featureList.toString());
        answer("/v1/plans.list", 200, planList.toString());
    }

    private static void answer(String path, int status, String body) {
        answer(path, status, "application/json", body);
    }

    private static void answer(String path, int status, String contentType, String body) {
        sandbox.faults().nextOn(path, new Fault.Respond(status, contentType, body, Map.of()));
    }

    private static ObjectNode read(String rpc, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/" + rpc))
                .header("Authorization", "Bearer " + Canary.KEY)
                .header("X-API-Version", "2.3.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return (ObjectNode) JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode list(ObjectNode answer) {
        return (ArrayNode) answer.get("list");
    }

    private static ObjectNode find(ObjectNode answer, String id) {
        for (JsonNode entity : list(answer)) {
            if (id.equals(entity.path("id").asText())) {
                return (ObjectNode) entity;
            }
        }
        throw new IllegalArgumentException(id + " is not in " + answer);
    }

    private static ArrayNode items(ObjectNode plans, String planId) {
        return (ArrayNode) find(plans, planId).get("items");
    }

    private static ObjectNode item(ObjectNode plans, String planId, String featureId) {
        for (JsonNode item : items(plans, planId)) {
            if (featureId.equals(item.path("feature_id").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalArgumentException(featureId);
    }

    /** The base URL as messages show it (redacted: no path). */
    private static String base() {
        return "http://127.0.0.1:" + sandbox.port() + "/...";
    }
}
