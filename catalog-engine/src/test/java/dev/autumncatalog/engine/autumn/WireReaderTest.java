package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.engine.autumn.Catalogs.API_CALLS;
import static dev.autumncatalog.engine.autumn.Catalogs.CREDITS;
import static dev.autumncatalog.engine.autumn.Catalogs.SEATS;
import static dev.autumncatalog.engine.autumn.Catalogs.SSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link WireReader}: answers in the catalog model, server defaults filled, what the DSL cannot express as lines. */
class WireReaderTest {
    private static final Map<String, Feature> LOOKUP =
            WireReader.featureLookup(Catalogs.all().features());

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(Json.parse(expected)));
    }

    private static String write(JsonNode node) throws Exception {
        return WireMapper.json().writeValueAsString(node);
    }

    @Test
    void plan_serverDefaults_readBackCanonical() {
        RemotePlan plan = WireReader.plan(Json.parse("""
                {"id": "p", "name": "P", "description": null, "group": null, "version": 3, "add_on": false,
                 "auto_enable": false, "price": null, "created_at": 1, "env": "sandbox", "archived": true,
                 "config": {"ignore_past_due": false}, "billing_controls": {}, "metadata": {}, "base_variant_id": null,
                 "items": [
                  {"feature_id": "api_calls", "included": 0, "unlimited": true, "pooled": false,
                   "reset": {"interval": "one_off"}, "price": null, "display": {"primary_text": "x"},
                   "entitlement_id": "ent_1"},
                  {"feature_id": "seats", "included": 2, "unlimited": false, "pooled": false, "reset": null,
                   "price": {"amount": 10, "interval": "month", "billing_units": 1, "billing_method": "prepaid",
                             "max_purchase": null}, "price_id": "pr_1"},
                  {"feature_id": "credits", "included": 0, "unlimited": false, "pooled": false,
                   "reset": {"interval": "one_off"},
                   "price": {"amount": 5, "interval": "one_off", "billing_units": 1000,
                             "billing_method": "prepaid", "max_purchase": null}},
                  {"feature_id": "sso", "included": 0, "unlimited": false, "pooled": false, "reset": null,
                   "price": null}]}"""), LOOKUP);
        assertThat(plan.unsupported()).isEmpty();
        assertThat(plan.archived()).isTrue();
        assertThat(plan.version()).isEqualTo(3);
        assertThat(plan.model())
                .isEqualTo(product("p")
                        .name("P")
                        .item(featureItem(API_CALLS).unlimited())
                        .item(pricedFeatureItem(SEATS)
                                .included(2)
                                .price(10)
                                .prepaid()
                                .monthly())
                        .item(pricedFeatureItem(CREDITS)
                                .price(5)
                                .per(1000)
                                .prepaid()
                                .oneOff())
                        .item(featureItem(SSO))
                        .archived());
    }

    @Test
    void plan_requestWithoutDefaults_readsAsTheServerWouldStoreIt() {
        RemotePlan plan = WireReader.plan(Json.parse("""
                {"plan_id": "p", "name": "P", "group": "", "description": "",
                 "items": [{"feature_id": "api_calls", "included": 100},
                           {"feature_id": "credits", "price": {"amount": 1, "interval": "month",
                            "billing_method": "usage_based"}}],
                 "free_trial": {"duration_length": 2}}"""), LOOKUP);
        Product model = plan.model();
        assertThat(model.group()).isNull();
        assertThat(model.description()).isNull();
        assertThat(((FeatureItem) model.items().get(0)).reset()).isEqualTo(Cycle.ONE_OFF);
        PricedFeatureItem priced = (PricedFeatureItem) model.items().get(1);
        assertThat(priced.billingUnits()).isEqualTo(1);
        assertThat(priced.reset()).isNull();
        assertThat(priced.maxPurchase()).isNull();
        assertThat(model.freeTrial().unit()).isEqualTo(dev.autumncatalog.dsl.FreeTrial.Unit.MONTH);
        assertThat(model.freeTrial().cardRequired()).isTrue();
    }

    @Test
    void plan_prepaidResetDifferentFromBilling_kept() {
        RemotePlan plan = WireReader.plan(Json.parse("""
                {"id": "p", "name": "P", "items": [{"feature_id": "api_calls", "included": 100,
                  "reset": {"interval": "week"},
                  "price": {"amount": 1, "interval": "month", "billing_units": 100, "billing_method": "prepaid"}}]}"""), LOOKUP);
        PricedFeatureItem item = (PricedFeatureItem) plan.model().items().get(0);
        assertThat(item.reset()).isEqualTo(Cycle.of(dev.autumncatalog.dsl.Interval.WEEK));
        assertThat(item.billing()).isEqualTo(Cycle.of(dev.autumncatalog.dsl.Interval.MONTH));
        assertThat(item.price()).isEqualTo(new PerUnitPrice(BigDecimal.ONE));
    }

    @Test
    void plan_whatTheDslCannotExpress_becomesUnsupportedLines_keptOrReplaced() {
        RemotePlan plan = WireReader.plan(Json.parse("""
                {"id": "p", "name": "P", "config": {"ignore_past_due": true},
                 "billing_controls": {"auto_topups": [1]}, "metadata": {"tier": "gold"}, "licenses": [{"x": 1}],
                 "variant_details": {"base_plan_id": "base"}, "shiny_new_field": 42,
                 "items": [{"feature_id": "api_calls", "included": 5, "pooled": true, "reset": {"interval": "month"}}],
                 "free_trial": {"duration_length": 7, "duration_type": "day", "card_required": true,
                                "on_end": "revert"}}"""), LOOKUP);
        assertThat(plan.model()).isNotNull();
        // What a plans.update that leaves the field out keeps (audit R8b, R9c): a warning, never a blocker.
        assertThat(plan.kept())
                .containsExactly(
                        "config.ignore_past_due = true",
                        "billing controls {\"auto_topups\":[1]}",
                        "metadata {\"tier\":\"gold\"}",
                        "licenses [{\"x\":1}]");
        // What an update would replace or that the reader does not know: blocks updates of the plan.
        assertThat(plan.unsupported())
                .containsExactly(
                        "unknown field 'shiny_new_field' = 42",
                        "a variant of plan 'base' {\"base_plan_id\":\"base\"}",
                        "free trial on_end = \"revert\"");
        // pooled is expressible now
        assertThat(((FeatureItem) plan.model().items().get(0)).isPooled()).isTrue();
    }

    @Test
    void plan_atmnShapes_readAsTheDslSaysThem() {
        RemotePlan plan = WireReader.plan(Json.parse("""
                {"id": "p", "name": "P", "items": [
                  {"feature_id": "api_calls", "unlimited": true, "reset": {"interval": "month"}},
                  {"feature_id": "sso", "entity_feature_id": "seats"},
                  {"feature_id": "credits", "included": 100, "reset": {"interval": "month"},
                   "rollover": {"max": 50, "expiry_duration_type": "month", "expiry_duration_length": 2}},
                  {"feature_id": "seats", "included": 0}]}"""), LOOKUP);
        assertThat(plan.unsupported()).isEmpty();
        assertThat(plan.model().items())
                .containsExactly(
                        featureItem(API_CALLS).unlimited(),
                        featureItem(SSO).perEntity(SEATS),
                        featureItem(CREDITS)
                                .included(100)
                                .monthly()
                                .rollover(rollover().upTo(50).forMonths(2)),
                        featureItem(SEATS));
    }

    @Test
    void plan_invariantBroken_nullModelAndReason() {
        // A value a rule refuses to protect the user is kept: the plan reads (and pull marks it, validate reports it).
        RemotePlan negative = WireReader.plan(Json.parse("""
                {"id": "neg", "name": "Neg", "price": {"amount": -5, "interval": "month"}}"""), LOOKUP);
        assertThat(negative.unsupported()).isEmpty();
        assertThat(negative.model().items())
                .containsExactly(new PriceItem(new BigDecimal("-5"), Cycle.of(dev.autumncatalog.dsl.Interval.MONTH)));
        assertThat(new Catalog(List.of(), List.of(negative.model())).valueProblems())
                .extracting(Problem::message)
                .containsExactly("price amount must be ≥ 0, was -5");

        RemotePlan unlimitedPriced = WireReader.plan(Json.parse("""
                {"id": "inf", "name": "Inf", "items": [{"feature_id": "api_calls", "unlimited": true,
                 "price": {"amount": 0.01, "interval": "month", "billing_method": "usage_based"}}]}"""), LOOKUP);
        assertThat(unlimitedPriced.model()).isNull();
        assertThat(unlimitedPriced.unsupported()).singleElement().asString().contains("unlimited and priced");
    }

    @Test
    void plan_unknownOrInexpressibleFeature_nullModel() {
        RemotePlan unknown = WireReader.plan(Json.parse("""
                {"id": "u", "name": "U", "items": [{"feature_id": "nope"}]}"""), LOOKUP);
        assertThat(unknown.model()).isNull();
        assertThat(unknown.unsupported()).singleElement().asString().contains("'nope', which Autumn does not list");

        Map<String, Feature> withAi = new HashMap<>(LOOKUP);
        withAi.put("ai", null);
        RemotePlan ai = WireReader.plan(Json.parse("""
                {"id": "a", "name": "A", "items": [{"feature_id": "ai", "included": 5}]}"""), withAi);
        assertThat(ai.model()).isNull();
        assertThat(ai.unsupported()).singleElement().asString().contains("which the DSL cannot express");
    }

    @Test
    void plan_garbageValues_neverThrow() {
        String[] bodies = {
            "{\"id\": \"g\", \"name\": 5}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": 3}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [7]}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [{\"feature_id\": \"api_calls\", \"included\": 1.5}]}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [{\"feature_id\": \"api_calls\", \"reset\": {\"interval\": \"fortnight\"}}]}",
            "{\"id\": \"g\", \"name\": \"G\", \"price\": {\"amount\": \"ten\", \"interval\": \"month\"}}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [{\"feature_id\": \"seats\", \"price\": {\"interval\": \"month\", \"billing_method\": \"prepaid\"}}]}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [{\"feature_id\": \"seats\", \"price\": {\"amount\": 1, \"interval\": \"month\", \"billing_method\": \"barter\"}}]}",
        };
        for (String body : bodies) {
            RemotePlan plan = WireReader.plan(Json.parse(body), LOOKUP);
            assertThat(plan.model()).as(body).isNull();
            assertThat(plan.unsupported()).as(body).hasSize(1);
        }
    }

    @Test
    void plan_valuesAProtectiveRuleRefuses_readAsAutumnHoldsThem() {
        String[] bodies = {
            "{\"id\": \"g\", \"name\": \"G\", \"free_trial\": {\"duration_length\": 0}}",
            "{\"id\": \"bad id!\", \"name\": \"G\"}",
            "{\"id\": \"g\", \"name\": \"\"}",
        };
        for (String body : bodies) {
            RemotePlan plan = WireReader.plan(Json.parse(body), LOOKUP);
            assertThat(plan.model()).as(body).isNotNull();
            assertThat(plan.unsupported()).as(body).isEmpty();
            assertThat(new Catalog(List.of(), List.of(plan.model())).valueProblems())
                    .as(body)
                    .hasSize(1);
        }
    }

    @Test
    void plan_withoutId_isMalformed() {
        assertThatThrownBy(() -> WireReader.plan(Json.parse("{\"name\": \"x\"}"), LOOKUP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a plan without id");
    }

    @Test
    void features_list_resolvesCreditSchemaWhateverTheOrder() {
        List<RemoteFeature> features = WireReader.features(Json.parse("""
                {"list": [
                  {"id": "credits", "name": "Credits", "type": "credit_system", "consumable": true,
                   "credit_schema": [{"metered_feature_id": "api_calls", "credit_cost": 0.5}],
                   "event_names": [], "archived": false},
                  {"id": "api_calls", "name": "API Calls", "type": "metered", "consumable": true,
                   "event_names": [], "archived": true, "display": {"singular": "call", "plural": "calls"}},
                  {"id": "sso", "name": "SSO", "type": "boolean", "consumable": true, "event_names": [],
                   "archived": false}]}"""));
        assertThat(features).extracting(RemoteFeature::id).containsExactly("credits", "api_calls", "sso");
        // archived on Autumn: the model says so, and so does every use of it
        MeteredFeature calls = new MeteredFeature("api_calls", "API Calls", true, List.of(), true);
        assertThat(features.get(0).model())
                .isEqualTo(new CreditSystem(
                        "credits",
                        "Credits",
                        List.of(new dev.autumncatalog.dsl.CreditCost(calls, new BigDecimal("0.5")))));
        assertThat(features.get(1).model()).isEqualTo(calls);
        assertThat(features.get(1).archived()).isTrue();
        assertThat(features.get(2).model()).isEqualTo(new BooleanFeature("sso", "SSO"));
        assertThat(features).allSatisfy(f -> assertThat(f.unsupported()).isEmpty());
    }

    @Test
    void feature_whatTheDslCannotExpress() {
        List<RemoteFeature> features = WireReader.features(Json.parse("""
                {"list": [
                  {"id": "ai", "name": "AI", "type": "ai_credit_system", "model_markups": {"gpt": 1.2}},
                  {"id": "tokens", "name": "Tokens", "type": "metered", "consumable": true,
                   "event_names": ["token_usage"]},
                  {"id": "odd", "name": "Odd", "type": "static"},
                  {"id": "neg", "name": "Neg", "type": "credit_system",
                   "credit_schema": [{"metered_feature_id": "tokens", "credit_cost": -1}]},
                  {"id": "lost", "name": "Lost", "type": "credit_system",
                   "credit_schema": [{"metered_feature_id": "nope", "credit_cost": 1}]},
                  {"id": "bad id!", "name": "Bad", "type": "boolean"}]}"""));
        assertThat(features.get(0).model()).isNull();
        assertThat(features.get(0).unsupported()).anyMatch(line -> line.contains("AI credit system"));
        assertThat(features.get(1).model())
                .isEqualTo(new MeteredFeature("tokens", "Tokens", true, List.of("token_usage"), false));
        assertThat(features.get(1).unsupported()).isEmpty();
        assertThat(features.get(2).model()).isNull();
        assertThat(features.get(2).unsupported()).containsExactly("unknown feature type 'static'");
        // kept as Autumn holds it: a rule protects the user, validate reports it
        assertThat(features.get(3).model()).isNotNull();
        assertThat(features.get(3).unsupported()).isEmpty();
        assertThat(new Catalog(List.of(features.get(3).model()), List.of()).valueProblems())
                .singleElement()
                .asString()
                .contains("must be ≥ 0, was -1");
        assertThat(features.get(4).model()).isNull();
        assertThat(features.get(4).unsupported()).singleElement().asString().contains("'nope'");
        assertThat(features.get(5).id()).isEqualTo("bad id!");
        assertThat(features.get(5).model()).isEqualTo(new BooleanFeature("bad id!", "Bad"));
        assertThat(features.get(5).unsupported()).isEmpty();
    }

    @Test
    void plan_itemOrder_isTheServers() {
        RemotePlan plan = WireReader.plan(
                Recordings.byCase(Recordings.RPC, "plans_create_paid").responseBody(), withAiTokens());
        assertThat(plan.model().items())
                .extracting(item ->
                        item.feature() == null ? "price" : item.feature().id())
                .containsExactly("price", "credits", "seats", "ai_tokens", "api_calls", "sso");
    }

    private static Map<String, Feature> withAiTokens() {
        Map<String, Feature> lookup = new HashMap<>();
        MeteredFeature calls = new MeteredFeature("api_calls", "API Requests", true);
        MeteredFeature gpu = new MeteredFeature("gpu_minutes", "GPU Minutes", true);
        lookup.put("api_calls", calls);
        lookup.put("gpu_minutes", gpu);
        lookup.put("seats", new MeteredFeature("seats", "Seats", false));
        lookup.put("sso", new BooleanFeature("sso", "SSO"));
        lookup.put("ai_tokens", new MeteredFeature("ai_tokens", "Tokens", true));
        lookup.put(
                "credits",
                new CreditSystem(
                        "credits",
                        "Credits",
                        List.of(
                                new dev.autumncatalog.dsl.CreditCost(calls, BigDecimal.ONE),
                                new dev.autumncatalog.dsl.CreditCost(gpu, BigDecimal.TEN))));
        return lookup;
    }
}
