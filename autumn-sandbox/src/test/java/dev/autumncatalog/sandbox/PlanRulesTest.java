package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertAnswer;
import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans without customers: shapes, defaults, partial updates, archive, validation; expectations from the recordings. */
class PlanRulesTest {
    private static final String PLAN_TAIL =
            "\"created_at\":0,\"env\":\"sandbox\",\"config\":{\"ignore_past_due\":false},\"billing_controls\":{},"
                    + "\"metadata\":{},\"base_variant_id\":null";

    private AutumnSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = AutumnSandbox.start();
        http = new SandboxHttp(sandbox);
        post(
                "/v1/features.create",
                "{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\",\"consumable\":true}");
        post(
                "/v1/features.create",
                "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false}");
        post("/v1/features.create", "{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}");
        post(
                "/v1/features.create",
                "{\"feature_id\":\"tokens\",\"name\":\"Tokens\",\"type\":\"metered\",\"consumable\":true,"
                        + "\"display\":{\"singular\":\"token\",\"plural\":\"tokens\"}}");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxHttp.Answer post(String path, String json) {
        return http.post(path, json);
    }

    private JsonNode plan(String id) {
        return post("/v1/plans.get", "{\"plan_id\":\"" + id + "\"}").json();
    }

    @Test
    void create_minimal_fillsEveryDefault() {
        assertAnswer(
                post("/v1/plans.create", "{\"plan_id\":\"minimal\",\"name\":\"Minimal\"}"),
                200,
                "{\"id\":\"minimal\",\"name\":\"Minimal\",\"description\":null,\"group\":null,\"version\":1,"
                        + "\"add_on\":false,\"auto_enable\":false,\"price\":null,\"items\":[],\"archived\":false,"
                        + PLAN_TAIL + "}");
    }

    @Test
    void create_paid_normalisesItems_generatesIdsAndDisplays_andOrdersPricedItemsFirst() {
        SandboxHttp.Answer answer = post("/v1/plans.create", """
                {"plan_id":"pro","name":"Pro","description":"For teams","group":"main",
                 "price":{"amount":20,"interval":"month"},
                 "items":[{"feature_id":"sso","included":5,"reset":{"interval":"month"}},
                          {"feature_id":"api_calls","unlimited":true},
                          {"feature_id":"seats","included":2,"reset":{"interval":"month"},
                           "price":{"amount":10,"interval":"month","billing_method":"prepaid"}},
                          {"feature_id":"tokens","price":{"amount":5,"interval":"month","billing_units":1000,
                           "billing_method":"prepaid","max_purchase":50000}}],
                 "free_trial":{"duration_length":14,"duration_type":"day"}}
                """);
        assertAnswer(answer, 200, """
                {"id":"pro","name":"Pro","description":"For teams","group":"main","version":1,"add_on":false,
                 "auto_enable":false,
                 "price":{"amount":20,"interval":"month","price_id":"x","display":{"primary_text":"$20","secondary_text":"per month"}},
                 "items":[
                  {"feature_id":"seats","included":2,"unlimited":false,"pooled":false,"reset":null,
                   "price":{"amount":10,"interval":"month","billing_units":1,"billing_method":"prepaid","max_purchase":null},
                   "display":{"primary_text":"2 Seats","secondary_text":"then $10 per Seats"},"entitlement_id":"x","price_id":"x"},
                  {"feature_id":"tokens","included":0,"unlimited":false,"pooled":false,"reset":{"interval":"month"},
                   "price":{"amount":5,"interval":"month","billing_units":1000,"billing_method":"prepaid","max_purchase":50000},
                   "display":{"primary_text":"$5 per 1,000 tokens"},"entitlement_id":"x","price_id":"x"},
                  {"feature_id":"api_calls","included":0,"unlimited":true,"pooled":false,"reset":{"interval":"one_off"},
                   "price":null,"display":{"primary_text":"Unlimited API Calls"},"entitlement_id":"x"},
                  {"feature_id":"sso","included":0,"unlimited":false,"pooled":false,"reset":null,"price":null,
                   "display":{"primary_text":"SSO"},"entitlement_id":"x"}],
                 "free_trial":{"duration_length":14,"duration_type":"day","card_required":true,"on_end":null},
                 "archived":false,"created_at":0,"env":"sandbox","config":{"ignore_past_due":false},
                 "billing_controls":{},"metadata":{},"base_variant_id":null}
                """);
        JsonNode items = answer.json().path("items");
        assertThat(items.get(0).path("entitlement_id").asText())
                .startsWith("ent_")
                .hasSize(31);
        assertThat(items.get(0).path("price_id").asText()).startsWith("pr_");
        assertThat(answer.json().path("created_at").asLong()).isPositive();
    }

