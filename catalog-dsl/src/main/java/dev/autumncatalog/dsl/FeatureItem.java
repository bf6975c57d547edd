package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
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
 * featureItem(MESSAGES).included(0).monthly()                        // a balance of zero, refilled to zero
 * featureItem(CREDITS).included(500).monthly().rollover(rollover().upTo(250).forMonths(1))
 * featureItem(API_CALLS).included(100).monthly().pooled()            // entity grants add to one customer balance
 * }</pre>
 *
 * @param feature the feature granted
 * @param included included usage per cycle; 0 for boolean features and unlimited items
 * @param isUnlimited whether usage is unlimited
 * @param reset when the balance resets; {@code null} when not stated (only right for boolean and continuous-use
 *     features), {@link Cycle#ONE_OFF} for an allowance that never resets; always {@code null} for unlimited usage,
 *     which has no balance to reset (Autumn keeps a reset sent with it but never applies it)
 * @param entityFeature the continuous-use feature the allowance is per unit of (per seat), or {@code null}
 * @param isPooled whether grants of this item to entities add to one shared customer balance (Autumn's {@code
 *     pooled})
 * @param rollover unused balance carried into the next cycle, or {@code null}
 */
public record FeatureItem(
        Feature feature,
        long included,
        boolean isUnlimited,
        Cycle reset,
        Feature entityFeature,
        boolean isPooled,
        Rollover rollover)
        implements Item {
    /**
     * Requires the feature, and drops the reset of an unlimited item (one form for one meaning: Autumn's balance of an
     * unlimited item never resets, whatever reset it stores). Included usage below zero, or combined with unlimited,
     * is reported by {@link Catalog#validate()}.
     */
    public FeatureItem {
        Objects.requireNonNull(feature, "feature");
        if (isUnlimited) {
            reset = null;
        }
    }

    /** An item that is not pooled and has no rollover. */
    public FeatureItem(Feature feature, long included, boolean isUnlimited, Cycle reset, Feature entityFeature) {
        this(feature, included, isUnlimited, reset, entityFeature, false, null);
    }

    /** Includes {@code amount} units of usage. */
    public FeatureItem included(long amount) {
        return edit(draft -> {
            draft.included = amount;
            draft.notes = draft.notes
                    .check("included", Checks.notNegative("included usage", amount, "feature item " + feature.id()))
                    .check("unlimited", Checks.unlimitedAndIncluded(feature.id(), isUnlimited, amount));
        });
    }

    /** Makes usage unlimited. */
    public FeatureItem unlimited() {
        return edit(draft -> {
            draft.isUnlimited = true;
            draft.notes = draft.notes.check("unlimited", Checks.unlimitedAndIncluded(feature.id(), true, included));
        });
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

    /**
     * Makes the grants of this item to entities (a plan attached to a seat, say) add to one balance shared by the
     * customer, rather than one balance each (Autumn's {@code pooled}).
     */
    public FeatureItem pooled() {
        return edit(draft -> draft.isPooled = true);
    }

    /** Carries unused balance into the next cycle: {@code .rollover(rollover().upTo(500).forMonths(1))}. */
    public FeatureItem rollover(Rollover value) {
        Objects.requireNonNull(value, "rollover");
        return edit(draft -> draft.rollover = value);
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
     * The components once more, mutable, with the notes of their bad values: the one copy path of the steps above and
     * of {@link Autumn#featureItem}, so a new component is written in the header and here, and no step restates the
     * others.
     */
    static final class Draft {
        Feature feature;
        long included;
        boolean isUnlimited;
        Cycle reset;
        Feature entityFeature;
        boolean isPooled;
        Rollover rollover;
        Notes notes = Notes.NONE;

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
            isPooled = item.isPooled;
            rollover = item.rollover;
            notes = Notes.of(item);
        }

        FeatureItem item() {
            return notes.on(new FeatureItem(feature, included, isUnlimited, reset, entityFeature, isPooled, rollover));
        }
    }

    @Override
    public String label() {
        return "feature " + feature.id();
    }
}
