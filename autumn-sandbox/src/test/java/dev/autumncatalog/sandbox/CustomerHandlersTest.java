package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customers, entities and attach beyond the recordings; each behaviour was asked of the real server (README, "Asked
 * the real server") except attach of a free plan, which the real server could not do without Stripe.
 */
class CustomerHandlersTest {
    private RunTimeFixture f;

    @BeforeEach
    void start() {
        f = new RunTimeFixture();
        f.ok(
                "/v1/plans.create",
                "{\"plan_id\":\"team\",\"name\":\"Team\",\"group\":\"main\","
                        + "\"items\":[{\"feature_id\":\"api_calls\",\"included\":1000,\"reset\":{\"interval\":\"month\"}}]}");
        f.ok(
                "/v1/plans.create",
                "{\"plan_id\":\"boost\",\"name\":\"Boost\",\"add_on\":true,"
                        + "\"items\":[{\"feature_id\":\"api_calls\",\"included\":50}]}");
        f.ok(
                "/v1/plans.create",
                "{\"plan_id\":\"pro\",\"name\":\"Pro\",\"group\":\"main\","
                        + "\"price\":{\"amount\":20,\"interval\":\"month\"},\"items\":[]}");
        f.customer("c1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void attachFreePlan_replacesTheMainPlanOfItsGroup_andAnAddOnStacks() {
        RunTimeFixture.assertAnswer(
                f.http.post("/v1/billing.attach", "{\"customer_id\":\"c1\",\"plan_id\":\"team\"}"),
                200,
                "{\"customer_id\":\"c1\",\"payment_url\":null}");
        f.ok("/v1/billing.attach", "{\"customer_id\":\"c1\",\"plan_id\":\"boost\"}");
        JsonNode customer = f.ok("/v1/customers.get", "{\"customer_id\":\"c1\"}");
        assertThat(customer.get("subscriptions").findValuesAsText("plan_id")).containsExactly("team", "boost");
        JsonAssertions.assertBalance(
                customer.path("balances").path("api_calls"), 1050, 1050, 0, RunTimeFixture.at("2027-02-28T10:00:00Z"));
        assertThat(customer.path("balances").has("seats"))
                .as("free's seats went with free")
                .isFalse();
    }

    @Test
    void subscribe_putsANewCustomerOnAPaidPlanAlone_thenAnAddOnStacks_andAMainPlanReplaces() {
        f.sandbox.subscribe("c2", "pro");
        JsonNode onPro = f.ok("/v1/customers.get", "{\"customer_id\":\"c2\"}");
        assertThat(onPro.get("subscriptions").findValuesAsText("plan_id"))
                .as("no auto-enabled free plan beside the paid one")
                .containsExactly("pro");

        f.sandbox.subscribe("c2", "boost").subscribe("c2", "team");
        JsonNode after = f.ok("/v1/customers.get", "{\"customer_id\":\"c2\"}");
        assertThat(after.get("subscriptions").findValuesAsText("plan_id")).containsExactly("boost", "team");
        JsonAssertions.assertBalance(
                after.path("balances").path("api_calls"), 1050, 1050, 0, RunTimeFixture.at("2027-02-28T10:00:00Z"));
    }

    @Test
    void subscribe_unknownPlanOrAPlanHeld_isRefusedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.sandbox.subscribe("c1", "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the sandbox has no plan 'nope'; plans: ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.sandbox.subscribe("c1", "free"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer 'c1' already has plan 'free' (Autumn refuses it again too)");
    }

    @Test
    void attachPaidPlan_answersWhatTheRealServerDoesWithoutStripe() {
        assertError(
                f.http.post("/v1/billing.attach", "{\"customer_id\":\"c1\",\"plan_id\":\"pro\"}"),
                400,
                "invalid_request",
                "There is no Stripe account linked to this organization. Please connect it here:"
                        + " https://app.useautumn.com/sandbox/dev?tab=stripe");
    }

    @Test
    void attach_unknowns_andAPlanAlreadyHeld_areRefused() {
        assertError(
                f.http.post("/v1/billing.attach", "{\"customer_id\":\"c1\",\"plan_id\":\"nope\"}"),
                404,
                "product_not_found",
                "Product nope not found");
        assertError(
                f.http.post("/v1/billing.attach", "{\"customer_id\":\"nobody\",\"plan_id\":\"team\"}"),
                404,
                "customer_not_found",
                "Customer nobody not found");
        assertError(
                f.http.post("/v1/billing.attach", "{\"customer_id\":\"c1\",\"plan_id\":\"free\"}"),
                400,
                "invalid_request",
                "Cannot attach plan \"free\" because the customer already has this product active.");
    }

    @Test
    void restCreateOfAnExistingId_updatesWhatItSends_whileGetOrCreateLeavesItAlone() {
        f.ok("/v1/customers.get_or_create", "{\"customer_id\":\"c1\",\"name\":\"Ignored\"}");
        assertThat(f.ok("/v1/customers", "{\"id\":\"c1\",\"name\":\"Again\"}")
                        .get("name")
                        .asText())
                .isEqualTo("Again");
        assertThat(f.http.get("/v1/customers/c1").json().get("name").asText()).isEqualTo("Again");
    }

    @Test
    void autoEnablePlanId_mustExistAndBeFree() {
        assertError(
                f.http.post("/v1/customers.get_or_create", "{\"customer_id\":\"c2\",\"auto_enable_plan_id\":\"nope\"}"),
                404,
                "product_not_found",
                "Product nope not found");
        assertError(
                f.http.post("/v1/customers.get_or_create", "{\"customer_id\":\"c2\",\"auto_enable_plan_id\":\"pro\"}"),
                400,
                "invalid_request",
                "Auto-enable plan must be a free product, or have a free trial with 'card_required' as false");
        assertError(
                f.http.post("/v1/customers.get", "{\"customer_id\":\"c2\"}"),
                404,
                "customer_not_found",
                "Customer c2 not found");
    }

    @Test
    void entities_pastTheIncludedSeats_areCounted_andCheckSaysNo() {
        for (String id : new String[] {"u1", "u2", "u3", "u4"}) {
            f.ok(
                    "/v1/entities.create",
                    "{\"customer_id\":\"c1\",\"entity_id\":\"" + id + "\",\"feature_id\":\"seats\"}");
        }
        JsonNode check = f.check("{\"customer_id\":\"c1\",\"feature_id\":\"seats\"}");
        assertThat(check.get("allowed").asBoolean()).isFalse();
        JsonAssertions.assertBalance(check.get("balance"), 3, 0, 4, null);
        f.ok("/v1/entities.delete", "{\"customer_id\":\"c1\",\"entity_id\":\"u4\"}");
        JsonAssertions.assertBalance(f.balance("c1", "seats"), 3, 0, 3, null);
    }

    @Test
    void entity_refusals_nameTheEntityOrFeature() {
        f.ok("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}");
        assertError(
                f.http.post(
                        "/v1/entities.create",
                        "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}"),
                409,
                "entity_already_exists",
                "Entity u1 already exists");
        assertError(
                f.http.post(
                        "/v1/entities.create",
                        "{\"customer_id\":\"c1\",\"entity_id\":\"x\",\"feature_id\":\"credits\"}"),
                400,
                "invalid_request",
                "Feature 'credits' is consumable (e.g. credits, API calls). Entities can only be created for"
                        + " non-consumable features (e.g. seats).");
        assertError(
                f.http.post("/v1/entities.get", "{\"customer_id\":\"c1\",\"entity_id\":\"nope\"}"),
                404,
                "entity_not_found",
                "Entity nope not found");
        assertError(
                f.http.post("/v1/entities.delete", "{\"customer_id\":\"nobody\",\"entity_id\":\"u1\"}"),
                404,
                "entity_not_found",
                "Entity u1 not found");
        assertThat(f.ok("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"b\",\"feature_id\":\"sso\"}")
                        .get("id")
                        .asText())
                .as("an entity of a boolean feature is accepted, as on the real server")
                .isEqualTo("b");
    }

    @Test
    void deletingAnEntity_dropsItsGrants_andItsSeat() {
        f.ok("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}");
        f.ok(
                "/v1/balances.create",
                "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"entity_id\":\"u1\","
                        + "\"included_grant\":20}");
        assertThat(f.balance("c1", "api_calls").get("granted").asInt()).isEqualTo(120);
        f.ok("/v1/entities.delete", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\"}");
        assertThat(f.balance("c1", "api_calls").get("granted").asInt()).isEqualTo(100);
        assertThat(f.balance("c1", "seats").get("usage").asInt()).isZero();
    }

    @Test
    void addCustomer_makesARealCustomerOnThatVersion() {
        f.sandbox.addCustomer("team");
        JsonNode customer = f.ok("/v1/customers.get", "{\"customer_id\":\"sandbox_customer_2\"}");
        assertThat(customer.get("name").asText()).isEqualTo("Sandbox Customer 2");
        assertThat(customer.get("subscriptions").findValuesAsText("plan_id")).containsExactly("team");
        assertThat(f.sandbox.customerCount("team")).isEqualTo(1);
        assertThat(f.sandbox.customerCount("free")).as("c1").isEqualTo(1);
    }
}
