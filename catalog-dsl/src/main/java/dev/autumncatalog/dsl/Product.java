package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
 * Product LEGACY = product("legacy").name("Legacy").item(priceItem(15).monthly()).archived();
 * }</pre>
 *
 * @param id the product id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 * @param description an optional description, or {@code null}
 * @param group products in one group replace each other on upgrade and downgrade; {@code null} for none
 * @param isAddOn whether it can be bought next to another product
 * @param isDefault whether it is enabled for every new customer (must be free, or a trial without card)
 * @param isArchived whether it is kept archived in Autumn: no new customers, existing ones keep it
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
        boolean isArchived,
        FreeTrial freeTrial,
        List<Item> items)
        implements CatalogPart {

    /**
     * Requires an id and a name, turns an empty description or group into {@code null} (Autumn stores {@code ""} as
     * none), and copies the items. A bad id or an empty name is reported by {@link Catalog#validate()}. A description
     * or group of spaces is kept: Autumn stores it as sent, and a group of spaces is a group of its own.
     */
    public Product {
        Objects.requireNonNull(id, "product id");
        Checks.requireName("product", id, name);
        if (description != null && description.isEmpty()) {
            description = null;
        }
        if (group != null && group.isEmpty()) {
            group = null;
        }
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** A product that is not archived. */
    public Product(
            String id,
            String name,
            String description,
            String group,
            boolean isAddOn,
            boolean isDefault,
            FreeTrial freeTrial,
            List<Item> items) {
        this(id, name, description, group, isAddOn, isDefault, false, freeTrial, items);
    }

    /** A product with nothing but an id and a name, and the notes of their bad values. */
    static Product named(String id, String name, Notes notes) {
        Draft draft = new Draft(id, name);
        draft.notes = notes;
        return draft.product();
    }

    /** The same product with another display name. */
    public Product name(String newName) {
        Checks.requireName("product", id, newName);
        return edit(draft -> {
            draft.name = newName;
            draft.notes = draft.notes.check("name", Checks.name("product", id, newName));
        });
    }

    /** The same product with a description. */
    public Product description(String text) {
        return edit(draft -> {
            draft.description = text;
            draft.notes = draft.notes.check(
                    "description", text == null ? null : Checks.text("product", id, "description", text));
        });
    }

    /** The same product in a group: products of one group replace each other on upgrade or downgrade. */
    public Product group(String groupName) {
        return edit(draft -> {
            draft.group = groupName;
            draft.notes = draft.notes.check(
                    "group", groupName == null ? null : Checks.text("product", id, "group", groupName));
        });
    }

    /** The same product as an add-on, bought next to another product. */
    public Product addOn() {
        return edit(draft -> draft.isAddOn = true);
    }

    /** The same product, enabled for every new customer (Autumn's {@code is_default} / {@code auto_enable}). */
    public Product defaultProduct() {
        return edit(draft -> draft.isDefault = true);
    }

    /**
     * The same product, kept archived in Autumn: no new customer can get it, existing customers keep it. A push
     * archives it (or creates it and then archives it) and keeps it archived; leaving it out of the catalog would
     * remove it instead.
     */
    public Product archived() {
        return edit(draft -> draft.isArchived = true);
    }

    /** The same product with a free trial: {@code .freeTrial(freeTrial(14).days())}. */
    public Product freeTrial(FreeTrial trial) {
        Objects.requireNonNull(trial, "trial");
        return edit(draft -> draft.freeTrial = trial);
    }

    /** The same product with one more item. */
    public Product item(Item item) {
        Objects.requireNonNull(item, "item");
        return edit(draft -> draft.items.add(item));
    }

    /** The same product with more items. */
    public Product items(Item... more) {
        Product result = this;
        for (Item item : more) {
            result = result.item(item);
        }
        return result;
    }

    private Product edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.product();
    }

    /**
     * The components once more, mutable, with the notes of their bad values: the one copy path of the steps above, so
     * a new component is written in the header and here, and no step restates the others.
     */
    private static final class Draft {
        String id;
        String name;
        String description;
        String group;
        boolean isAddOn;
        boolean isDefault;
        boolean isArchived;
        FreeTrial freeTrial;
        List<Item> items;
        Notes notes = Notes.NONE;

        Draft(String id, String name) {
            this.id = id;
            this.name = name;
            this.items = new ArrayList<>();
        }

        Draft(Product product) {
            id = product.id;
            name = product.name;
            description = product.description;
            group = product.group;
            isAddOn = product.isAddOn;
            isDefault = product.isDefault;
            isArchived = product.isArchived;
            freeTrial = product.freeTrial;
            items = new ArrayList<>(product.items);
            notes = Notes.of(product);
        }

        Product product() {
            return notes.on(
                    new Product(id, name, description, group, isAddOn, isDefault, isArchived, freeTrial, items));
        }
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
