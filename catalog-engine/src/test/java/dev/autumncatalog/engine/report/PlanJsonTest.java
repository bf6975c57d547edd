package dev.autumncatalog.engine.report;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.plan.Catalogs;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.Planner;
import org.junit.jupiter.api.Test;

/** plan.json carries typed values: what a CI script reads without parsing display text. */
class PlanJsonTest {
    private static final Feature CALLS = feature("api_calls").name("API Calls").singleUse();
    private static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(CALLS).included(1_000).monthly());

    @Test
    void fields_carryNumbersAndObjects_withTheirWordingBeside() {
        Product edited = product("pro")
                .name("Pro")
                .item(priceItem("24.50").every(3, dev.autumncatalog.dsl.Interval.MONTH))
                .item(featureItem(CALLS).unlimited());

        JsonNode fields = fields(Catalog.of(edited), Catalog.of(PRO));

        assertThat(fields.toString())
                .isEqualTo("[{\"path\":\"price.amount\",\"kind\":\"money\",\"before\":20,\"after\":24.5,"
                        + "\"beforeText\":\"$20\",\"afterText\":\"$24.50\"},"
                        + "{\"path\":\"price.interval\",\"kind\":\"cycle\","
                        + "\"before\":{\"interval\":\"month\",\"count\":1},"
                        + "\"after\":{\"interval\":\"month\",\"count\":3},"
                        + "\"beforeText\":\"month\",\"afterText\":\"3 months\"},"
                        + "{\"path\":\"items[api_calls].included\",\"kind\":\"included\",\"before\":1000,"
                        + "\"after\":\"unlimited\",\"beforeText\":\"1,000\",\"afterText\":\"unlimited\"},"
                        + "{\"path\":\"items[api_calls].reset\",\"kind\":\"cycle\","
                        + "\"before\":{\"interval\":\"month\",\"count\":1},\"after\":null,"
                        + "\"beforeText\":\"month\",\"afterText\":null}]");
    }

    @Test
    void amounts_arePlainDecimals_neverExponents() {
        Product big = product("pro")
                .name("Pro")
                .item(priceItem(1_000).monthly())
                .item(featureItem(CALLS).included(1_000).monthly());

        JsonNode amount = fields(Catalog.of(big), Catalog.of(PRO)).get(0);

        assertThat(amount.get("after").isNumber()).isTrue();
        assertThat(PlanJson.render(plan(Catalog.of(big), Catalog.of(PRO))))
                .contains("\"after\": 1000,")
                .doesNotContain("E+");
    }

    private static JsonNode fields(Catalog desired, Catalog remote) {
        return PlanJson.tree(plan(desired, remote)).get("changes").get(0).get("fields");
    }

    private static Plan plan(Catalog desired, Catalog remote) {
        return new Planner().plan(desired, Catalogs.remote(remote), PlanOptions.defaults("acme", false));
    }
}
