package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A feature with a usage price: overage above included usage, prepaid seats, tiered usage. Every step returns a new
 * item.
 *
 * <pre>{@code
 * pricedFeatureItem(API_CALLS).included(10_000).price("0.01").payPerUse().monthly()
 * pricedFeatureItem(SEATS).price(10).prepaid().monthly()
 * pricedFeatureItem(API_CALLS).tiers(tier(50_000, "0.01"), lastTier("0.005")).per(100).payPerUse().monthly()
 * pricedFeatureItem(CREDITS).price(5).per(1_000).prepaid().oneOff().maxPurchase(100_000)
 * }</pre>
 *
 * @param feature the metered feature (or credit system) priced
 * @param included usage included before the price applies
 * @param price one amount per billing unit, or tiers
 * @param billingUnits how many units one price applies to ({@code price(5).per(1_000)}: $5 per 1,000)
 * @param billingMethod prepaid or pay-per-use
 * @param billing how often usage is billed; {@link Cycle#ONE_OFF} only for prepaid
 * @param reset when the usage balance resets, or {@code null} to follow {@code billing}; only prepaid items may reset
 *     on another interval than they bill
 * @param maxPurchase the most units a customer may buy beyond included usage, or {@code null} for no limit
 * @param rollover unused balance carried into the next cycle, or {@code null}
 * @param proration how prepaid quantity changes are prorated, or {@code null} for Autumn's default
 * @param entityFeature the continuous-use feature the balance is per unit of (per seat), or {@code null}
 * @param isPooled whether grants of this item to entities add to one shared customer balance
 */
public record PricedFeatureItem(
        Feature feature,
        long included,
        UsagePrice price,
        long billingUnits,
        BillingMethod billingMethod,
        Cycle billing,
        Cycle reset,
        Long maxPurchase,
        Rollover rollover,
        Proration proration,
        Feature entityFeature,
        boolean isPooled)
        implements Item {

    /**
     * Requires the feature, price, billing method and billing cycle. Their values (included ≥ 0, billing units ≥ 1, max
     * purchase ≥ 1, a billable interval) are checked by {@link Catalog#validate()}.
     */
    public PricedFeatureItem {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(billingMethod, "billingMethod");
        Objects.requireNonNull(billing, "billing");
    }

    /** An item that is not pooled. */
    public PricedFeatureItem(
            Feature feature,
            long included,
            UsagePrice price,
            long billingUnits,
            BillingMethod billingMethod,
            Cycle billing,
            Cycle reset,
            Long maxPurchase,
            Rollover rollover,
            Proration proration,
            Feature entityFeature) {
        this(
                feature,
                included,
                price,
                billingUnits,
                billingMethod,
                billing,
                reset,
                maxPurchase,
                rollover,
                proration,
                entityFeature,
                false);
    }

    /** The cycle the balance actually resets on: {@link #reset()} when set, else {@link #billing()}. */
    public Cycle effectiveReset() {
        return reset != null ? reset : billing;
    }

    /** Resets the usage balance every {@code count} × {@code interval} instead of every billing cycle (prepaid only). */
    public PricedFeatureItem resetEvery(int count, Interval interval) {
        Cycle cycle = Cycle.every(count, interval);
        return edit(draft -> draft.reset = cycle);
    }

    /** The usage balance never resets (prepaid only): what is bought lasts until used. */
    public PricedFeatureItem noReset() {
        return edit(draft -> draft.reset = Cycle.ONE_OFF);
    }

    /** Limits what a customer may buy beyond included usage. */
    public PricedFeatureItem maxPurchase(long units) {
        return edit(draft -> {
            draft.maxPurchase = units;
            draft.notes = draft.notes.check("maxPurchase", Checks.maxPurchase(units, feature.id()));
        });
    }

    /** Carries unused balance into the next cycle: {@code .rollover(rollover().upTo(500).forMonths(1))}. */
    public PricedFeatureItem rollover(Rollover value) {
        Objects.requireNonNull(value, "rollover");
        return edit(draft -> draft.rollover = value);
    }

    /** Sets how prepaid quantity changes are prorated (prepaid only). */
    public PricedFeatureItem prorate(OnIncrease onIncrease, OnDecrease onDecrease) {
        Proration proration = new Proration(onIncrease, onDecrease);
        return edit(draft -> draft.proration = proration);
    }

    /** Makes the balance per unit of a continuous-use feature, such as per seat. */
    public PricedFeatureItem perEntity(Feature entity) {
        Objects.requireNonNull(entity, "entity");
        return edit(draft -> draft.entityFeature = entity);
    }

    /**
     * Makes the grants of this item to entities add to one balance shared by the customer (Autumn's {@code pooled}).
     */
    public PricedFeatureItem pooled() {
        return edit(draft -> draft.isPooled = true);
    }

    private PricedFeatureItem edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.item();
    }

    /**
     * The components once more, mutable, with the notes of their bad values: the one copy path of the steps above and
     * of {@link PricedFeatureStep}, so a new component is written in the header and here, and no step restates the
     * others.
     */
    static final class Draft {
        Feature feature;
        long included;
        UsagePrice price;
        long billingUnits = 1;
        BillingMethod billingMethod;
        Cycle billing;
        Cycle reset;
        Long maxPurchase;
        Rollover rollover;
        Proration proration;
        Feature entityFeature;
        boolean isPooled;
        Notes notes = Notes.NONE;

        /** An item of {@code feature} with every optional component left out. */
        Draft(Feature feature) {
            this.feature = feature;
        }

        /** A copy of {@code item}. */
        Draft(PricedFeatureItem item) {
            feature = item.feature;
            included = item.included;
            price = item.price;
            billingUnits = item.billingUnits;
            billingMethod = item.billingMethod;
            billing = item.billing;
            reset = item.reset;
            maxPurchase = item.maxPurchase;
            rollover = item.rollover;
            proration = item.proration;
            entityFeature = item.entityFeature;
            isPooled = item.isPooled;
            notes = Notes.of(item);
        }

        PricedFeatureItem item() {
            return notes.on(new PricedFeatureItem(
                    feature,
                    included,
                    price,
                    billingUnits,
                    billingMethod,
                    billing,
                    reset,
                    maxPurchase,
                    rollover,
                    proration,
                    entityFeature,
                    isPooled));
        }
    }

    @Override
    public String label() {
        return "priced feature " + feature.id();
    }
}
