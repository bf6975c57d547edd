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
    /** Checks the amount (positive, at most 2 decimals) and the billing interval (weekly or longer). */
    public PriceItem {
        amount = Checks.positive("price amount", amount);
        Checks.atMostTwoDecimals("price amount", amount);
        Objects.requireNonNull(billing, "billing");
        if (!billing.isOneOff() && !billing.interval().isBillable()) {
            throw new IllegalArgumentException(
                    "a price cannot be billed every " + billing.interval().word()
                            + "; Autumn bills weekly or longer: use .weekly(), .monthly(), .yearly() or .oneOff()");
        }
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
