package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A product (a plan, in Autumn's newer words): what a customer subscribes to or buys. Every step returns a new
 * product.
 *
 * <pre>{@code
 * Product PRO = product("pro").name("Pro")
 *     .item(priceItem(20).monthly())
 *     .item(featureItem(API_CALLS).included(10_000).monthly())
 *     .item(featureItem(SSO))
 *     .freeTrial(freeTrial(14).days());
 * }</pre>
 *
 * @param id the product id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 * @param description an optional description, or {@code null}
 * @param group products in one group replace each other on upgrade and downgrade; {@code null} for none
 * @param isAddOn whether it can be bought next to another product
 * @param isDefault whether it is enabled for every new customer (must be free, or a trial without card)
 * @param freeTrial the free trial, or {@code null}
 * @param items the price and feature items, in the order written
 */
public record Product(
        String id,
        String name,
        String description,
        String group,
        boolean isAddOn,
        boolean isDefault,
        FreeTrial freeTrial,
        List<Item> items)
        implements CatalogPart {

    /** Checks the id and name, and copies the items. */
    public Product {
        Checks.id("product", id);
        Checks.name("product", id, name);
        if (description != null && description.isBlank()) {
            description = null;
        }
        if (group != null && group.isBlank()) {
            group = null;
        }
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** The same product with another display name. */
    public Product name(String newName) {
        return new Product(id, newName, description, group, isAddOn, isDefault, freeTrial, items);
    }

    /** The same product with a description. */
    public Product description(String text) {
        return new Product(id, name, text, group, isAddOn, isDefault, freeTrial, items);
    }

    /** The same product in a group: products of one group replace each other on upgrade or downgrade. */
    public Product group(String groupName) {
        return new Product(id, name, description, groupName, isAddOn, isDefault, freeTrial, items);
    }

    /** The same product as an add-on, bought next to another product. */
    public Product addOn() {
        return new Product(id, name, description, group, true, isDefault, freeTrial, items);
    }

    /** The same product, enabled for every new customer (Autumn's {@code is_default} / {@code auto_enable}). */
    public Product defaultProduct() {
        return new Product(id, name, description, group, isAddOn, true, freeTrial, items);
    }

    /** The same product with a free trial: {@code .freeTrial(freeTrial(14).days())}. */
    public Product freeTrial(FreeTrial trial) {
        return new Product(
                id, name, description, group, isAddOn, isDefault, Objects.requireNonNull(trial, "trial"), items);
    }

    /** The same product with one more item. */
    public Product item(Item item) {
        List<Item> more = new ArrayList<>(items);
        more.add(Objects.requireNonNull(item, "item"));
        return new Product(id, name, description, group, isAddOn, isDefault, freeTrial, more);
    }

    /** The same product with more items. */
    public Product items(Item... more) {
        Product result = this;
        for (Item item : more) {
            result = result.item(item);
        }
        return result;
    }

    /** The fixed-price items (a valid product has at most one). */
    public List<PriceItem> priceItems() {
        List<PriceItem> prices = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof PriceItem) {
                prices.add((PriceItem) item);
            }
        }
        return prices;
    }

    /** {@code true} when nothing in the product costs money. */
    public boolean isFree() {
        for (Item item : items) {
            if (!(item instanceof FeatureItem)) {
                return false;
            }
        }
        return true;
    }
}
