package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.autumn.Catalogs.API_CALLS;
import static dev.autumncatalog.engine.autumn.Catalogs.CREDITS;
import static dev.autumncatalog.engine.autumn.Catalogs.SEATS;
import static dev.autumncatalog.engine.autumn.Catalogs.SSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.TieredPrice;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireMapperTest {
    private static final Map<String, Feature> LOOKUP =
            WireMapper.featureLookup(Catalogs.all().features());

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(Json.parse(expected)));
    }

    private static String write(JsonNode node) throws Exception {
        return WireMapper.json().writeValueAsString(node);
    }

    // ------------------------------------------------------------------ model → wire

    @Test
    void featureCreateBody_eachKind_usesFeatureIdAndV2Types() {
        assertJson(WireMapper.featureCreateBody(SSO), """
                {"feature_id": "sso", "name": "SSO", "type": "boolean"}""");
        assertJson(WireMapper.featureCreateBody(SEATS), """
                {"feature_id": "seats", "name": "Seats", "type": "metered", "consumable": false}""");
        assertJson(WireMapper.featureCreateBody(API_CALLS), """
                {"feature_id": "api_calls", "name": "API Calls", "type": "metered", "consumable": true}""");
        assertJson(WireMapper.featureCreateBody(CREDITS), """
                {"feature_id": "credits", "name": "AI Credits", "type": "credit_system",
                 "credit_schema": [{"metered_feature_id": "basic_model", "credit_cost": 1},
                                   {"metered_feature_id": "premium_model", "credit_cost": 5}]}""");
    }

    @Test
    void featureUpdateBody_carriesArchived() {
        assertJson(WireMapper.featureUpdateBody(SEATS, true), """
                {"feature_id": "seats", "name": "Seats", "type": "metered", "consumable": false, "archived": true}""");
        assertJson(WireMapper.featureArchiveBody("seats", false), """
                {"feature_id": "seats", "archived": false}""");
    }

    @Test
    void planCreateBody_richPro_matchesDesignWireFormat() {
        assertJson(WireMapper.planCreateBody(Catalogs.PRO), """
                {"plan_id": "pro", "name": "Pro", "description": "For growing teams", "group": "main",
                 "add_on": false, "auto_enable": false,
                 "price": {"amount": 20, "interval": "month"},
                 "items": [
                   {"feature_id": "sso"},
                   {"feature_id": "basic_model", "unlimited": true},
                   {"feature_id": "premium_model", "included": 50, "reset": {"interval": "month"},
                    "entity_feature_id": "seats"},
                   {"feature_id": "seats", "included": 3,
                    "price": {"amount": 10, "interval": "month", "billing_units": 1, "billing_method": "prepaid"}},
                   {"feature_id": "credits", "included": 0, "reset": {"interval": "month"},
                    "price": {"tiers": [{"to": 1000, "amount": 0.01}, {"to": "inf", "amount": 0.008}],
                              "tier_behavior": "graduated", "interval": "month", "billing_units": 100,
                              "billing_method": "usage_based"}}],
                 "free_trial": {"duration_length": 14, "duration_type": "day", "card_required": true}}""");
    }

    @Test
    void planCreateBody_seed_noPriceNoTrialKeysAndEmptyGroup() {
        assertJson(WireMapper.planCreateBody(Catalogs.PACK), """
                {"plan_id": "api-call-pack-1000", "name": "API Call Pack (1000)", "description": "", "group": "",
                 "add_on": true, "auto_enable": false,
                 "price": {"amount": 5, "interval": "one_off"},
                 "items": [{"feature_id": "api_calls", "included": 1000, "reset": {"interval": "one_off"}}]}""");
        ObjectNode free = WireMapper.planCreateBody(Catalogs.FREE);
        assertThat(free.has("price")).as("plans.create takes no null price").isFalse();
        assertThat(free.has("free_trial")).isFalse();
    }

    @Test
    void planCreateBody_everything_roundsNothingAndWritesPlainNumbers() throws Exception {
        ObjectNode body = WireMapper.planCreateBody(Catalogs.EVERYTHING);
        assertJson(body, """
                {"plan_id": "everything", "name": "Everything", "description": "All the knobs", "group": "",
                 "add_on": false, "auto_enable": false,
                 "price": {"amount": 99.99, "interval": "month", "interval_count": 3},
                 "items": [
                   {"feature_id": "api_calls", "included": 500, "reset": {"interval": "week", "interval_count": 2}},
                   {"feature_id": "seats", "included": 2,
                    "price": {"tiers": [{"to": 10, "amount": 8.5, "flat_amount": 5},
                                        {"to": "inf", "amount": 7.25}],
                              "tier_behavior": "volume", "interval": "month", "interval_count": 3,
                              "billing_units": 1, "billing_method": "prepaid", "max_purchase": 100},
                    "proration": {"on_increase": "bill_immediately", "on_decrease": "no_prorations"}},
                   {"feature_id": "credits", "included": 1000, "reset": {"interval": "month"},
                    "price": {"amount": 0.0125, "interval": "month", "interval_count": 3, "billing_units": 1000,
                              "billing_method": "prepaid"},
                    "rollover": {"max": 500, "expiry_duration_type": "month", "expiry_duration_length": 2}},
                   {"feature_id": "ai_tokens", "included": 100, "reset": {"interval": "month", "interval_count": 3},
                    "price": {"amount": 0.001, "interval": "month", "interval_count": 3, "billing_units": 1,
                              "billing_method": "usage_based"},
                    "rollover": {"max_percentage": 50, "expiry_duration_type": "forever"}}],
                 "free_trial": {"duration_length": 1, "duration_type": "month", "card_required": false}}""");
        String text = write(body);
        assertThat(text).contains("\"amount\":99.99", "\"amount\":0.0125", "\"amount\":0.001", "\"amount\":8.5");
        assertThat(text).doesNotContain("E-", "E+");
    }

    @Test
    void planUpdateBody_alwaysSendsArchivedPriceItemsAndTrial() {
        Product bare = product("bare").name("Bare");
        assertJson(WireMapper.planUpdateBody(bare, false, VersionChoice.CREATE_VERSION), """
                {"plan_id": "bare", "name": "Bare", "description": "", "group": "", "add_on": false,
                 "auto_enable": false, "price": null, "items": [], "free_trial": null, "archived": false}""");
        ObjectNode inPlace = WireMapper.planUpdateBody(Catalogs.PRO, true, VersionChoice.UPDATE_IN_PLACE);
        assertThat(inPlace.get("archived").booleanValue()).isTrue();
        assertThat(inPlace.get("disable_version").booleanValue()).isTrue();
        assertThat(inPlace.get("price").get("amount").decimalValue()).isEqualByComparingTo("20");
        assertThat(inPlace.get("items")).hasSize(5);
    }

    @Test
    void planCustomersBody_isThePlanWithoutFlags() {
        ObjectNode body = WireMapper.planCustomersBody(Catalogs.FREE);
        assertThat(body.has("archived")).isFalse();
        assertThat(body.has("disable_version")).isFalse();
        assertThat(body.get("price").isNull()).isTrue();
        assertThat(body.get("plan_id").asText()).isEqualTo("free");
    }

    @Test
    void planDeleteBody_deletesAllVersions() {
        assertJson(WireMapper.planDeleteBody("pro"), """
                {"plan_id": "pro", "all_versions": true}""");
    }

    @Test
    void planCreateBody_twoFixedPrices_refused() {
        Product twice = product("twice")
                .name("Twice")
                .items(priceItem(1).monthly(), priceItem(2).yearly());
        assertThatThrownBy(() -> WireMapper.planCreateBody(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'twice' has 2 fixed prices");
    }

    // ------------------------------------------------------------------ wire → model

    @Test
    void planBody_readBack_isTheSameProduct() {
        for (Product product : Catalogs.all().products()) {
            RemotePlan back = WireMapper.plan(WireMapper.planCreateBody(product), LOOKUP);
            assertThat(back.unsupported()).as(product.id()).isEmpty();
            assertThat(back.model()).as(product.id()).isEqualTo(product);
        }
    }

    @Test
    void featureBody_readBack_isTheSameFeature() {
        for (Feature feature : Catalogs.all().features()) {
            RemoteFeature back = WireMapper.feature(WireMapper.featureCreateBody(feature), LOOKUP);
            assertThat(back.unsupported()).isEmpty();
            assertThat(back.model()).isEqualTo(feature);
            assertThat(back.archived()).isFalse();
        }
    }

    @Test
    void money_neverPassesThroughDouble() throws Exception {
        BigDecimal exact = new BigDecimal("0.1234567890123456789012345678901");
        Product product = product("exact")
                .name("Exact")
                .item(pricedFeatureItem(API_CALLS)
                        .tiers(lastTier(exact))
                        .payPerUse()
                        .monthly());
        String text = write(WireMapper.planCreateBody(product));
        assertThat(text).contains("0.1234567890123456789012345678901");
        RemotePlan back = WireMapper.plan(Json.parse(text), LOOKUP);
        PricedFeatureItem item = (PricedFeatureItem) back.model().items().get(0);
        assertThat(((TieredPrice) item.price()).tiers().get(0).amount()).isEqualTo(exact);
    }

    @Test
    void plan_serverDefaults_readBackCanonical() {
        RemotePlan plan = WireMapper.plan(Json.parse("""
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
                        .item(featureItem(SSO)));
    }

    @Test
    void plan_requestWithoutDefaults_readsAsTheServerWouldStoreIt() {
        RemotePlan plan = WireMapper.plan(Json.parse("""
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
        RemotePlan plan = WireMapper.plan(Json.parse("""
                {"id": "p", "name": "P", "items": [{"feature_id": "api_calls", "included": 100,
                  "reset": {"interval": "week"},
                  "price": {"amount": 1, "interval": "month", "billing_units": 100, "billing_method": "prepaid"}}]}"""), LOOKUP);
        PricedFeatureItem item = (PricedFeatureItem) plan.model().items().get(0);
        assertThat(item.reset()).isEqualTo(Cycle.of(dev.autumncatalog.dsl.Interval.WEEK));
        assertThat(item.billing()).isEqualTo(Cycle.of(dev.autumncatalog.dsl.Interval.MONTH));
        assertThat(item.price()).isEqualTo(new PerUnitPrice(BigDecimal.ONE));
    }

    @Test
    void plan_whatTheDslCannotExpress_becomesUnsupportedLines() {
        RemotePlan plan = WireMapper.plan(Json.parse("""
                {"id": "p", "name": "P", "config": {"ignore_past_due": true},
                 "billing_controls": {"auto_topups": [1]}, "metadata": {"tier": "gold"},
                 "variant_details": {"base_plan_id": "base"}, "shiny_new_field": 42,
                 "items": [{"feature_id": "api_calls", "included": 5, "pooled": true, "reset": {"interval": "month"}}],
                 "free_trial": {"duration_length": 7, "duration_type": "day", "card_required": true,
                                "on_end": "revert"}}"""), LOOKUP);
        assertThat(plan.model()).isNotNull();
        assertThat(String.join("\n", plan.unsupported()))
                .contains("config.ignore_past_due = true")
                .contains("billing controls")
                .contains("metadata {\"tier\":\"gold\"}")
                .contains("a variant of plan 'base'")
                .contains("unknown field 'shiny_new_field' = 42")
                .contains("item api_calls: pooled")
                .contains("free trial on_end = \"revert\"");
    }

    @Test
    void plan_invariantBroken_nullModelAndReason() {
        RemotePlan negative = WireMapper.plan(Json.parse("""
                {"id": "neg", "name": "Neg", "price": {"amount": -5, "interval": "month"}}"""), LOOKUP);
        assertThat(negative.model()).isNull();
        assertThat(negative.unsupported()).singleElement().asString().contains("price amount must be > 0, was -5");

        RemotePlan unlimitedPriced = WireMapper.plan(Json.parse("""
                {"id": "inf", "name": "Inf", "items": [{"feature_id": "api_calls", "unlimited": true,
                 "price": {"amount": 0.01, "interval": "month", "billing_method": "usage_based"}}]}"""), LOOKUP);
        assertThat(unlimitedPriced.model()).isNull();
        assertThat(unlimitedPriced.unsupported()).singleElement().asString().contains("unlimited and priced");
    }

    @Test
    void plan_unknownOrInexpressibleFeature_nullModel() {
        RemotePlan unknown = WireMapper.plan(Json.parse("""
                {"id": "u", "name": "U", "items": [{"feature_id": "nope"}]}"""), LOOKUP);
        assertThat(unknown.model()).isNull();
        assertThat(unknown.unsupported()).singleElement().asString().contains("'nope', which Autumn does not list");

        Map<String, Feature> withAi = new HashMap<>(LOOKUP);
        withAi.put("ai", null);
        RemotePlan ai = WireMapper.plan(Json.parse("""
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
            "{\"id\": \"g\", \"name\": \"G\", \"free_trial\": {\"duration_length\": 0}}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [{\"feature_id\": \"seats\", \"price\": {\"interval\": \"month\", \"billing_method\": \"prepaid\"}}]}",
            "{\"id\": \"g\", \"name\": \"G\", \"items\": [{\"feature_id\": \"seats\", \"price\": {\"amount\": 1, \"interval\": \"month\", \"billing_method\": \"barter\"}}]}",
            "{\"id\": \"bad id!\", \"name\": \"G\"}",
        };
        for (String body : bodies) {
            RemotePlan plan = WireMapper.plan(Json.parse(body), LOOKUP);
            assertThat(plan.model()).as(body).isNull();
            assertThat(plan.unsupported()).as(body).hasSize(1);
        }
    }

    @Test
    void plan_withoutId_isMalformed() {
        assertThatThrownBy(() -> WireMapper.plan(Json.parse("{\"name\": \"x\"}"), LOOKUP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a plan without id");
    }

    @Test
    void features_list_resolvesCreditSchemaWhateverTheOrder() {
        List<RemoteFeature> features = WireMapper.features(Json.parse("""
                {"list": [
                  {"id": "credits", "name": "Credits", "type": "credit_system", "consumable": true,
                   "credit_schema": [{"metered_feature_id": "api_calls", "credit_cost": 0.5}],
                   "event_names": [], "archived": false},
                  {"id": "api_calls", "name": "API Calls", "type": "metered", "consumable": true,
                   "event_names": [], "archived": true, "display": {"singular": "call", "plural": "calls"}},
                  {"id": "sso", "name": "SSO", "type": "boolean", "consumable": true, "event_names": [],
                   "archived": false}]}"""));
        assertThat(features).extracting(RemoteFeature::id).containsExactly("credits", "api_calls", "sso");
        MeteredFeature calls = new MeteredFeature("api_calls", "API Calls", true);
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
        List<RemoteFeature> features = WireMapper.features(Json.parse("""
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
        assertThat(features.get(1).model()).isEqualTo(new MeteredFeature("tokens", "Tokens", true));
        assertThat(features.get(1).unsupported())
                .containsExactly("event names [token_usage] (the DSL tracks usage by feature id only)");
        assertThat(features.get(2).model()).isNull();
        assertThat(features.get(2).unsupported()).containsExactly("unknown feature type 'static'");
        assertThat(features.get(3).model()).isNull();
        assertThat(features.get(3).unsupported()).singleElement().asString().contains("must be > 0, was -1");
        assertThat(features.get(4).model()).isNull();
        assertThat(features.get(4).unsupported()).singleElement().asString().contains("'nope'");
        assertThat(features.get(5).id()).isEqualTo("bad id!");
        assertThat(features.get(5).model()).isNull();
    }

    @Test
    void plan_itemOrder_isTheServers() {
        RemotePlan plan = WireMapper.plan(
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
