package dev.autumncatalog.client;

/** Checks for the ids a request carries besides feature ids. */
final class Ids {
    private Ids() {}

    /** A required id: not null, not blank. Autumn decides the rest and answers 4xx. */
    static String required(String id, String what) {
        if (id == null) {
            throw new NullPointerException(what + " is null");
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return id;
    }

    /** An optional id: null, or not blank. */
    static String optional(String id, String what) {
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException(what + " is blank; leave it out (null) instead");
        }
        return id;
    }
}
