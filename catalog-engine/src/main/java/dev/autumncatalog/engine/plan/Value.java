package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.engine.text.ItemText;
import dev.autumncatalog.engine.text.Words;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The typed value of one field of a plan: what the planner compares. Two values are the same field value exactly when
 * they are equal; amounts are normalised ({@code 0.010} equals {@code 0.01}). {@link #text()} is its wording in the
 * plan, from {@code engine.text}; {@code PlanJson} writes the value itself.
 *
 * <pre>{@code
 * new Value.Count(10_000).text()                       // 10,000
 * new Value.Period(Cycle.of(Interval.MONTH)).text()    // month
 * }</pre>
 */
public sealed interface Value
        permits Value.Text,
                Value.Flag,
                Value.Count,
                Value.Included,
                Value.Decimal,
                Value.Money,
                Value.Period,
                Value.Kind,
                Value.FeatureRef,
                Value.Method,
                Value.Behavior,
                Value.TierValue,
                Value.RolloverValue,
                Value.Trial,
                Value.Duration,
                Value.WholeItem {

    /** The value as the plan shows it: {@code 10,000}, {@code $9.99}, {@code month}; text unquoted. */
    String text();

    /** Calls the visitor's method for this kind of value. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of value, so a new kind fails to compile where it is not handled (the JSON plan, say).
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        /** A name, description or group. */
        R text(Text value);

        /** {@code addOn}, {@code default}, {@code cardRequired}. */
        R flag(Flag value);

        /** A count of units: billing units, max purchase. */
        R count(Count value);

        /** An item's included usage, or unlimited. */
        R included(Included value);

        /** An exact decimal: a credit cost. */
        R decimal(Decimal value);

        /** An amount of money. */
        R money(Money value);

        /** A billing or reset cycle. */
        R period(Period value);

        /** A feature's kind. */
        R kind(Kind value);

        /** Another feature, by id: an entity feature. */
        R featureRef(FeatureRef value);

        /** Prepaid or pay-per-use. */
        R method(Method value);

        /** Graduated or volume tiers. */
        R behavior(Behavior value);

        /** One price tier. */
        R tier(TierValue value);

        /** A rollover of unused usage. */
        R rollover(RolloverValue value);

        /** A whole free trial. */
        R trial(Trial value);

        /** A free trial's length. */
        R duration(Duration value);

        /** A whole item, when it is added or removed. */
        R wholeItem(WholeItem value);
    }

    /**
     * A name, description or group.
     *
     * @param value the text
     */
    record Text(String value) implements Value {
        /** Requires the text. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.text(this);
        }
    }

    /**
     * A yes/no field.
     *
     * @param value the flag
     */
    record Flag(boolean value) implements Value {
        @Override
        public String text() {
            return Boolean.toString(value);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flag(this);
        }
    }

    /**
     * A count of units.
     *
     * @param value the count
     */
    record Count(long value) implements Value {
        @Override
        public String text() {
            return Words.count(value);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.count(this);
        }
    }

    /**
     * An item's included usage.
     *
     * @param count the units included; 0 when unlimited
     * @param unlimited {@code true} for unlimited usage
     */
    record Included(long count, boolean unlimited) implements Value {
        /** Unlimited usage has no count. */
        public Included {
            if (unlimited) {
                count = 0;
            }
        }

        @Override
        public String text() {
            return Words.included(count, unlimited);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.included(this);
        }
    }

    /**
     * An exact decimal, normalised.
     *
     * @param value the number
     */
    record Decimal(BigDecimal value) implements Value {
        /** Normalises the number, so equal amounts are equal values. */
        public Decimal {
            value = normalise(value);
        }

        @Override
        public String text() {
            return Words.decimal(value);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.decimal(this);
        }
    }

    /**
     * An amount of money, normalised.
     *
     * @param amount the amount
     */
    record Money(BigDecimal amount) implements Value {
        /** Normalises the amount, so equal amounts are equal values. */
        public Money {
            amount = normalise(amount);
        }

        @Override
        public String text() {
            return Words.money(amount);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.money(this);
        }
    }

    /**
     * A billing or reset cycle.
     *
     * @param cycle the cycle; {@link Cycle#ONE_OFF} for one-off
     */
    record Period(Cycle cycle) implements Value {
        /** Requires the cycle. */
        public Period {
            Objects.requireNonNull(cycle, "cycle");
        }

        @Override
        public String text() {
            return Words.cycle(cycle);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.period(this);
        }
    }

    /**
     * A feature's kind.
     *
     * @param type the kind
     */
    record Kind(FeatureType type) implements Value {
        /** Requires the kind. */
        public Kind {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String text() {
            return type.word();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kind(this);
        }
    }

    /**
     * Another feature, by id (only the id counts, so renaming a feature does not change the plans that use it).
     *
     * @param id the feature id
     */
    record FeatureRef(String id) implements Value {
        /** Requires the id. */
        public FeatureRef {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String text() {
            return id;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.featureRef(this);
        }
    }

    /**
     * How usage is charged.
     *
     * @param method prepaid or pay-per-use
     */
    record Method(BillingMethod method) implements Value {
        /** Requires the method. */
        public Method {
            Objects.requireNonNull(method, "method");
        }

        @Override
        public String text() {
            return Words.billingMethod(method);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.method(this);
        }
    }

    /**
     * How tiers price a quantity.
     *
     * @param behavior graduated or volume
     */
    record Behavior(TierBehavior behavior) implements Value {
        /** Requires the behaviour. */
        public Behavior {
            Objects.requireNonNull(behavior, "behavior");
        }

        @Override
        public String text() {
            return Words.tierBehavior(behavior);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.behavior(this);
        }
    }

    /**
     * One price tier, amounts normalised.
     *
     * @param upTo the last unit of the tier, or {@code null} for the last, unbounded tier
     * @param amount the price per billing unit
     * @param flatAmount the flat fee for reaching the tier, or {@code null}
     */
    record TierValue(Long upTo, BigDecimal amount, BigDecimal flatAmount) implements Value {
        /** Normalises the amounts. */
        public TierValue {
            amount = normalise(amount);
            flatAmount = flatAmount == null ? null : normalise(flatAmount);
        }

        @Override
        public String text() {
            return Words.tier(upTo, amount, flatAmount);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tier(this);
        }
    }

    /**
     * Unused usage carried into the next cycle.
     *
     * @param max the most units that roll over, or {@code null}
     * @param maxPercentage the most as a percentage of the allowance, or {@code null}
     * @param months how long rolled-over units last; 0 for forever
     */
    record RolloverValue(Long max, BigDecimal maxPercentage, int months) implements Value {
        /** Normalises the percentage. */
        public RolloverValue {
            maxPercentage = maxPercentage == null ? null : normalise(maxPercentage);
        }

        @Override
        public String text() {
            return Words.rollover(max, maxPercentage, months);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rollover(this);
        }
    }

    /**
     * A whole free trial.
     *
     * @param trial the trial
     */
    record Trial(FreeTrial trial) implements Value {
        /** Requires the trial. */
        public Trial {
            Objects.requireNonNull(trial, "trial");
        }

        @Override
        public String text() {
            return Words.trial(trial);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.trial(this);
        }
    }

    /**
     * A free trial's length.
     *
     * @param length how many units
     * @param unit day, month or year
     */
    record Duration(int length, FreeTrial.Unit unit) implements Value {
        /** Requires the unit. */
        public Duration {
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String text() {
            return Words.duration(length, unit);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.duration(this);
        }
    }

    /**
     * A whole item, shown when it is added or removed: {@code 10,000 per month}.
     *
     * @param item the item
     */
    record WholeItem(Item item) implements Value {
        /** Requires the item. */
        public WholeItem {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public String text() {
            return ItemText.summary(item, Feature::id);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wholeItem(this);
        }
    }

    /** No trailing zeros and a scale of at least 0, so equal amounts are equal records. */
    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = Objects.requireNonNull(value, "value").stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
