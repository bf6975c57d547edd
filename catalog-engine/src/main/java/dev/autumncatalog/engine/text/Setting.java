package dev.autumncatalog.engine.text;

import java.util.Locale;

/**
 * A setting the user of a front end can change, named by the engine when a message says what to do next ("allow
 * removals with …"). The engine never spells how a front end sets it; {@link FrontEnd} does.
 */
public enum Setting {
    /** Which class defines the catalog. */
    CATALOG_CLASS("catalogClass"),
    /** Which Autumn environment the user means: {@code sandbox} or {@code live}. */
    ENVIRONMENT("environment"),
    /** Whether entities that left the catalog may be archived or deleted. */
    ALLOW_REMOVALS("allowRemovals"),
    /** What to do when an update would version a plan that has customers. */
    VERSION_POLICY("versionPolicy"),
    /** Whether an update may replace what the DSL cannot express. */
    DROP_UNSUPPORTED("dropUnsupported"),
    /** Whether a pull may write into a source directory. */
    PULL_OVERWRITE("pull.overwrite"),
    /** Whether a pull may replace a file it did not write, or one edited since. */
    PULL_FORCE("pull.force");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    /** A neutral name, for {@link FrontEnd#NEUTRAL} and the JSON plan: {@code allowRemovals}, {@code pull.force}. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
