package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.util.List;
import java.util.Objects;

/** The steps of {@link Autumn#feature(String)}: a name, then the kind. Exists only as a return type. */
public final class FeatureStep {
    private final String id;
    private final Notes notes;

    FeatureStep(String id) {
        this.id = Objects.requireNonNull(id, "feature id");
        this.notes = Notes.NONE.check("id", Checks.id("feature", id));
    }

    /** Names the feature; the kind comes next. */
    public Named name(String name) {
        Checks.requireName("feature", id, name);
        return new Named(id, name, notes.check("name", Checks.name("feature", id, name)));
    }

    /** A named feature waiting for its kind. */
    public static final class Named {
        private final String id;
        private final String name;
        private final Notes notes;

        Named(String id, String name, Notes notes) {
            this.id = id;
            this.name = name;
            this.notes = notes;
        }

        /** An on/off feature such as SSO. */
        public BooleanFeature booleanFlag() {
            return notes.on(new BooleanFeature(id, name));
        }

        /** A metered, consumed feature: messages, API calls, AI tokens. */
        public MeteredFeature singleUse() {
            return notes.on(new MeteredFeature(id, name, true));
        }

        /** A metered, allocated feature: seats, storage, projects. */
        public MeteredFeature continuousUse() {
            return notes.on(new MeteredFeature(id, name, false));
        }

        /** A credit system drawn from by single-use features: {@code .creditSystem(cost(API_CALLS, 1))}. */
        public CreditSystem creditSystem(CreditCost... costs) {
            List<CreditCost> schema = List.of(Objects.requireNonNull(costs, "costs"));
            return notes.check("creditSchema", Checks.creditSchema(id, schema)).on(new CreditSystem(id, name, schema));
        }
    }
}
