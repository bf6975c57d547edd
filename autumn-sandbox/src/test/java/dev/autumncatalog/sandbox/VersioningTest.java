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

/** Customers (a test control) and plan versioning, as recorded in 30-versioning. */
class VersioningTest {
    private static final String FREE_ITEMS_100 =
            "[{\"feature_id\":\"api_calls\",\"included\":100,\"reset\":{\"interval\":\"month\"}},"
                    + "{\"feature_id\":\"seats\",\"included\":1}]";
    private static final String FREE_ITEMS_200 =
            "[{\"feature_id\":\"api_calls\",\"included\":200,\"reset\":{\"interval\":\"month\"}},"
                    + "{\"feature_id\":\"seats\",\"included\":1}]";

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
        post(
                "/v1/plans.create",
                "{\"plan_id\":\"free\",\"name\":\"Free\",\"group\":\"main\",\"auto_enable\":true,\"items\":"
                        + FREE_ITEMS_100 + "}");
        post(
                "/v1/plans.create",
                "{\"plan_id\":\"pro\",\"name\":\"Pro\",\"price\":{\"amount\":20,\"interval\":\"month\"}}");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxHttp.Answer post(String path, String json) {
        return http.post(path, json);
    }

    private SandboxHttp.Answer hasCustomers(String json) {
        return post("/v1/plans.has_customers", json);
    }

    @Test
    void hasCustomers_withoutCustomers_neverVersions() {
        assertAnswer(
                hasCustomers("{\"plan_id\":\"pro\",\"price\":{\"amount\":99,\"interval\":\"month\"}}"),
                200,
                "{\"current_version\":1,\"will_version\":false,\"archived\":false}");
    }

    @Test
    void hasCustomers_withCustomers_versionsOnlyWhenItemsPriceOrTrialDiffer() {
        sandbox.addCustomer("free");
        assertThat(sandbox.customerCount("free")).isEqualTo(1);
        String same = "{\"plan_id\":\"free\",\"name\":\"Free\",\"group\":\"main\",\"auto_enable\":true,\"items\":"
                + FREE_ITEMS_100 + "}";
        assertAnswer(hasCustomers(same), 200, "{\"current_version\":1,\"will_version\":false,\"archived\":false}");
        assertAnswer(
                hasCustomers("{\"plan_id\":\"free\",\"items\":" + FREE_ITEMS_200 + "}"),
                200,
                "{\"current_version\":1,\"will_version\":true,\"archived\":false}");
        assertAnswer(
                hasCustomers("{\"plan_id\":\"free\",\"name\":\"Free Tier\"}"),
                200,
                "{\"current_version\":1,\"will_version\":false,\"archived\":false}");
        assertAnswer(
                http.post("/v1/products/free/has_customers", "{\"items\":" + FREE_ITEMS_200 + "}"),
                200,
                "{\"current_version\":1,\"will_version\":true,\"archived\":false}");
        assertError(hasCustomers("{\"plan_id\":\"nope\"}"), 404, "product_not_found", "Product nope not found");
    }

