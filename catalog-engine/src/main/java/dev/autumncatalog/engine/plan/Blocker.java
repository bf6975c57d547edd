package dev.autumncatalog.engine.plan;

import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Setting;
import java.util.List;
import java.util.Objects;

/**
 * A decision a push needs before it may start. The plan shows them; a push refuses while any is left. The blocker
 * says what is blocked and which {@link Setting}s unblock it ({@link Kind#fixes()}); a {@link FrontEnd} words how its
 * user sets them.
 *
 * <pre>{@code
 * blocker.message(FrontEnd.NEUTRAL)   // … or allow removals with allowRemovals=true.
 * }</pre>
 *
 * @param kind what has to be decided
 * @param subjects the changes concerned: {@code plan legacy}, {@code feature old}
 * @param details the same changes with what the plan knows of each: {@code plan legacy (archive: it has customers)}
 */
public record Blocker(Kind kind, List<String> subjects, List<String> details) {
    /** Copies the lists. */
    public Blocker {
        Objects.requireNonNull(kind, "kind");
        subjects = List.copyOf(subjects);
        details = List.copyOf(details);
    }

    /** What has to be decided. */
    public enum Kind {
        /** Entities left the catalog and removals are off. */
        REMOVALS,
        /** Plans with customers would get a new version, and no version policy is chosen. */
        VERSIONS,
        /** Updates would drop remote content the DSL cannot express. */
        DROPS,
        /**
         * The plan was made without asking Autumn whether a removal must be an archive, or whether an update creates a
         * version; plan again with live lookups. No setting unblocks it.
         */
        UNDECIDED;

        /** The settings, with the values to choose from, that unblock this kind; none for {@link #UNDECIDED}. */
        public List<Fix> fixes() {
            return switch (this) {
                case REMOVALS -> List.of(new Fix(Setting.ALLOW_REMOVALS, "true"));
                case VERSIONS ->
                    List.of(
                            new Fix(Setting.VERSION_POLICY, VersionPolicy.CREATE_VERSION.word()),
                            new Fix(Setting.VERSION_POLICY, VersionPolicy.UPDATE_IN_PLACE.word()));
                case DROPS -> List.of(new Fix(Setting.DROP_UNSUPPORTED, "true"));
                case UNDECIDED -> List.of();
            };
        }
    }

    /**
     * A setting and the value that unblocks a push.
     *
     * @param setting what to set
     * @param value to what
     */
    public record Fix(Setting setting, String value) {
        /** Both are required. */
        public Fix {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(value, "value");
        }
    }

    /** What is blocked and how to unblock it, in the front end's words for its settings. */
    public String message(FrontEnd frontEnd) {
        String listed = String.join(", ", details);
        return switch (kind) {
            case REMOVALS ->
                "Removals are off, and the catalog no longer has: " + listed
                        + ". Add them back to the catalog, or allow removals with "
                        + frontEnd.assignment(Setting.ALLOW_REMOVALS, "true") + ".";
            case VERSIONS ->
                "These updates create a new version because the plan has customers: " + listed
                        + ". Choose " + frontEnd.assignment(Setting.VERSION_POLICY, VersionPolicy.CREATE_VERSION.word())
                        + " (existing customers keep their version) or "
                        + frontEnd.assignment(Setting.VERSION_POLICY, VersionPolicy.UPDATE_IN_PLACE.word())
                        + " (they get the change too).";
            case DROPS ->
                "These updates drop what the DSL cannot express: " + listed + ". Allow it with "
                        + frontEnd.assignment(Setting.DROP_UNSUPPORTED, "true")
                        + ", or make these changes in the Autumn dashboard.";
            case UNDECIDED -> "Autumn was not asked about " + listed + ". Make the plan again with live lookups.";
        };
    }

    /** {@link #message(FrontEnd)} with {@link FrontEnd#NEUTRAL} names. */
    public String message() {
        return message(FrontEnd.NEUTRAL);
    }
}
