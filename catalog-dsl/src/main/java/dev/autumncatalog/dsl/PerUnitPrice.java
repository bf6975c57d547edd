package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One amount per billing unit: {@code price("0.01")}.
 *
 * @param amount the price per billing unit, greater than zero
 */
public record PerUnitPrice(BigDecimal amount) implements UsagePrice {
    /** Normalises the amount's scale; an amount that is not positive is reported by {@link Catalog#validate()}. */
    public PerUnitPrice {
        amount = Checks.normalise(Objects.requireNonNull(amount, "usage price amount"));
    }
}
