package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.util.List;
import java.util.Objects;

/**
 * An on/off feature such as SSO or priority support.
 *
 * <pre>{@code
 * Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
 * }</pre>
 *
 * @param id the feature id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 * @param eventNames event names Autumn also counts for this feature; empty for none
 * @param isArchived whether it is kept archived in Autumn
 */
public record BooleanFeature(String id, String name, List<String> eventNames, boolean isArchived) implements Feature {
    /** Requires an id, a name and the event names, and copies them; their values are checked by {@link Catalog#validate()}. */
    public BooleanFeature {
        Objects.requireNonNull(id, "feature id");
        Checks.requireName("feature", id, name);
        eventNames = Checks.eventNames(eventNames);
    }

    /** A boolean feature without event names, not archived. */
    public BooleanFeature(String id, String name) {
        this(id, name, List.of(), false);
    }

    @Override
    public FeatureType type() {
        return FeatureType.BOOLEAN;
    }

    @Override
    public BooleanFeature eventNames(String... names) {
        List<String> list = List.of(Objects.requireNonNull(names, "names"));
        return Notes.of(this)
                .check("eventNames", Checks.eventNamesProblem(id, list))
                .on(new BooleanFeature(id, name, list, isArchived));
    }

    @Override
    public BooleanFeature archived() {
        return Notes.of(this).on(new BooleanFeature(id, name, eventNames, true));
    }
}
