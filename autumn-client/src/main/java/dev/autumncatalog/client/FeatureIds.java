package dev.autumncatalog.client;

import java.util.regex.Pattern;

/** The one rule for feature ids, shared by every handle. */
final class FeatureIds {
    /** Autumn's own rule for feature ids ({@code idRegex} in its shared schemas). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private FeatureIds() {}

    static void check(String id, String kind) {
        if (id == null) {
            throw new NullPointerException(kind + " id is null");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(kind + " id '" + id
                    + "' cannot be an Autumn feature id: use letters, digits, '_' and '-' only, at least one");
        }
    }
}
