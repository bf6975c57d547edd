package dev.autumncatalog.engine.model;

import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import java.util.Objects;

/**
 * One method per kind of {@link Item}. Dispatch with {@link #visit} instead of {@code instanceof}, so that a new kind of
 * item is handled everywhere or fails to compile.
 *
 * <pre>{@code
 * String word = ItemVisitor.visit(item, new ItemVisitor<String>() { ... });
 * }</pre>
 *
 * @param <R> what the visit returns
 */
public interface ItemVisitor<R> {
    /** A fixed price. */
    R priceItem(PriceItem item);

    /** A feature allowance. */
    R featureItem(FeatureItem item);

    /** A usage-priced feature. */
    R pricedFeatureItem(PricedFeatureItem item);

    /** Calls the method of {@code visitor} for the kind of {@code item}. */
    static <R> R visit(Item item, ItemVisitor<R> visitor) {
        Objects.requireNonNull(item, "item");
        if (item instanceof PriceItem) {
            return visitor.priceItem((PriceItem) item);
        }
        if (item instanceof FeatureItem) {
            return visitor.featureItem((FeatureItem) item);
        }
        if (item instanceof PricedFeatureItem) {
            return visitor.pricedFeatureItem((PricedFeatureItem) item);
        }
        // Item is sealed, so this is reached only when the DSL gains a kind: DispatchTest fails first.
        throw new IllegalStateException(
                "no visitor method for item kind " + item.getClass().getName());
    }
}
