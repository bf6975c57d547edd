package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.util.List;
import java.util.Objects;

/**
 * A metered feature: single-use (consumed, such as API calls or AI tokens) or continuous-use (allocated, such as seats
 * or storage).
 *
 * <pre>{@code
 * Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
 * Feature SEATS = feature("seats").name("Seats").continuousUse();
 * Feature TOKENS = feature("tokens").name("Tokens").singleUse().eventNames("llm.completion");
 * }</pre>
 *
 * @param id the feature id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 * @param consumable {@code true} for single-use, {@code false} for continuous-use
 * @param eventNames event names whose tracked usage Autumn also counts for this feature; empty for none
 * @param isArchived whether it is kept archived in Autumn
 */
public record MeteredFeature(String id, String name, boolean consumable, List<String> eventNames, boolean isArchived)
        implements Feature {
    /** Requires an id, a name and the event names, and copies them; their values are checked by {@link Catalog#validate()}. */
    public MeteredFeature {
        Objects.requireNonNull(id, "feature id");
        Checks.requireName("feature", id, name);
        eventNames = Checks.eventNames(eventNames);
    }

    /** A metered feature without event names, not archived. */
    public MeteredFeature(String id, String name, boolean consumable) {
        this(id, name, consumable, List.of(), false);
    }

    @Override
    public FeatureType type() {
        return consumable ? FeatureType.SINGLE_USE : FeatureType.CONTINUOUS_USE;
    }

    @Override
    public MeteredFeature eventNames(String... names) {
        List<String> list = List.of(Objects.requireNonNull(names, "names"));
        return Notes.of(this)
                .check("eventNames", Checks.eventNamesProblem(id, list))
                .on(new MeteredFeature(id, name, consumable, list, isArchived));
    }

    @Override
    public MeteredFeature archived() {
        return Notes.of(this).on(new MeteredFeature(id, name, consumable, eventNames, true));
    }
}