    @Test
    void create_emptyGroupAndDescription_comeBackNull_butNullGroupIsRefused() {
        JsonNode created = post(
                        "/v1/plans.create", "{\"plan_id\":\"a\",\"name\":\"A\",\"group\":\"\",\"description\":\"\"}")
                .json();
        assertThat(created.get("group").isNull()).isTrue();
        assertThat(created.get("description").isNull()).isTrue();
        assertError(
                post("/v1/plans.create", "{\"plan_id\":\"b\",\"name\":\"B\",\"group\":null}"),
                400,
                "invalid_inputs",
                "group: must be a string (received null)");
    }

    @Test
    void create_duplicateId_is400ProductAlreadyExists_archivedIncluded() {
        post("/v1/plans.create", "{\"plan_id\":\"basic\",\"name\":\"Basic\"}");
        post("/v1/plans.update", "{\"plan_id\":\"basic\",\"archived\":true}");
        assertError(
                post("/v1/plans.create", "{\"plan_id\":\"basic\",\"name\":\"Basic\"}"),
                400,
                "product_already_exists",
                "Product basic already exists");
    }

    @Test
    void create_unknownFeature_is404_andLeavesNothingBehind() {
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":10},"
                                + "{\"feature_id\":\"does_not_exist\",\"included\":10}]}"),
                404,
                "feature_not_found",
                "Feature does_not_exist not found");
        assertError(post("/v1/plans.get", "{\"plan_id\":\"e\"}"), 404, "product_not_found", "Product e not found");
    }

    @Test
    void create_validationMessages_matchTheServer() {
        assertError(
                post("/v1/plans.create", "{\"plan_id\":\"bad id!\",\"name\":\"B\"}"),
                400,
                "invalid_inputs",
                "plan_id: must contain only letters, numbers, underscores, hyphens");
        assertError(
                post("/v1/plans.create", "{\"plan_id\":\"e\",\"name\":\"\"}"),
                400,
                "invalid_inputs",
                "name: cannot be empty");
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"price\":{\"amount\":10,\"interval\":\"fortnight\"}}"),
                400,
                "invalid_inputs",
                "price.interval: must be one of: one_off, week, month, quarter, semi_annual, year");
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":100,"
                                + "\"reset\":{\"interval\":\"week\"},\"price\":{\"amount\":0.01,\"interval\":\"month\","
                                + "\"billing_method\":\"usage_based\"}}]}"),
                400,
                "invalid_inputs",
                "items.0: reset.interval and price.interval can only differ for prepaid prices.");
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":100,"
                                + "\"price\":{\"interval\":\"month\",\"billing_method\":\"usage_based\","
                                + "\"tiers\":[{\"to\":100,\"amount\":0.01},{\"to\":\"inf\",\"amount\":0.005}]}}]}"),
                400,
                "invalid_inputs",
                "items.0: tiers[0].to must be greater than included.");
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\","
                                + "\"price\":{\"interval\":\"month\",\"billing_method\":\"usage_based\",\"tiers\":[]}}]}"),
                400,
                "invalid_inputs",
                "[Validation Errors] items.0: If 'price' is present, either 'amount' or 'tiers' must be defined.;"
                        + " items.0: tiers cannot be empty.");
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\","
                                + "\"price\":{\"amount\":0.01,\"interval\":\"month\"}}]}"),
                400,
                "invalid_inputs",
                "items.0.price.billing_method: must be one of: prepaid, usage_based");
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\","
                                + "\"reset\":{\"interval\":\"one_off\"},\"price\":{\"amount\":0.01,\"interval\":\"one_off\","
                                + "\"billing_method\":\"usage_based\"}}]}"),
                400,
                "invalid_price",
                "Usage prices cannot be one-off if not set to prepaid (feature: api_calls)");
        assertThat(post("/v1/plans.list", "{\"include_archived\":true}").json().path("list"))
                .isEmpty();
    }

    @Test
    void create_acceptsWhatTheServerAccepts() {
        // negative prices, a finite last tier, a minute reset, a trial without price, a prepaid interval mismatch
        List<String> bodies = List.of(
                "{\"plan_id\":\"a\",\"name\":\"A\",\"price\":{\"amount\":-5,\"interval\":\"month\"}}",
                "{\"plan_id\":\"b\",\"name\":\"B\",\"items\":[{\"feature_id\":\"api_calls\",\"reset\":{\"interval\":\"month\"},"
                        + "\"price\":{\"interval\":\"month\",\"billing_method\":\"usage_based\","
                        + "\"tiers\":[{\"to\":500,\"amount\":0.02},{\"to\":1000,\"amount\":0.01}]}}]}",
                "{\"plan_id\":\"c\",\"name\":\"C\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":1,\"reset\":{\"interval\":\"minute\"}}]}",
                "{\"plan_id\":\"d\",\"name\":\"D\",\"items\":[{\"feature_id\":\"sso\"}],"
                        + "\"free_trial\":{\"duration_length\":7,\"duration_type\":\"day\",\"card_required\":false}}",
                "{\"plan_id\":\"e\",\"name\":\"E\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":100,"
                        + "\"reset\":{\"interval\":\"week\"},\"price\":{\"amount\":1,\"interval\":\"month\","
                        + "\"billing_units\":100,\"billing_method\":\"prepaid\"}}]}",
                "{\"plan_id\":\"f\",\"name\":\"F\",\"items\":[{\"feature_id\":\"sso\",\"price\":{\"amount\":5,"
                        + "\"interval\":\"month\",\"billing_method\":\"prepaid\"}}]}");
        List<Integer> statuses = new ArrayList<>();
        for (String body : bodies) {
            statuses.add(post("/v1/plans.create", body).status());
        }
        assertThat(statuses).containsOnly(200);
        assertThat(plan("a").at("/price/display/primary_text").asText()).isEqualTo("-$5");
        assertThat(plan("f").at("/items/0/display/primary_text").asText()).isEqualTo("$5 per SSO");
    }

    @Test
    void create_negativeIncluded_is400_butLeavesAnEmptyPlanBehind() {
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"neg\",\"name\":\"Neg\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":-10,"
                                + "\"reset\":{\"interval\":\"month\"}}]}"),
                400,
                "invalid_inputs",
                "Included usage must be 0 or greater");
        assertThat(plan("neg").path("items")).isEmpty();
    }

    @Test
    void create_twoItemsForOneFeatureAndInterval_is400_butLeavesAnEmptyPlanBehind() {
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"dup\",\"name\":\"Dup\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":10,"
                                + "\"reset\":{\"interval\":\"month\"}},{\"feature_id\":\"api_calls\",\"included\":20,"
                                + "\"reset\":{\"interval\":\"month\"}}]}"),
                400,
                "invalid_inputs",
                "You're trying to create two items for the same feature (api_calls) with the same interval. Please make"
                        + " them into one item.");
        assertThat(plan("dup").path("items")).isEmpty();
    }

    @Test
    void create_unlimitedWithPrice_is500_andBreaksPlansListUntilDeleted() {
        post("/v1/plans.create", "{\"plan_id\":\"ok\",\"name\":\"Ok\"}");
        String poison =
                "{\"plan_id\":\"poison\",\"name\":\"Poison\",\"items\":[{\"feature_id\":\"api_calls\",\"unlimited\":true,"
                        + "\"reset\":{\"interval\":\"month\"},\"price\":{\"amount\":0.01,\"interval\":\"month\",\"billing_method\":\"usage_based\"}}]}";
        String message = "included: must be a number (received number)";
        assertError(post("/v1/plans.create", poison), 500, "invalid_inputs", message);
        assertError(post("/v1/plans.list", "{}"), 500, "invalid_inputs", message);
        assertError(post("/v1/plans.get", "{\"plan_id\":\"poison\"}"), 500, "invalid_inputs", message);
        assertThat(plan("ok").path("id").asText()).isEqualTo("ok");
        JsonNode rest = http.get("/v1/products").json().path("list");
        assertThat(rest).hasSize(2);

        assertAnswer(post("/v1/plans.delete", "{\"plan_id\":\"poison\"}"), 200, "{\"success\":true}");
        assertThat(post("/v1/plans.list", "{}").status()).isEqualTo(200);
    }

    @Test
    void update_isPartial_keepingOmittedFields() {
        post(
                "/v1/plans.create",
                "{\"plan_id\":\"boost\",\"name\":\"Boost\",\"group\":\"boosts\",\"add_on\":true,"
                        + "\"price\":{\"amount\":5,\"interval\":\"month\"},\"items\":[{\"feature_id\":\"api_calls\","
                        + "\"included\":5000,\"reset\":{\"interval\":\"month\"}}]}");
        JsonNode named = post("/v1/plans.update", "{\"plan_id\":\"boost\",\"name\":\"API Boost\"}")
                .json();
        assertThat(named.path("name").asText()).isEqualTo("API Boost");
        assertThat(named.path("group").asText()).isEqualTo("boosts");
        assertThat(named.path("add_on").asBoolean()).isTrue();
        assertThat(named.at("/price/amount").asInt()).isEqualTo(5);
        assertThat(named.path("items")).hasSize(1);

        JsonNode itemsOnly = post("/v1/plans.update", "{\"plan_id\":\"boost\",\"items\":[{\"feature_id\":\"sso\"}]}")
                .json();
        assertThat(itemsOnly.at("/price/amount").asInt())
                .as("RPC items-only update keeps the price")
                .isEqualTo(5);
        assertThat(itemsOnly.path("items")).hasSize(1);

        assertThat(post("/v1/plans.update", "{\"plan_id\":\"boost\",\"items\":[]}")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"boost\",\"price\":null}")
                        .json()
                        .get("price")
                        .isNull())
                .isTrue();
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"boost\",\"group\":\"\"}")
                        .json()
                        .get("group")
                        .isNull())
                .isTrue();
    }

    @Test
    void update_nullGroupOrDescription_is400_andChangesNothing() {
        post("/v1/plans.create", "{\"plan_id\":\"p\",\"name\":\"P\",\"description\":\"D\"}");
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"p\",\"description\":null}"),
                400,
                "invalid_inputs",
                "description: must be a string (received null)");
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"p\",\"group\":null}"),
                400,
                "invalid_inputs",
                "group: must be a string (received null)");
        assertThat(plan("p").path("description").asText()).isEqualTo("D");
    }

    @Test
    void update_removeTrial_withNull() {
        post(
                "/v1/plans.create",
                "{\"plan_id\":\"p\",\"name\":\"P\",\"price\":{\"amount\":9,\"interval\":\"month\"},"
                        + "\"free_trial\":{\"duration_length\":14,\"duration_type\":\"day\",\"card_required\":true}}");
        assertThat(plan("p").has("free_trial")).isTrue();
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"p\",\"free_trial\":null}")
                        .json()
                        .has("free_trial"))
                .isFalse();
    }

    @Test
    void update_omittingArchived_unarchives() {
        post("/v1/plans.create", "{\"plan_id\":\"p\",\"name\":\"P\"}");
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"p\",\"archived\":true}")
                        .json()
                        .path("archived")
                        .asBoolean())
                .isTrue();
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"p\",\"name\":\"P2\"}")
                        .json()
                        .path("archived")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void update_unknownPlanOrFeature_is404_andThePlanIsUnchanged() {
        post(
                "/v1/plans.create",
                "{\"plan_id\":\"basic\",\"name\":\"Basic\",\"items\":[{\"feature_id\":\"seats\",\"included\":1}]}");
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"nope\",\"name\":\"X\"}"),
                404,
                "product_not_found",
                "Product nope not found");
        assertError(
                post(
                        "/v1/plans.update",
                        "{\"plan_id\":\"basic\",\"items\":[{\"feature_id\":\"seats\",\"included\":9},"
                                + "{\"feature_id\":\"does_not_exist\"}]}"),
                404,
                "feature_not_found",
                "Feature does_not_exist not found");
        assertThat(plan("basic").at("/items/0/included").asInt()).isEqualTo(1);
    }

    @Test
    void update_newPlanId_renames_andATakenIdIs500LikeTheServer() {
        post("/v1/plans.create", "{\"plan_id\":\"a\",\"name\":\"A\"}");
        post("/v1/plans.create", "{\"plan_id\":\"b\",\"name\":\"B\"}");
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"a\",\"new_plan_id\":\"b\"}"),
                500,
                "internal_error",
                "duplicate key value violates unique constraint \"unique_product\"");
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"a\",\"new_plan_id\":\"c\"}")
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo("c");
        assertError(post("/v1/plans.get", "{\"plan_id\":\"a\"}"), 404, "product_not_found", "Product a not found");
    }

    @Test
    void list_hidesArchivedUnlessAsked() {
        post("/v1/plans.create", "{\"plan_id\":\"a\",\"name\":\"A\"}");
        post("/v1/plans.create", "{\"plan_id\":\"b\",\"name\":\"B\"}");
        post("/v1/plans.update", "{\"plan_id\":\"b\",\"archived\":true}");
        assertThat(ids(post("/v1/plans.list", "{}"))).containsExactly("a");
        assertThat(ids(post("/v1/plans.list", "{\"include_archived\":true}"))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(http.get("/v1/products?include_archived=true"))).containsExactlyInAnyOrder("a", "b");
        assertThat(plan("b").path("archived").asBoolean())
                .as("plans.get still returns it")
                .isTrue();
    }

    @Test
    void delete_unknown_is404() {
        assertError(
                post("/v1/plans.delete", "{\"plan_id\":\"nope\"}"), 404, "product_not_found", "Product nope not found");
    }

    @Test
    void rest_updateWithOnlyItems_removesThePrice_unlikeTheRpc() {
        post(
                "/v1/products",
                "{\"id\":\"r\",\"name\":\"R\",\"price\":{\"amount\":15,\"interval\":\"month\"},"
                        + "\"items\":[{\"feature_id\":\"sso\"}]}");
        JsonNode itemsOnly = post("/v1/products/r", "{\"items\":[{\"feature_id\":\"seats\",\"included\":1}]}")
                .json();
        assertThat(itemsOnly.get("price").isNull()).isTrue();
        JsonNode priceOnly = post("/v1/products/r", "{\"price\":{\"amount\":9,\"interval\":\"month\"}}")
                .json();
        assertThat(priceOnly.path("items")).isEmpty();
        assertError(
                post("/v1/products", "{\"plan_id\":\"x\",\"name\":\"X\"}"),
                400,
                "invalid_inputs",
                "id: must be a string (received undefined)");
    }

    @Test
    void displays_followTheFeatureName() {
        post(
                "/v1/plans.create",
                "{\"plan_id\":\"p\",\"name\":\"P\",\"items\":[{\"feature_id\":\"api_calls\",\"included\":1000,"
                        + "\"reset\":{\"interval\":\"month\"}}]}");
        assertThat(plan("p").at("/items/0/display/primary_text").asText()).isEqualTo("1,000 API Calls");
        post("/v1/features.update", "{\"feature_id\":\"api_calls\",\"name\":\"API Requests\"}");
        assertThat(plan("p").at("/items/0/display/primary_text").asText()).isEqualTo("1,000 API Requests");
    }

    @Test
    void autoEnable_defaultRulesFromTheServerSource() {
        assertError(
                post(
                        "/v1/plans.create",
                        "{\"plan_id\":\"p\",\"name\":\"P\",\"auto_enable\":true,"
                                + "\"price\":{\"amount\":10,\"interval\":\"month\"}}"),
                400,
                "invalid_request",
                "Cannot make a plan auto-enable if it has prices on it.");
        assertThat(post(
                                "/v1/plans.create",
                                "{\"plan_id\":\"trial\",\"name\":\"T\",\"auto_enable\":true,"
                                        + "\"price\":{\"amount\":10,\"interval\":\"month\"},"
                                        + "\"free_trial\":{\"duration_length\":7,\"duration_type\":\"day\",\"card_required\":false}}")
                        .status())
                .as("a card-less trial may be auto-enable")
                .isEqualTo(200);
        assertThat(post("/v1/plans.create", "{\"plan_id\":\"free\",\"name\":\"Free\",\"auto_enable\":true}")
                        .status())
                .isEqualTo(200);
        assertError(
                post("/v1/plans.create", "{\"plan_id\":\"free2\",\"name\":\"Free 2\",\"auto_enable\":true}"),
                400,
                "invalid_request",
                "You have another default product (free). Please remove default from that product first.");
        assertThat(post(
                                "/v1/plans.create",
                                "{\"plan_id\":\"free3\",\"name\":\"Free 3\",\"group\":\"other\","
                                        + "\"auto_enable\":true}")
                        .status())
                .as("one free default per group")
                .isEqualTo(200);
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"free\",\"price\":{\"amount\":5,\"interval\":\"month\"}}"),
                400,
                "invalid_request",
                "Cannot make a plan auto-enable if it has prices on it.");
    }

    private static List<String> ids(SandboxHttp.Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().path("list").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }
}
