package dev.autumncatalog.engine.plan;

import java.util.List;
import java.util.Objects;

/**
 * A decision a push needs before it may start. The plan shows them; a push refuses while any is left.
 *
 * @param kind what has to be decided
 * @param subjects the changes concerned: {@code plan legacy}, {@code feature old}
 * @param message what is blocked and how to unblock it, naming the plugin property
 */
public record Blocker(Kind kind, List<String> subjects, String message) {
    /** Copies the list. */
    public Blocker {
        Objects.requireNonNull(kind, "kind");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(message, "message");
    }

    /** What has to be decided. */
    public enum Kind {
        /** Entities left the catalog and removals are off ({@code -Dautumn.allowRemovals=true}). */
        REMOVALS,
        /** Plans with customers would get a new version ({@code -Dautumn.versionPolicy=…}). */
        VERSIONS,
        /** Updates would drop remote content the DSL cannot express ({@code -Dautumn.dropUnsupported=true}). */
        DROPS,
        /**
         * The plan was made without asking Autumn whether a removal must be an archive, or whether an update creates a
         * version; plan again with live lookups.
         */
        UNDECIDED
    }
}
