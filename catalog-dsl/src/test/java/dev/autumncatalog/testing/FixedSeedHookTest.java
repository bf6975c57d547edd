package dev.autumncatalog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * With {@code jqwik.seed} set, two runs of a property see the same values: the mutation profile depends on it. The
 * property runs twice under the same seed (as two properties of this container) and must draw the same longs.
 */
class FixedSeedHookTest {
    private static final List<Long> first = new ArrayList<>();
    private static final List<Long> second = new ArrayList<>();
    private static String previous;

    @BeforeContainer
    static void fixSeed() {
        previous = System.getProperty(FixedSeedHook.SEED_PROPERTY);
        System.setProperty(FixedSeedHook.SEED_PROPERTY, "42");
    }

    @AfterContainer
    static void restoreAndCompare() {
        if (previous == null) {
            System.clearProperty(FixedSeedHook.SEED_PROPERTY);
        } else {
            System.setProperty(FixedSeedHook.SEED_PROPERTY, previous);
        }
        assertThat(first).hasSize(20).isEqualTo(second);
    }

    @Property(tries = 20)
    void firstRun(@ForAll long value) {
        first.add(value);
    }

    @Property(tries = 20)
    void secondRun(@ForAll long value) {
        second.add(value);
    }
}
