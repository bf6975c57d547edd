package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Product}: every step returns a new, complete product. */
class ProductTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();

    @Test
    void name_buildsACompleteEmptyProduct() {
        assertThat(product("pro").name("Pro"))
                .isEqualTo(new Product("pro", "Pro", null, null, false, false, null, List.of()));
    }

    @Test
    void item_returnsANewProduct_andLeavesTheOriginalUnchanged() {
        Product base = product("pro").name("Pro");
        Product priced = base.item(priceItem(20).monthly());

        assertThat(priced).isNotSameAs(base);
        assertThat(base.items()).isEmpty();
        assertThat(priced.items()).containsExactly(priceItem(20).monthly());
    }

    @Test
    void items_appendsInOrder() {
        Product pro = product("pro")
                .name("Pro")
                .item(priceItem(20).monthly())
                .items(featureItem(SSO), featureItem(API_CALLS).included(5).monthly());

        assertThat(pro.items())
                .containsExactly(
                        priceItem(20).monthly(),
                        featureItem(SSO),
                        featureItem(API_CALLS).included(5).monthly());
    }

    @Test
    void everyStep_returnsANewProduct() {
        Product base = product("pro").name("Pro");

        assertThat(base.name("Pro 2").name()).isEqualTo("Pro 2");
        assertThat(base.description("For teams").description()).isEqualTo("For teams");
        assertThat(base.group("main").group()).isEqualTo("main");
        assertThat(base.addOn().isAddOn()).isTrue();
        assertThat(base.defaultProduct().isDefault()).isTrue();
        assertThat(base.freeTrial(freeTrial(14).days()).freeTrial())
                .isEqualTo(freeTrial(14).days());
        assertThat(base).isEqualTo(product("pro").name("Pro"));
    }

    @Test
    void emptyDescriptionAndGroup_areNull_blankOnesAreKept() {
        // Autumn stores "" as null and "  " as sent, and a group of spaces is a group of its own (audit C5).
        Product pro = product("pro").name("Pro").description("").group("");
        Product spaces = product("pro").name("Pro").description("  ").group(" ");

        assertThat(pro.description()).isNull();
        assertThat(pro.group()).isNull();
        assertThat(spaces.description()).isEqualTo("  ");
        assertThat(spaces.group()).isEqualTo(" ");
    }

    @Test
    void archived_keepsEverythingElse() {
        Product pro = product("pro").name("Pro").item(priceItem(20).monthly());

        assertThat(pro.archived().isArchived()).isTrue();
        assertThat(pro.isArchived()).isFalse();
        assertThat(pro.archived().items()).isEqualTo(pro.items());
    }

    @Test
    void items_areAnImmutableCopy() {
        List<Item> items = new ArrayList<>(List.of(featureItem(SSO)));
        Product pro = new Product("pro", "Pro", null, null, false, false, null, items);
        items.clear();

        assertThat(pro.items()).containsExactly(featureItem(SSO));
        assertThatThrownBy(() -> pro.items().add(featureItem(SSO))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullItemAndTrial_areRejected() {
        assertThatThrownBy(() -> product("pro").name("Pro").item(null)).hasMessage("item");
        assertThatThrownBy(() -> product("pro").name("Pro").freeTrial(null)).hasMessage("trial");
    }

    @Test
    void priceItems_andIsFree() {
        Product free = product("free")
                .name("Free")
                .item(featureItem(API_CALLS).included(5).monthly());
        Product metered = product("metered")
                .name("Metered")
                .item(pricedFeatureItem(API_CALLS).price(1).payPerUse().monthly());
        Product pro = product("pro")
                .name("Pro")
                .item(featureItem(SSO))
                .item(priceItem(20).monthly());

        assertThat(free.isFree()).isTrue();
        assertThat(product("empty").name("Empty").isFree()).isTrue();
        assertThat(metered.isFree()).isFalse();
        assertThat(metered.priceItems()).isEmpty();
        assertThat(pro.isFree()).isFalse();
        assertThat(pro.priceItems()).containsExactly(priceItem(20).monthly());
    }
}
