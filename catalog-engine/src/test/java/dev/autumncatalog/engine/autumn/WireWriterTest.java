package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.autumn.Catalogs.API_CALLS;
import static dev.autumncatalog.engine.autumn.Catalogs.CREDITS;
import static dev.autumncatalog.engine.autumn.Catalogs.SEATS;
import static dev.autumncatalog.engine.autumn.Catalogs.SSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Product;
import org.junit.jupiter.api.Test;

/** Request bodies of {@link WireWriter}: the wire format Autumn 2.3.0 takes, field by field. */
class WireWriterTest {
    private static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(Json.parse(expected)));
    }

    private static String write(JsonNode node) throws Exception {
        return WireMapper.json().writeValueAsString(node);
    }

    @Test
    void featureCreateBody_eachKind_usesFeatureIdAndV2Types() {
        assertJson(WireWriter.featureCreateBody(SSO), """
                {"feature_id": "sso", "name": "SSO", "type": "boolean"}""");
        assertJson(WireWriter.featureCreateBody(SEATS), """
                {"feature_id": "seats", "name": "Seats", "type": "metered", "consumable": false}""");
        assertJson(WireWriter.featureCreateBody(API_CALLS), """
                {"feature_id": "api_calls", "name": "API Calls", "type": "metered", "consumable": true}""");
        assertJson(WireWriter.featureCreateBody(CREDITS), """
                {"feature_id": "credits", "name": "AI Credits", "type": "credit_system",
                 "credit_schema": [{"metered_feature_id": "basic_model", "credit_cost": 1},
                                   {"metered_feature_id": "premium_model", "credit_cost": 5}]}""");
    }

    @Test
    void featureCreateBody_eventNames_onlyWhenThereAreSome() {
        assertJson(WireWriter.featureCreateBody(CREDITS.eventNames("llm.completion")), """
                {"feature_id": "credits", "name": "AI Credits", "type": "credit_system",
                 "credit_schema": [{"metered_feature_id": "basic_model", "credit_cost": 1},
                                   {"metered_feature_id": "premium_model", "credit_cost": 5}],
                 "event_names": ["llm.completion"]}""");
    }

    @Test
    void featureUpdateBody_carriesArchived() {
        // event_names always: the catalog says them, [] clears them (left out, Autumn would keep them)
        assertJson(WireWriter.featureUpdateBody(SEATS, true), """
                {"feature_id": "seats", "name": "Seats", "type": "metered", "consumable": false, "event_names": [],
                 "archived": true}""");
        assertJson(WireWriter.featureUpdateBody(API_CALLS.eventNames("api.request", "api.batch"), false), """
                {"feature_id": "api_calls", "name": "API Calls", "type": "metered", "consumable": true,
                 "event_names": ["api.request", "api.batch"], "archived": false}""");
        assertJson(WireWriter.featureArchiveBody("seats", false), """
                {"feature_id": "seats", "archived": false}""");
    }

    @Test
    void planCreateBody_richPro_matchesDesignWireFormat() {
        assertJson(WireWriter.planCreateBody(Catalogs.PRO), """
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
        assertJson(WireWriter.planCreateBody(Catalogs.PACK), """
                {"plan_id": "api-call-pack-1000", "name": "API Call Pack (1000)", "description": "", "group": "",
                 "add_on": true, "auto_enable": false,
                 "price": {"amount": 5, "interval": "one_off"},
                 "items": [{"feature_id": "api_calls", "included": 1000, "reset": {"interval": "one_off"}}]}""");
        ObjectNode free = WireWriter.planCreateBody(Catalogs.FREE);
        assertThat(free.has("price")).as("plans.create takes no null price").isFalse();
        assertThat(free.has("free_trial")).isFalse();
    }

    @Test
    void planCreateBody_everything_roundsNothingAndWritesPlainNumbers() throws Exception {
        ObjectNode body = WireWriter.planCreateBody(Catalogs.EVERYTHING);
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
        assertJson(WireWriter.planUpdateBody(bare, false, VersionChoice.CREATE_VERSION), """
                {"plan_id": "bare", "name": "Bare", "description": "", "group": "", "add_on": false,
                 "auto_enable": false, "price": null, "items": [], "free_trial": null, "archived": false}""");
        ObjectNode inPlace = WireWriter.planUpdateBody(Catalogs.PRO, true, VersionChoice.UPDATE_IN_PLACE);
        assertThat(inPlace.get("archived").booleanValue()).isTrue();
        assertThat(inPlace.get("disable_version").booleanValue()).isTrue();
        assertThat(inPlace.get("price").get("amount").decimalValue()).isEqualByComparingTo("20");
        assertThat(inPlace.get("items")).hasSize(5);
    }

    @Test
    void planCustomersBody_isThePlanWithoutFlags() {
        ObjectNode body = WireWriter.planCustomersBody(Catalogs.FREE);
        assertThat(body.has("archived")).isFalse();
        assertThat(body.has("disable_version")).isFalse();
        assertThat(body.get("price").isNull()).isTrue();
        assertThat(body.get("plan_id").asText()).isEqualTo("free");
    }

    @Test
    void planDeleteBody_deletesAllVersions() {
        assertJson(WireWriter.planDeleteBody("pro"), """
                {"plan_id": "pro", "all_versions": true}""");
    }

    @Test
    void planCreateBody_twoFixedPrices_refused() {
        Product twice = product("twice")
                .name("Twice")
                .items(priceItem(1).monthly(), priceItem(2).yearly());
        assertThatThrownBy(() -> WireWriter.planCreateBody(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'twice' has 2 fixed prices");
    }
}
