package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.examples.billing.autumn.FeatureId;
import dev.autumncatalog.examples.billing.autumn.FeatureKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeteringTest {
    private final InMemoryBilling billing = new InMemoryBilling();
    private final Metering metering = new Metering(billing);

    /** The first feature of the catalog with this kind (the test stays independent of the exact catalog). */
    private static FeatureId anyOfKind(FeatureKind kind) {
        return Arrays.stream(FeatureId.values())
                .filter(f -> f.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void allows_booleanFeature_checksAccessWithoutAmount() {
        FeatureId flag = anyOfKind(FeatureKind.BOOLEAN);
        billing.grant("cus_1", flag.id(), 0);

        assertThat(metering.allows("cus_1", flag, 5)).isTrue();
        assertThat(billing.checks()).containsExactly(flag.id() + ":0");
        assertThat(metering.allows("cus_2", flag, 0)).isFalse();
    }

    @Test
    void record_booleanFeature_isRefused() {
        FeatureId flag = anyOfKind(FeatureKind.BOOLEAN);
        assertThatThrownBy(() -> metering.record("cus_1", flag, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(flag.id() + " is a boolean feature; there is no usage to track");
    }

    @Test
    void record_consumedFeature_refusesNegativeUsage() {
        assertThatThrownBy(() -> metering.record("cus_1", FeatureId.API_CALLS, -1))
                .hasMessage("api_calls is consumed; usage cannot be negative, was -1");
        assertThat(billing.tracked()).isEmpty();
    }

    @Test
    void record_continuousFeature_releasesWithNegativeUsage() {
        FeatureId allocated = anyOfKind(FeatureKind.CONTINUOUS_USE);
        metering.record("cus_1", allocated, 3);
        metering.record("cus_1", allocated, -1);

        assertThat(billing.tracked())
                .extracting(InMemoryBilling.Tracked::amount)
                .containsExactly(3L, -1L);
    }
}
