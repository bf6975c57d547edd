package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of a credit schema: using one unit of {@code feature} costs {@code credits} credits.
 *
 * <pre>{@code
 * cost(AI_TOKENS, "0.01")
 * }</pre>
 *
 * @param feature the metered, single-use feature that draws from the credit system
 * @param credits credits per unit of usage; greater than zero
 */
public record CreditCost(Feature feature, BigDecimal credits) {
    /**
     * Normalises the cost's scale ({@code 1.50} equals {@code 1.5}); a cost that is not positive is reported by {@link
     * Catalog#validate()}.
     */
    public CreditCost {
        Objects.requireNonNull(feature, "feature");
        credits = Checks.normalise(Objects.requireNonNull(credits, "credits"));
    }
}
