package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
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

    PricedFeatureStep(Feature feature, long included) {
        this.feature = Objects.requireNonNull(feature, "feature");
        Checks.notNegative("included usage", included, "priced feature item " + feature.id());
        this.included = included;
    }

    /** Includes {@code amount} units before the price applies. */
    public PricedFeatureStep included(long amount) {
        return new PricedFeatureStep(feature, amount);
    }

    /** One price per billing unit: {@code price(10)}. */
    public Priced price(long amount) {
        return price(BigDecimal.valueOf(amount));
    }

    /** One price per billing unit, exact: {@code price("0.01")}. */
    public Priced price(String amount) {
        return price(Checks.decimal("usage price amount", amount));
    }

    /** One price per billing unit. */
    public Priced price(BigDecimal amount) {
        return new Priced(feature, included, new PerUnitPrice(amount), 1);
    }

    /** Graduated tiers: each unit is priced by the tier it falls in. */
    public Priced tiers(Tier... tiers) {
        return new Priced(feature, included, new TieredPrice(List.of(tiers), TierBehavior.GRADUATED), 1);
    }

    /** Volume tiers: all units are priced by the tier the total falls in (prepaid only). */
    public Priced volumeTiers(Tier... tiers) {
        return new Priced(feature, included, new TieredPrice(List.of(tiers), TierBehavior.VOLUME), 1);
    }

    /** A priced feature waiting for its billing units and method. */
    public static final class Priced {
        private final Feature feature;
        private final long included;
        private final UsagePrice price;
        private final long billingUnits;

        Priced(Feature feature, long included, UsagePrice price, long billingUnits) {
            this.feature = feature;
            this.included = included;
            this.price = price;
            this.billingUnits = billingUnits;
        }

        /** The price applies per {@code units} units: {@code price(5).per(1_000)} is $5 per 1,000. */
        public Priced per(long units) {
            if (units < 1) {
                throw new IllegalArgumentException("billing units must be ≥ 1, was " + units + " (priced feature item "
                        + feature.id() + "); use .per(n) with n ≥ 1");
            }
            return new Priced(feature, included, price, units);
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
            PricedFeatureItem.Draft draft = new PricedFeatureItem.Draft(priced.feature);
            draft.included = priced.included;
            draft.price = priced.price;
            draft.billingUnits = priced.billingUnits;
            draft.billingMethod = method;
            draft.billing = billing;
            return draft.item();
        }
    }
}
