package dev.autumncatalog.engine.autumn;

/** What to do when updating a plan whose current version has customers and whose items, price or trial change. */
public enum VersionChoice {
    /** Let Autumn create version N+1; existing customers stay on their version. */
    CREATE_VERSION,
    /** Edit the current version in place ({@code disable_version}), changing what existing customers have. */
    UPDATE_IN_PLACE
}
