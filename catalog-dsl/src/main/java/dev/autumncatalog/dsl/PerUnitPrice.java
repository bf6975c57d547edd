package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.math.BigDecimal;

/**
 * One amount per billing unit: {@code price("0.01")}.
 *
 * @param amount the price per billing unit, greater than zero
 */
public record PerUnitPrice(BigDecimal amount) implements UsagePrice {
    /** Checks the amount is positive and normalises its scale. */
    public PerUnitPrice {
        amount = Checks.positive("usage price amount", amount);
    }
}
