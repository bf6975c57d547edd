package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.util.List;
import java.util.Objects;

/** The steps of {@link Autumn#feature(String)}: a name, then the kind. Exists only as a return type. */
public final class FeatureStep {
    private final String id;

    FeatureStep(String id) {
        Checks.id("feature", id);
        this.id = id;
    }

    /** Names the feature; the kind comes next. */
    public Named name(String name) {
        Checks.name("feature", id, name);
        return new Named(id, name);
    }

    /** A named feature waiting for its kind. */
    public static final class Named {
        private final String id;
        private final String name;

        Named(String id, String name) {
            this.id = id;
            this.name = name;
        }

        /** An on/off feature such as SSO. */
        public BooleanFeature booleanFlag() {
            return new BooleanFeature(id, name);
        }

        /** A metered, consumed feature: messages, API calls, AI tokens. */
        public MeteredFeature singleUse() {
            return new MeteredFeature(id, name, true);
        }

        /** A metered, allocated feature: seats, storage, projects. */
        public MeteredFeature continuousUse() {
            return new MeteredFeature(id, name, false);
        }

        /** A credit system drawn from by single-use features: {@code .creditSystem(cost(API_CALLS, 1))}. */
        public CreditSystem creditSystem(CreditCost... costs) {
            Objects.requireNonNull(costs, "costs");
            return new CreditSystem(id, name, List.of(costs));
        }
    }
}
