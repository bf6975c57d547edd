package dev.autumncatalog.engine.plan;

import java.util.Locale;
import java.util.Objects;

/**
 * How an entity that left the catalog leaves Autumn, and why. Autumn refuses to delete a plan that has customers and a
 * feature that a plan or credit system uses; those are archived instead (hidden from new customers, kept for existing
 * ones).
 *
 * @param decision delete, archive, or undecided when Autumn was not asked
 * @param reason why, in a few words: {@code it has customers}, {@code nothing uses it}
 */
public record Removal(Decision decision, String reason) {
    /** A removal Autumn was not asked about (a plan made without live lookups). */
    public static final Removal UNDECIDED = new Removal(Decision.UNDECIDED, "not looked up");

    /** Both are required. */
    public Removal {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }

    /** Delete or archive. */
    public enum Decision {
        /** Gone for good; only possible when nothing holds on to it. */
        DELETE,
        /** Hidden from lists and new customers; existing customers keep it. */
        ARCHIVE,
        /** Not decided: the plan was made without asking Autumn. A push refuses it ({@link Blocker.Kind#UNDECIDED}). */
        UNDECIDED;

        /** {@code delete}, {@code archive}, {@code undecided}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
