package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertAnswer;
import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Features as the real server (2.3.0) handles them; every expectation comes from the recordings. */
class FeatureRulesTest {
    private AutumnSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = AutumnSandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxHttp.Answer create(String json) {
        return http.post("/v1/features.create", json);
    }

    private void seed() {
        create("{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\",\"consumable\":true}");
        create("{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false}");
        create("{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}");
    }

    @Test
    void create_metered_answersTheStoredShape() {
        assertAnswer(
                create(
                        "{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\",\"consumable\":true}"),
                200,
                """
                {"id":"api_calls","name":"API Calls","type":"metered","consumable":true,"event_names":[],"archived":false}
                """);
    }

    @Test
    void create_meteredWithoutConsumable_isStoredNonConsumable() {
        assertAnswer(create("{\"feature_id\":\"x\",\"name\":\"X\",\"type\":\"metered\"}"), 200, """
                {"id":"x","name":"X","type":"metered","consumable":false,"event_names":[],"archived":false}
                """);
    }

    @Test
    void create_displayAndEventNames_areReturnedOnlyWhenSent() {
        assertAnswer(
                create(
                        "{\"feature_id\":\"tokens\",\"name\":\"Tokens\",\"type\":\"metered\",\"consumable\":true,"
                                + "\"event_names\":[\"token_usage\"],\"display\":{\"singular\":\"token\",\"plural\":\"tokens\"}}"),
                200,
                """
                {"id":"tokens","name":"Tokens","type":"metered","consumable":true,"event_names":["token_usage"],
                 "archived":false,"display":{"singular":"token","plural":"tokens"}}
                """);
    }

    @Test
    void create_creditSystem_isConsumable_andCarriesItsSchema() {
        seed();
        assertAnswer(
                create("{\"feature_id\":\"credits\",\"name\":\"Credits\",\"type\":\"credit_system\","
                        + "\"credit_schema\":[{\"metered_feature_id\":\"api_calls\",\"credit_cost\":0.5}]}"),
                200,
                """
                {"id":"credits","name":"Credits","type":"credit_system","consumable":true,
                 "credit_schema":[{"metered_feature_id":"api_calls","credit_cost":0.5}],"event_names":[],"archived":false}
                """);
    }

    @Test
    void create_duplicateId_is409DuplicateFeatureId() {
        seed();
        assertError(
                create("{\"feature_id\":\"api_calls\",\"name\":\"Other\",\"type\":\"boolean\"}"),
                409,
                "duplicate_feature_id",
                "Feature api_calls already exists");
    }

    @Test
    void create_schemaProblems_are400InvalidInputs() {
        assertError(
                create("{\"feature_id\":\"x\",\"type\":\"boolean\"}"),
                400,
                "invalid_inputs",
                "name: must be a string (received undefined)");
        assertError(
                create("{\"feature_id\":\"x\",\"name\":\"X\",\"type\":\"single_use\"}"),
                400,
                "invalid_inputs",
                "type: must be one of: boolean, metered, credit_system, ai_credit_system");
        assertError(
                create("{\"feature_id\":\"c\",\"name\":\"C\",\"type\":\"credit_system\"}"),
                400,
                "invalid_inputs",
                "credit_schema: Please specify the credit schema for the feature.");
    }

