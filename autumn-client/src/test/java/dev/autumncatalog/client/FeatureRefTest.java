package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The handle factories code generators call, and the visitor over the kinds. */
class FeatureRefTest {

    @Test
    void factories_equalIdsEqualHandles() {
        assertThat(MeteredFeature.of("ai_tokens")).isEqualTo(new MeteredFeature("ai_tokens"));
        assertThat(BooleanFlag.of("sso").id()).isEqualTo("sso");
        assertThat(CreditSystem.of("credits")).isNotEqualTo(MeteredFeature.of("credits"));
        assertThat(FeatureId.of("x-1_Y").id()).isEqualTo("x-1_Y");
    }

    @Test
    void badIds_refusedNamingKindAndValue() {
        assertThatThrownBy(() -> MeteredFeature.of("api calls"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MeteredFeature id 'api calls' cannot be an Autumn feature id: use letters, digits, '_' and"
                        + " '-' only, at least one");
        assertThatThrownBy(() -> CreditSystem.of("")).hasMessageStartingWith("CreditSystem id '' cannot be");
        assertThatThrownBy(() -> BooleanFlag.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("BooleanFlag id is null");
        assertThatThrownBy(() -> FeatureId.of("a.b")).hasMessageStartingWith("FeatureId id 'a.b'");
    }

    @Test
    void visitor_oneMethodPerKind() {
        FeatureRef.Visitor<String> names = new FeatureRef.Visitor<>() {
            @Override
            public String metered(MeteredFeature feature) {
                return "metered " + feature.id();
            }

            @Override
            public String booleanFlag(BooleanFlag feature) {
                return "flag " + feature.id();
            }

            @Override
            public String creditSystem(CreditSystem feature) {
                return "credits " + feature.id();
            }

            @Override
            public String unchecked(FeatureId feature) {
                return "id " + feature.id();
            }
        };
        List<FeatureRef> refs =
                List.of(MeteredFeature.of("a"), BooleanFlag.of("b"), CreditSystem.of("c"), FeatureId.of("d"));

        assertThat(refs)
                .extracting(ref -> ref.accept(names))
                .containsExactly("metered a", "flag b", "credits c", "id d");
    }

    @Test
    void trackable_onlyMeteredAndPlainIds() {
        assertThat(Trackable.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(MeteredFeature.class, FeatureId.class);
        assertThat(FeatureRef.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Trackable.class, BooleanFlag.class, CreditSystem.class);
    }
}