    @Test
    void update_itemsWithCustomers_createsVersion2_andClearsAutoEnableOnVersion1() {
        sandbox.addCustomers("free", 2);
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"free\",\"name\":\"Free Tier\"}")
                        .json()
                        .path("version")
                        .asInt())
                .as("a name-only change happens in place")
                .isEqualTo(1);

        JsonNode v2 = post("/v1/plans.update", "{\"plan_id\":\"free\",\"items\":" + FREE_ITEMS_200 + "}")
                .json();
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("auto_enable").asBoolean()).isTrue();
        assertThat(v2.at("/items/0/included").asInt()).isEqualTo(200);

        JsonNode v1 =
                post("/v1/plans.get", "{\"plan_id\":\"free\",\"version\":1}").json();
        assertThat(v1.path("auto_enable").asBoolean()).isFalse();
        assertThat(v1.path("name").asText()).isEqualTo("Free Tier");
        assertThat(v1.at("/items/0/included").asInt()).isEqualTo(100);

        assertThat(versions(post("/v1/plans.list", "{\"all_versions\":true}")))
                .containsExactly("free@1", "free@2", "pro@1");
        assertThat(versions(post("/v1/plans.list", "{}"))).containsExactlyInAnyOrder("free@2", "pro@1");
        assertThat(versions(http.get("/v1/products?all_versions=true"))).containsExactly("free@1", "free@2", "pro@1");
        assertError(
                post("/v1/plans.get", "{\"plan_id\":\"free\",\"version\":7}"),
                404,
                "product_not_found",
                "Product free (version 7) not found");
    }

    @Test
    void update_priceWithCustomers_versionsToo_butNotWithDisableVersion() {
        sandbox.addCustomer("pro");
        assertThat(post(
                                "/v1/plans.update",
                                "{\"plan_id\":\"pro\",\"price\":{\"amount\":25,\"interval\":\"month\"},"
                                        + "\"disable_version\":true}")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"pro\",\"price\":{\"amount\":30,\"interval\":\"month\"}}")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void update_version1WithDisableVersion_editsVersion1_butAnswersWithTheLatest() {
        sandbox.addCustomer("free");
        post("/v1/plans.update", "{\"plan_id\":\"free\",\"items\":" + FREE_ITEMS_200 + "}");
        JsonNode answer = post(
                        "/v1/plans.update",
                        "{\"plan_id\":\"free\",\"version\":1,\"disable_version\":true,\"name\":\"Free (v1 edit)\"}")
                .json();
        assertThat(answer.path("version").asInt()).isEqualTo(2);
        assertThat(answer.path("name").asText()).isEqualTo("Free");
        assertThat(post("/v1/plans.get", "{\"plan_id\":\"free\",\"version\":1}")
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("Free (v1 edit)");
    }

    @Test
    void update_allVersions_appliesTheDifferenceFromTheLatestToEveryVersion() {
        sandbox.addCustomer("free");
        post("/v1/plans.update", "{\"plan_id\":\"free\",\"items\":" + FREE_ITEMS_200 + "}");
        post(
                "/v1/plans.update",
                "{\"plan_id\":\"free\",\"all_versions\":true,\"items\":[{\"feature_id\":\"api_calls\",\"included\":200,"
                        + "\"reset\":{\"interval\":\"month\"}},{\"feature_id\":\"seats\",\"included\":3}]}");
        JsonNode v1 =
                post("/v1/plans.get", "{\"plan_id\":\"free\",\"version\":1}").json();
        assertThat(v1.at("/items/0/included").asInt())
                .as("api_calls kept v1's own amount")
                .isEqualTo(100);
        assertThat(v1.at("/items/1/included").asInt())
                .as("seats got the new value")
                .isEqualTo(3);
        assertThat(versions(post("/v1/plans.list", "{\"all_versions\":true}")))
                .containsExactly("free@1", "free@2", "pro@1");
    }

    @Test
    void update_forceVersion_versionsANameOnlyChange_andNamesVersion1Too() {
        JsonNode v2 = post("/v1/plans.update", "{\"plan_id\":\"pro\",\"force_version\":true,\"name\":\"Pro Plan\"}")
                .json();
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(post("/v1/plans.get", "{\"plan_id\":\"pro\",\"version\":1}")
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("Pro Plan");
    }

    @Test
    void update_conflictingVersionFlags_are400() {
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"pro\",\"force_version\":true,\"disable_version\":true}"),
                400,
                "conflicting_version_flags",
                "Cannot use both force_version and disable_version");
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"pro\",\"all_versions\":true,\"disable_version\":true}"),
                400,
                "conflicting_version_flags",
                "Cannot use both all_versions and disable_version");
    }

    @Test
    void update_renamingAPlanThatHasHadCustomers_is409() {
        sandbox.addCustomer("pro");
        assertError(
                post("/v1/plans.update", "{\"plan_id\":\"pro\",\"new_plan_id\":\"pro2\"}"),
                409,
                "invalid_request",
                "Cannot change product ID because it has existing customers");
    }

    @Test
    void delete_latestWithCustomers_is400_countingTheLatestOnly() {
        sandbox.addCustomers("free", 2);
        post("/v1/plans.update", "{\"plan_id\":\"free\",\"items\":" + FREE_ITEMS_200 + "}");
        sandbox.addCustomer("free");
        assertError(
                post("/v1/plans.delete", "{\"plan_id\":\"free\"}"),
                400,
                "invalid_request",
                "Product free has 1 customers (expired or active) on it and therefore cannot be deleted");
        assertError(
                post("/v1/plans.delete", "{\"plan_id\":\"free\",\"all_versions\":true}"),
                400,
                "invalid_request",
                "Product free has 3 customers (expired or active) on it and therefore cannot be deleted");
    }

    @Test
    void delete_whenOnlyOlderVersionsHaveCustomers_deletesJustTheLatestVersion() {
        sandbox.addCustomer("free");
        post("/v1/plans.update", "{\"plan_id\":\"free\",\"items\":" + FREE_ITEMS_200 + "}");
        assertAnswer(post("/v1/plans.delete", "{\"plan_id\":\"free\"}"), 200, "{\"success\":true}");
        JsonNode current = post("/v1/plans.get", "{\"plan_id\":\"free\"}").json();
        assertThat(current.path("version").asInt()).isEqualTo(1);
        assertThat(current.path("auto_enable").asBoolean()).isFalse();
    }

    @Test
    void delete_withoutAllVersions_deletesOnlyTheLatestVersion_evenWithoutCustomers() {
        post("/v1/plans.update", "{\"plan_id\":\"pro\",\"force_version\":true}");
        post("/v1/plans.delete", "{\"plan_id\":\"pro\"}");
        assertThat(post("/v1/plans.get", "{\"plan_id\":\"pro\"}")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        post("/v1/plans.update", "{\"plan_id\":\"pro\",\"force_version\":true}");
        assertAnswer(http.send("DELETE", "/v1/products/pro?all_versions=true", null), 200, "{\"success\":true}");
        assertThat(post("/v1/plans.get", "{\"plan_id\":\"pro\"}").status()).isEqualTo(404);
    }

    @Test
    void deletionInfo_totalCountIsAString_likeTheRealServer() {
        assertAnswer(
                http.get("/v1/products/free/deletion_info"),
                200,
                "{\"numVersion\":1,\"hasCusProducts\":false,\"hasCusProductsLatest\":false}");
        sandbox.addCustomer("free", 1, "Customer One");
        sandbox.addCustomer("free", 1, "Customer Two");
        assertAnswer(http.get("/v1/products/free/deletion_info"), 200, """
                {"numVersion":1,"hasCusProducts":true,"hasCusProductsLatest":true,
                 "customerName":"Customer Two","totalCount":"2"}
                """);
    }

    @Test
    void archive_withCustomers_isAllowed() {
        sandbox.addCustomer("free");
        assertThat(post("/v1/plans.update", "{\"plan_id\":\"free\",\"archived\":true}")
                        .json()
                        .path("archived")
                        .asBoolean())
                .isTrue();
        assertThat(post("/v1/features.update", "{\"feature_id\":\"seats\",\"archived\":true}")
                        .status())
                .isEqualTo(200);
    }

    private static List<String> versions(SandboxHttp.Answer answer) {
        List<String> versions = new ArrayList<>();
        answer.json()
                .path("list")
                .forEach(p -> versions.add(
                        p.path("id").asText() + "@" + p.path("version").asInt()));
        return versions;
    }
}
