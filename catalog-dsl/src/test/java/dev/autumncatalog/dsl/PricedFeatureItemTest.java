package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.RecordCopies.assertCopiedExcept;
import static dev.autumncatalog.dsl.RecordCopies.assertFullyPopulated;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The with-steps of {@link PricedFeatureItem}: each sets its component and copies all the others. */
class PricedFeatureItemTest {
    static final Feature CREDITS = feature("credits").name("Credits").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature TEAMS = feature("teams").name("Teams").continuousUse();

    /** Every component set, none to its default, so a copy that drops one shows. */
    static final PricedFeatureItem FULL = pricedFeatureItem(CREDITS)
            .included(100)
            .price(5)
            .per(1_000)
            .prepaid()
            .yearly()
            .resetEvery(1, Interval.MONTH)
            .maxPurchase(10_000)
            .rollover(rollover().upTo(500).forMonths(1))
            .prorate(OnIncrease.PRORATE_NEXT_CYCLE, OnDecrease.NONE)
            .perEntity(SEATS)
            .pooled();

    @Test
    void fixture_setsEveryComponent() {
        assertFullyPopulated(FULL);
    }

    @Test
    void everyStep_copiesTheOtherComponents() {
        assertCopiedExcept(FULL, FULL.resetEvery(3, Interval.MONTH), "reset");
        assertCopiedExcept(FULL, FULL.noReset(), "reset");
        assertCopiedExcept(FULL, FULL.maxPurchase(7), "maxPurchase");
        assertCopiedExcept(FULL, FULL.rollover(rollover().upToPercent(50).forever()), "rollover");
        assertCopiedExcept(FULL, FULL.prorate(OnIncrease.BILL_NEXT_CYCLE, OnDecrease.PRORATE), "proration");
        assertCopiedExcept(FULL, FULL.perEntity(TEAMS), "entityFeature");
    }

    @Test
    void everyStep_setsItsComponent() {
        assertThat(FULL.resetEvery(3, Interval.MONTH).reset()).isEqualTo(Cycle.every(3, Interval.MONTH));
        assertThat(FULL.noReset().reset()).isSameAs(Cycle.ONE_OFF);
        assertThat(FULL.maxPurchase(7).maxPurchase()).isEqualTo(7L);
        assertThat(FULL.rollover(rollover().upToPercent(50).forever()).rollover())
                .isEqualTo(rollover().upToPercent(50).forever());
        assertThat(FULL.prorate(OnIncrease.BILL_NEXT_CYCLE, OnDecrease.PRORATE).proration())
                .isEqualTo(new Proration(OnIncrease.BILL_NEXT_CYCLE, OnDecrease.PRORATE));
        assertThat(FULL.perEntity(TEAMS).entityFeature()).isEqualTo(TEAMS);
    }
}
