package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.RecordCopies.assertCopiedExcept;
import static dev.autumncatalog.dsl.RecordCopies.assertFullyPopulated;

import org.junit.jupiter.api.Test;

/** The with-steps of {@link FeatureItem}: each sets its component and copies all the others. */
class FeatureItemTest {
    static final Feature MESSAGES = feature("messages").name("Messages").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature TEAMS = feature("teams").name("Teams").continuousUse();

    @Test
    void everyStep_copiesTheOtherComponents() {
        // included and unlimited exclude each other, so two fixtures cover every component between them.
        FeatureItem finite = featureItem(MESSAGES)
                .included(100)
                .monthly()
                .perEntity(SEATS)
                .pooled()
                .rollover(rollover().upTo(50).forMonths(1));
        FeatureItem unlimited = featureItem(MESSAGES).unlimited().perEntity(SEATS);
        assertFullyPopulated(finite, unlimited);

        assertCopiedExcept(finite, finite.included(7), "included");
        // An unlimited item has no reset (its balance never resets), so .unlimited() drops the reset too.
        assertCopiedExcept(featureItem(MESSAGES).monthly().perEntity(SEATS), unlimited, "isUnlimited", "reset");
        assertCopiedExcept(finite, finite.rollover(rollover().upToPercent(50).forever()), "rollover");
        assertCopiedExcept(
                featureItem(MESSAGES).included(100).monthly().perEntity(SEATS), finite, "isPooled", "rollover");
        for (FeatureItem item : new FeatureItem[] {finite, unlimited}) {
            assertCopiedExcept(item, item.resetEvery(2, Interval.WEEK), "reset");
            assertCopiedExcept(item, item.hourly(), "reset");
            assertCopiedExcept(item, item.daily(), "reset");
            assertCopiedExcept(item, item.weekly(), "reset");
            assertCopiedExcept(item, item.quarterly(), "reset");
            assertCopiedExcept(item, item.semiAnnually(), "reset");
            assertCopiedExcept(item, item.yearly(), "reset");
            assertCopiedExcept(item, item.noReset(), "reset");
            assertCopiedExcept(item, item.perEntity(TEAMS), "entityFeature");
        }
    }
}
