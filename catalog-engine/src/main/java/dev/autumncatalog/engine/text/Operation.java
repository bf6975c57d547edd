package dev.autumncatalog.engine.text;

import java.util.Locale;

/** What a front end runs, named by the engine when a message says "run … again". */
public enum Operation {
    /** Load and validate the catalog. */
    VALIDATE,
    /** Show what a push would change. */
    PLAN,
    /** Make Autumn match the catalog. */
    PUSH,
    /** Fail when Autumn differs from the catalog. */
    CHECK,
    /** Write Autumn's catalog as Java source. */
    PULL,
    /** Generate typed constants of the catalog. */
    GENERATE;

    /** {@code push}: a neutral name. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
