package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A feature granted by a product, without a usage price: a boolean feature, or an allowance of a metered feature.
 * Every step returns a new item.
 *
 * <pre>{@code
 * featureItem(SSO)
 * featureItem(API_CALLS).included(10_000).monthly()
 * featureItem(API_CALLS).included(1_000).noReset()
 * featureItem(AI_TOKENS).unlimited()
 * featureItem(SEATS).included(5)
 * featureItem(MESSAGES).included(100).monthly().perEntity(SEATS)
 * }</pre>
 *
 * @param feature the feature granted
 * @param included included usage per cycle; 0 for boolean features and unlimited items
 * @param isUnlimited whether usage is unlimited
 * @param reset when the balance resets; {@code null} when not stated (only right for boolean and continuous-use
 *     features, and for unlimited items), {@link Cycle#ONE_OFF} for an allowance that never resets
 * @param entityFeature the continuous-use feature the allowance is per unit of (per seat), or {@code null}
 */
public record FeatureItem(Feature feature, long included, boolean isUnlimited, Cycle reset, Feature entityFeature)
        implements Item {
    /** Checks that included usage is not negative and not combined with unlimited. */
    public FeatureItem {
        Objects.requireNonNull(feature, "feature");
        Checks.notNegative("included usage", included, "feature item " + feature.id());
        if (isUnlimited && included != 0) {
            throw new IllegalArgumentException("feature item " + feature.id() + " cannot be unlimited and include "
                    + included + "; choose .included(n) or .unlimited()");
        }
    }

    /** Includes {@code amount} units of usage. */
    public FeatureItem included(long amount) {
        if (isUnlimited) {
            throw new IllegalArgumentException("feature item " + feature.id()
                    + " is already unlimited, cannot also include " + amount + "; choose .included(n) or .unlimited()");
        }
        return edit(draft -> draft.included = amount);
    }

    /** Makes usage unlimited. */
    public FeatureItem unlimited() {
        if (included != 0) {
            throw new IllegalArgumentException("feature item " + feature.id() + " already includes " + included
                    + ", cannot also be unlimited; choose .included(n) or .unlimited()");
        }
        return edit(draft -> draft.isUnlimited = true);
    }

    /** Resets the balance every {@code count} × {@code interval}. */
    public FeatureItem resetEvery(int count, Interval interval) {
        return withReset(Cycle.every(count, interval));
    }

    /** Resets the balance every hour. */
    public FeatureItem hourly() {
        return withReset(Cycle.of(Interval.HOUR));
    }

    /** Resets the balance every day. */
    public FeatureItem daily() {
        return withReset(Cycle.of(Interval.DAY));
    }

    /** Resets the balance every week. */
    public FeatureItem weekly() {
        return withReset(Cycle.of(Interval.WEEK));
    }

    /** Resets the balance every month. */
    public FeatureItem monthly() {
        return withReset(Cycle.of(Interval.MONTH));
    }

    /** Resets the balance every quarter. */
    public FeatureItem quarterly() {
        return withReset(Cycle.of(Interval.QUARTER));
    }

    /** Resets the balance every six months. */
    public FeatureItem semiAnnually() {
        return withReset(Cycle.of(Interval.SEMI_ANNUAL));
    }

    /** Resets the balance every year. */
    public FeatureItem yearly() {
        return withReset(Cycle.of(Interval.YEAR));
    }

    /** The allowance never resets: a one-time grant, such as a top-up pack. */
    public FeatureItem noReset() {
        return withReset(Cycle.ONE_OFF);
    }

    /** Makes the allowance per unit of a continuous-use feature, such as per seat. */
    public FeatureItem perEntity(Feature entity) {
        Objects.requireNonNull(entity, "entity");
        return edit(draft -> draft.entityFeature = entity);
    }

    private FeatureItem withReset(Cycle cycle) {
        return edit(draft -> draft.reset = cycle);
    }

    private FeatureItem edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.item();
    }

    /**
     * The components once more, mutable: the one copy path of the steps above and of {@link Autumn#featureItem}, so a
     * new component is written in the header and here, and no step restates the others.
     */
    static final class Draft {
        Feature feature;
        long included;
        boolean isUnlimited;
        Cycle reset;
        Feature entityFeature;

        /** An item of {@code feature} with every optional component left out. */
        Draft(Feature feature) {
            this.feature = feature;
        }

        /** A copy of {@code item}. */
        Draft(FeatureItem item) {
            feature = item.feature;
            included = item.included;
            isUnlimited = item.isUnlimited;
            reset = item.reset;
            entityFeature = item.entityFeature;
        }

        FeatureItem item() {
            return new FeatureItem(feature, included, isUnlimited, reset, entityFeature);
        }
    }

    @Override
    public String label() {
        return "feature " + feature.id();
    }
}
