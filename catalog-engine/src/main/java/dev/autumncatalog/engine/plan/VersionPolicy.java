package dev.autumncatalog.engine.plan;

import dev.autumncatalog.engine.autumn.VersionChoice;
import java.util.Locale;

/**
 * What to do when a plan update would create a new version because the plan has customers (Autumn grandfathers them on
 * the old version). There is no safe default: {@link #FAIL} makes the push stop and ask.
 *
 * <pre>{@code
 * VersionPolicy policy = VersionPolicy.parse("create-version");   // the words a front end accepts
 * }</pre>
 */
public enum VersionPolicy {
    /** Let Autumn create version N+1: new customers get it, existing customers keep theirs. */
    CREATE_VERSION,
    /** Change the current version in place: existing customers get the new prices and allowances too. */
    UPDATE_IN_PLACE,
    /** Refuse to push until one of the two is chosen (the default). */
    FAIL;

    /** {@code create-version}, {@code update-in-place}, {@code fail}: the words the plugin accepts. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The policy named by {@code text} ({@code create-version}, {@code update-in-place} or {@code fail}; case and
     * {@code _} are ignored), or {@link #FAIL} when {@code text} is {@code null} or blank.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static VersionPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return FAIL;
        }
        String word = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (VersionPolicy policy : values()) {
            if (policy.word().equals(word)) {
                return policy;
            }
        }
        throw new IllegalArgumentException(
                "version policy must be create-version, update-in-place or fail, was '" + text + "'");
    }

    /** The choice sent with an update that versions; {@code null} for {@link #FAIL}. */
    VersionChoice choice() {
        return switch (this) {
            case CREATE_VERSION -> VersionChoice.CREATE_VERSION;
            case UPDATE_IN_PLACE -> VersionChoice.UPDATE_IN_PLACE;
            case FAIL -> null;
        };
    }
}
