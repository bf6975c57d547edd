package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
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
    /**
     * Normalises the amounts' scale and turns a zero flat amount into {@code null}. Negative amounts and an {@code
     * upTo} below one are reported by {@link Catalog#validate()}.
     */
    public Tier {
        amount = Checks.normalise(Objects.requireNonNull(amount, "tier amount"));
        if (flatAmount != null) {
            flatAmount = Checks.normalise(flatAmount);
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
        BigDecimal parsed = Checks.parse("tier flat amount", fee);
        if (parsed == null) {
            return Notes.of(this)
                    .unreadable("flatAmount", Checks.notANumber("tier flat amount", fee))
                    .on(new Tier(upTo, amount, Checks.NOT_A_NUMBER));
        }
        return flat(parsed);
    }

    /** This tier with a flat fee for reaching it (volume tiers only). */
    public Tier flat(BigDecimal fee) {
        Objects.requireNonNull(fee, "tier flat amount");
        return Notes.of(this)
                .check("flatAmount", Checks.notNegative("tier flat amount", fee))
                .on(new Tier(upTo, amount, fee));
    }

    /** {@code true} for the last, unbounded tier. */
    public boolean isUnbounded() {
        return upTo == null;
    }
}
