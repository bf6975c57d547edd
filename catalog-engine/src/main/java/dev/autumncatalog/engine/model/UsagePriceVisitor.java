package dev.autumncatalog.engine.model;

import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.util.Objects;

/**
 * One method per kind of {@link UsagePrice}: an amount per billing unit, or tiers.
 *
 * @param <R> what the visit returns
 */
public interface UsagePriceVisitor<R> {
    /** One amount per billing unit. */
    R perUnit(PerUnitPrice price);

    /** Graduated or volume tiers. */
    R tiered(TieredPrice price);

    /** Calls the method of {@code visitor} for the kind of {@code price}. */
    static <R> R visit(UsagePrice price, UsagePriceVisitor<R> visitor) {
        Objects.requireNonNull(price, "price");
        if (price instanceof PerUnitPrice) {
            return visitor.perUnit((PerUnitPrice) price);
        }
        if (price instanceof TieredPrice) {
            return visitor.tiered((TieredPrice) price);
        }
        // UsagePrice is sealed, so this is reached only when the DSL gains a kind: DispatchTest fails first.
        throw new IllegalStateException(
                "no visitor method for usage price kind " + price.getClass().getName());
    }
}
