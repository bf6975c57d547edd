package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The fixed price of a product: an amount billed every cycle, or once.
 *
 * <pre>{@code
 * priceItem(20).monthly()
 * priceItem("9.99").yearly()
 * priceItem(5).oneOff()
 * }</pre>
 *
 * @param amount the price, greater than zero, with at most 2 decimal places
 * @param billing how often it is billed; {@link Cycle#ONE_OFF} for a one-time charge
 */
public record PriceItem(BigDecimal amount, Cycle billing) implements Item {
    /**
     * Normalises the amount's scale. The amount (positive, at most 2 decimals) and the billing interval (weekly or
     * longer) are checked by {@link Catalog#validate()}.
     */
    public PriceItem {
        amount = Checks.normalise(Objects.requireNonNull(amount, "price amount"));
        Objects.requireNonNull(billing, "billing");
    }

    @Override
    public Feature feature() {
        return null;
    }

    @Override
    public String label() {
        return "price";
    }
}
