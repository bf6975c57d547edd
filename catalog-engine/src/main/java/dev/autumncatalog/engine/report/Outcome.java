package dev.autumncatalog.engine.report;

import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.PushCancelledException;
import dev.autumncatalog.engine.StalePlanException;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushRefusedException;

/**
 * How a plan, check or push ended, in one stable word a CI script can branch on: it is the {@code outcome} of the
 * summary file ({@link RunSummary}) and the first word of the failure message a front end prints. Build tools exit
 * with one code for every failure; this tells drift from an invalid catalog, a refusal and a network failure.
 *
 * <pre>{@code
 * Outcome outcome = Outcome.of(exception);   // Outcome.NETWORK_ERROR
 * outcome.word();                            // "network-error"
 * }</pre>
 */
public enum Outcome {
    /** Autumn already matches the catalog. */
    IN_SYNC("in-sync", true),
    /** A plan was made and it has changes (the plan goal; nothing was changed). */
    CHANGES("changes", true),
    /** A push applied every change. */
    APPLIED("applied", true),
    /** A drift check found that Autumn differs from the catalog. */
    DRIFT("drift", false),
    /** The catalog is invalid: every problem is listed; nothing was requested. */
    INVALID_CATALOG("invalid-catalog", false),
    /** The catalog class could not be found, created or called. */
    CATALOG_NOT_LOADED("catalog-not-loaded", false),
    /** A push did not start: a decision is missing, or a live push was declined. Nothing was changed. */
    REFUSED("refused", false),
    /** A saved plan was not applied because Autumn, its customers or the catalog changed since. Nothing changed. */
    STALE_PLAN("stale-plan", false),
    /** Autumn could not be reached, or did not answer in time (a deadline expired). */
    NETWORK_ERROR("network-error", false),
    /** Autumn answered with an error while the catalog was read or planned. */
    AUTUMN_ERROR("autumn-error", false),
    /** A push stopped part-way; the summary lists what was applied, what failed and what was not started. */
    PUSH_FAILED("push-failed", false),
    /** A setting is wrong or missing (no key, a key of another environment, an unknown value). */
    CONFIGURATION("configuration", false),
    /** Anything else: a file that cannot be written, a broken sandbox state file. */
    ERROR("error", false);

    private final String word;
    private final boolean success;

    Outcome(String word, boolean success) {
        this.word = word;
        this.success = success;
    }

    /** The stable word: {@code network-error}. */
    public String word() {
        return word;
    }

    /** {@code true} for the outcomes that end a goal successfully. */
    public boolean success() {
        return success;
    }

    /** The outcome of a failure the engine threw (anything it does not know is {@link #ERROR}). */
    public static Outcome of(Throwable failure) {
        if (failure instanceof InvalidCatalogException) {
            return INVALID_CATALOG;
        }
        if (failure instanceof CatalogLoadException) {
            return CATALOG_NOT_LOADED;
        }
        if (failure instanceof PushRefusedException || failure instanceof PushCancelledException) {
            return REFUSED;
        }
        if (failure instanceof StalePlanException) {
            return STALE_PLAN;
        }
        if (failure instanceof PushFailedException) {
            return PUSH_FAILED;
        }
        if (failure instanceof AutumnApiException) {
            return ((AutumnApiException) failure).status() == 0 ? NETWORK_ERROR : AUTUMN_ERROR;
        }
        if (failure instanceof IllegalArgumentException) {
            return CONFIGURATION;
        }
        return ERROR;
    }
}
