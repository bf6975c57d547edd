package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The steps of {@link Autumn#pricedFeatureItem(Feature)}: included usage, the price, the billing method, the billing
 * interval. Exists only as a return type.
 */
public final class PricedFeatureStep {
    private final Feature feature;
    private final long included;
    private final Notes notes;

    PricedFeatureStep(Feature feature, long included, Notes notes) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.included = included;
        this.notes = notes;
    }

    /** Includes {@code amount} units before the price applies. */
    public PricedFeatureStep included(long amount) {
        return new PricedFeatureStep(
                feature,
                amount,
                notes.check(
                        "included",
                        Checks.notNegative("included usage", amount, "priced feature item " + feature.id())));
    }

    /** One price per billing unit: {@code price(10)}. */
    public Priced price(long amount) {
        return price(BigDecimal.valueOf(amount));
    }

    /** One price per billing unit, exact: {@code price("0.01")}. */
    public Priced price(String amount) {
        BigDecimal parsed = Checks.parse("usage price amount", amount);
        if (parsed == null) {
            PerUnitPrice price = Notes.NONE
                    .unreadable("amount", Checks.notANumber("usage price amount", amount))
                    .on(new PerUnitPrice(Checks.NOT_A_NUMBER));
            return new Priced(this, price);
        }
        return price(parsed);
    }

    /** One price per billing unit. */
    public Priced price(BigDecimal amount) {
        PerUnitPrice price = new PerUnitPrice(amount);
        return new Priced(
                this,
                Notes.NONE.check("amount", Checks.usagePrice(price.amount())).on(price));
    }

    /** Graduated tiers: each unit is priced by the tier it falls in. */
    public Priced tiers(Tier... tiers) {
        return new Priced(this, tiered(tiers, TierBehavior.GRADUATED));
    }

    /** Volume tiers: all units are priced by the tier the total falls in (prepaid only). */
    public Priced volumeTiers(Tier... tiers) {
        return new Priced(this, tiered(tiers, TierBehavior.VOLUME));
    }

    private static TieredPrice tiered(Tier[] tiers, TierBehavior behavior) {
        TieredPrice price = new TieredPrice(List.of(Objects.requireNonNull(tiers, "tiers")), behavior);
        return Notes.NONE.check("tiers", Checks.tiers(price.tiers())).on(price);
    }

    /** A priced feature waiting for its billing units and method. */
    public static final class Priced {
        private final PricedFeatureStep step;
        private final UsagePrice price;
        private final long billingUnits;
        private final Notes notes;

        Priced(PricedFeatureStep step, UsagePrice price) {
            this(step, price, 1, step.notes);
        }

        private Priced(PricedFeatureStep step, UsagePrice price, long billingUnits, Notes notes) {
            this.step = step;
            this.price = price;
            this.billingUnits = billingUnits;
            this.notes = notes;
        }

        /** The price applies per {@code units} units: {@code price(5).per(1_000)} is $5 per 1,000. */
        public Priced per(long units) {
            return new Priced(
                    step, price, units, notes.check("billingUnits", Checks.billingUnits(units, step.feature.id())));
        }

        /** The customer buys a quantity up front. */
        public Billing prepaid() {
            return new Billing(this, BillingMethod.PREPAID);
        }

        /** Usage is billed in arrears. */
        public Billing payPerUse() {
            return new Billing(this, BillingMethod.PAY_PER_USE);
        }
    }

    /** A priced feature waiting for how often it is billed. */
    public static final class Billing {
        private final Priced priced;
        private final BillingMethod method;

        Billing(Priced priced, BillingMethod method) {
            this.priced = priced;
            this.method = method;
        }

        /** Billed every week. */
        public PricedFeatureItem weekly() {
            return every(1, Interval.WEEK);
        }

        /** Billed every month. */
        public PricedFeatureItem monthly() {
            return every(1, Interval.MONTH);
        }

        /** Billed every quarter. */
        public PricedFeatureItem quarterly() {
            return every(1, Interval.QUARTER);
        }

        /** Billed every six months. */
        public PricedFeatureItem semiAnnually() {
            return every(1, Interval.SEMI_ANNUAL);
        }

        /** Billed every year. */
        public PricedFeatureItem yearly() {
            return every(1, Interval.YEAR);
        }

        /** Billed every {@code count} × {@code interval}. */
        public PricedFeatureItem every(int count, Interval interval) {
            return item(Cycle.every(count, interval));
        }

        /** Billed once, when bought (prepaid only): a top-up pack. */
        public PricedFeatureItem oneOff() {
            return item(Cycle.ONE_OFF);
        }

        private PricedFeatureItem item(Cycle billing) {
            Feature feature = priced.step.feature;
            PricedFeatureItem.Draft draft = new PricedFeatureItem.Draft(feature);
            draft.included = priced.step.included;
            draft.price = priced.price;
            draft.billingUnits = priced.billingUnits;
            draft.billingMethod = method;
            draft.billing = billing;
            draft.notes = priced.notes.check("billing", Checks.usageBilling(billing, feature.id()));
            return draft.item();
        }
    }
}
