package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price tier. {@code upTo} counts total usage, included usage included (Autumn 2.x semantics): with 1,000
 * included, {@code tier(5_000, "0.01")} prices units 1,001 to 5,000. The last tier of a list must be unbounded.
 *
 * <pre>{@code
 * tiers(tier(5_000, "0.01"), lastTier("0.005"))
 * volumeTiers(tier(10, 5).flat(20), lastTier(4).flat(40))
 * }</pre>
 *
 * @param upTo the last unit of the tier, or {@code null} for the unbounded last tier
 * @param amount price per billing unit inside the tier; zero or more
 * @param flatAmount a flat fee for reaching the tier (volume pricing only), or {@code null}; zero is stored as
 *     {@code null}
 */
public record Tier(Long upTo, BigDecimal amount, BigDecimal flatAmount) {
    /** Checks amounts are not negative and {@code upTo} is positive. */
    public Tier {
        if (upTo != null && upTo < 1) {
            throw new IllegalArgumentException("tier upTo must be ≥ 1, was " + upTo);
        }
        amount = Checks.notNegative("tier amount", amount);
        if (flatAmount != null) {
            flatAmount = Checks.notNegative("tier flat amount", flatAmount);
            if (flatAmount.signum() == 0) {
                flatAmount = null; // a zero fee is no fee: one form, so records compare equal
            }
        }
    }

    /** This tier with a flat fee for reaching it (volume tiers only): {@code tier(10, 5).flat(50)}. */
    public Tier flat(long fee) {
        return flat(BigDecimal.valueOf(fee));
    }

    /** This tier with a flat fee for reaching it, exact: {@code tier(10, "5").flat("49.99")}. */
    public Tier flat(String fee) {
        return flat(Checks.decimal("tier flat amount", fee));
    }

    /** This tier with a flat fee for reaching it (volume tiers only). */
    public Tier flat(BigDecimal fee) {
        return new Tier(upTo, amount, Objects.requireNonNull(fee, "tier flat amount"));
    }

    /** {@code true} for the last, unbounded tier. */
    public boolean isUnbounded() {
        return upTo == null;
    }
}