    @Test
    void create_idWithSpaces_isAcceptedOnTheRpcRoute() {
        assertThat(create("{\"feature_id\":\"bad id!\",\"name\":\"Bad\",\"type\":\"boolean\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void create_creditSchemaRules_followTheServer() {
        seed();
        assertError(
                create("{\"feature_id\":\"c\",\"name\":\"C\",\"type\":\"credit_system\",\"credit_schema\":[]}"),
                400,
                "invalid_feature",
                "At least one metered feature is required for credit system");
        assertError(
                create("{\"feature_id\":\"c\",\"name\":\"C\",\"type\":\"credit_system\","
                        + "\"credit_schema\":[{\"metered_feature_id\":\"seats\",\"credit_cost\":1}]}"),
                400,
                "invalid_feature",
                "Credit system schema cannot reference continuous feature seats. Only consumable (single-use)"
                        + " metered features are allowed.");
        // Accepted by the real server: an unknown target, a boolean target, a negative cost.
        assertThat(create("{\"feature_id\":\"c1\",\"name\":\"C\",\"type\":\"credit_system\","
                                + "\"credit_schema\":[{\"metered_feature_id\":\"nope\",\"credit_cost\":1}]}")
                        .status())
                .isEqualTo(200);
        assertThat(create("{\"feature_id\":\"c2\",\"name\":\"C\",\"type\":\"credit_system\","
                                + "\"credit_schema\":[{\"metered_feature_id\":\"sso\",\"credit_cost\":-1}]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void list_alwaysIncludesArchived_ignoresIncludeArchived_andPutsArchivedLast() {
        seed();
        http.post("/v1/features.update", "{\"feature_id\":\"api_calls\",\"archived\":true}");
        String expected = """
                {"list":[
                  {"id":"seats","name":"Seats","type":"metered","consumable":false,"event_names":[],"archived":false},
                  {"id":"sso","name":"SSO","type":"boolean","consumable":false,"event_names":[],"archived":false},
                  {"id":"api_calls","name":"API Calls","type":"metered","consumable":true,"event_names":[],"archived":true}]}
                """;
        assertAnswer(http.post("/v1/features.list", "{}"), 200, expected);
        assertAnswer(http.post("/v1/features.list", "{\"include_archived\":false}"), 200, expected);
        assertAnswer(http.get("/v1/features"), 200, expected);
    }

    @Test
    void get_unknown_is404FeatureNotFound() {
        assertError(
                http.post("/v1/features.get", "{\"feature_id\":\"nope\"}"),
                404,
                "feature_not_found",
                "Feature nope not found");
        assertError(http.get("/v1/features/nope"), 404, "feature_not_found", "Feature nope not found");
    }

    @Test
    void update_isPartial() {
        seed();
        http.post("/v1/features.update", "{\"feature_id\":\"api_calls\",\"name\":\"API Requests\"}");
        assertAnswer(
                http.post("/v1/features.update", "{\"feature_id\":\"api_calls\",\"event_names\":[\"api_call\"]}"),
                200,
                """
                {"id":"api_calls","name":"API Requests","type":"metered","consumable":true,"event_names":["api_call"],"archived":false}
                """);
    }

    @Test
    void update_unknown_is404() {
        assertError(
                http.post("/v1/features.update", "{\"feature_id\":\"nope\",\"name\":\"X\"}"),
                404,
                "feature_not_found",
                "Feature nope not found");
    }

    @Test
    void update_newFeatureId_renames_plansFollow_andTheOldIdIsGone() {
        seed();
        http.post(
                "/v1/plans.create",
                "{\"plan_id\":\"basic\",\"name\":\"Basic\",\"items\":[{\"feature_id\":\"seats\",\"included\":1}]}");
        assertAnswer(
                http.post("/v1/features.update", "{\"feature_id\":\"seats\",\"new_feature_id\":\"seats_renamed\"}"),
                200,
                """
                {"id":"seats_renamed","name":"Seats","type":"metered","consumable":false,"event_names":[],"archived":false}
                """);
        assertThat(http.post("/v1/features.get", "{\"feature_id\":\"seats\"}").status())
                .isEqualTo(404);
        assertThat(http.post("/v1/plans.get", "{\"plan_id\":\"basic\"}")
                        .json()
                        .at("/items/0/feature_id")
                        .asText())
                .isEqualTo("seats_renamed");
        assertError(
                http.post("/v1/features.update", "{\"feature_id\":\"sso\",\"new_feature_id\":\"api_calls\"}"),
                409,
                "duplicate_feature_id",
                "Feature api_calls already exists");
    }

    @Test
    void update_typeChange_unusedFeature_isAccepted_keepingConsumable() {
        seed();
        assertAnswer(http.post("/v1/features.update", "{\"feature_id\":\"api_calls\",\"type\":\"boolean\"}"), 200, """
                {"id":"api_calls","name":"API Calls","type":"boolean","consumable":true,"event_names":[],"archived":false}
                """);
    }

    @Test
    void update_typeChange_blockedByAUsagePrice_orACreditSystemSwitch() {
        seed();
        http.post(
                "/v1/plans.create",
                "{\"plan_id\":\"p\",\"name\":\"P\",\"items\":[{\"feature_id\":\"api_calls\",\"reset\":{\"interval\":\"month\"},"
                        + "\"price\":{\"amount\":0.01,\"interval\":\"month\",\"billing_method\":\"usage_based\"}},"
                        + "{\"feature_id\":\"seats\",\"included\":1}]}");
        assertError(
                http.post("/v1/features.update", "{\"feature_id\":\"api_calls\",\"type\":\"boolean\"}"),
                400,
                "invalid_feature",
                "Cannot change type of feature api_calls because it has a usage price set");
        assertError(
                http.post(
                        "/v1/features.update",
                        "{\"feature_id\":\"seats\",\"type\":\"credit_system\","
                                + "\"credit_schema\":[{\"metered_feature_id\":\"api_calls\",\"credit_cost\":1}]}"),
                400,
                "invalid_request",
                "Cannot change type of feature seats from metered to credit_system");
        assertError(
                http.post("/v1/features.update", "{\"feature_id\":\"sso\",\"type\":\"metered\"}"),
                400,
                "invalid_request",
                "Consumable is required when changing type to metered");
    }

    @Test
    void update_consumableToNonConsumable_dropsTheResetOfPlanItems() {
        create("{\"feature_id\":\"m\",\"name\":\"Metered Used\",\"type\":\"metered\",\"consumable\":true}");
        http.post(
                "/v1/plans.create",
                "{\"plan_id\":\"u\",\"name\":\"U\",\"items\":[{\"feature_id\":\"m\",\"included\":100,\"reset\":{\"interval\":\"month\"},"
                        + "\"price\":{\"amount\":0.5,\"interval\":\"month\",\"billing_units\":10,\"billing_method\":\"usage_based\"}}]}");
        assertThat(http.post("/v1/features.update", "{\"feature_id\":\"m\",\"consumable\":false}")
                        .status())
                .isEqualTo(200);
        assertAnswer(http.post("/v1/plans.get", "{\"plan_id\":\"u\"}"), 200, """
                {"id":"u","name":"U","description":null,"group":null,"version":1,"add_on":false,"auto_enable":false,
                 "price":null,
                 "items":[{"feature_id":"m","included":100,"unlimited":false,"pooled":false,"reset":null,
                   "price":{"amount":0.5,"interval":"month","billing_units":10,"billing_method":"usage_based","max_purchase":null},
                   "display":{"primary_text":"100 Metered Used","secondary_text":"then $0.5 per 10 Metered Used"},
                   "entitlement_id":"x","price_id":"x"}],
                 "created_at":0,"env":"sandbox","archived":false,"config":{"ignore_past_due":false},
                 "billing_controls":{},"metadata":{},"base_variant_id":null}
                """);
    }

    @Test
    void delete_refusedWhileACreditSystemOrAPlanUsesIt_elseDeleted() {
        seed();
        create("{\"feature_id\":\"gpu\",\"name\":\"GPU\",\"type\":\"metered\",\"consumable\":true}");
        create("{\"feature_id\":\"credits\",\"name\":\"Credits\",\"type\":\"credit_system\","
                + "\"credit_schema\":[{\"metered_feature_id\":\"gpu\",\"credit_cost\":10}]}");
        http.post(
                "/v1/plans.create",
                "{\"plan_id\":\"p\",\"name\":\"P\",\"items\":[{\"feature_id\":\"seats\",\"included\":1}]}");

        assertError(
                http.post("/v1/features.delete", "{\"feature_id\":\"gpu\"}"),
                409,
                "invalid_request",
                "Feature gpu is used by credit system credits");
        assertError(
                http.post("/v1/features.delete", "{\"feature_id\":\"seats\"}"),
                409,
                "invalid_request",
                "Feature seats is used in a product. You must delete the product first, or archive it instead.");
        assertAnswer(http.post("/v1/features.delete", "{\"feature_id\":\"sso\"}"), 200, "{\"success\":true}");
        assertError(
                http.post("/v1/features.delete", "{\"feature_id\":\"sso\"}"),
                404,
                "feature_not_found",
                "Feature sso not found");
    }

    @Test
    void deletionInfo_countsItemsOnEveryPlan_numberNotString() {
        seed();
        assertAnswer(http.get("/v1/features/seats/deletion_info"), 200, "{\"productName\":null,\"totalCount\":0}");
        http.post(
                "/v1/plans.create",
                "{\"plan_id\":\"free\",\"name\":\"Free\",\"items\":[{\"feature_id\":\"seats\",\"included\":1}]}");
        http.post(
                "/v1/plans.create",
                "{\"plan_id\":\"pro\",\"name\":\"Pro\",\"items\":[{\"feature_id\":\"seats\",\"included\":5}]}");
        assertAnswer(http.get("/v1/features/seats/deletion_info"), 200, "{\"productName\":\"Free\",\"totalCount\":2}");
    }

    @Test
    void rest_createUpdateArchiveDelete() {
        assertThat(http.post("/v1/features", "{\"id\":\"r\",\"name\":\"R\",\"type\":\"metered\",\"consumable\":true}")
                        .status())
                .isEqualTo(200);
        assertAnswer(http.post("/v1/features/r", "{\"archived\":true}"), 200, """
                {"id":"r","name":"R","type":"metered","consumable":true,"event_names":[],"archived":true}
                """);
        assertAnswer(http.send("DELETE", "/v1/features/r", null), 200, "{\"success\":true}");
    }
}
