package dev.autumncatalog.engine;

import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Setting;
import java.util.Locale;

/** Autumn's two environments. The key alone selects one; we make the user state it for live. */
public enum Environment {
    SANDBOX,
    LIVE;

    /** {@code sandbox} or {@code live}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code sandbox} or {@code live} (case-insensitive; {@code test}, {@code production} and {@code prod} too).
     *
     * @param frontEnd names the setting ({@link Setting#ENVIRONMENT}) in the message
     */
    public static Environment parse(String text, FrontEnd frontEnd) {
        String parameterHint = frontEnd.setting(Setting.ENVIRONMENT);
        if (text == null || text.isBlank()) {
            return SANDBOX;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "sandbox":
            case "test":
                return SANDBOX;
            case "live":
            case "production":
            case "prod":
                return LIVE;
            default:
                throw new IllegalArgumentException("Unknown Autumn environment '" + text + "' in " + parameterHint
                        + "; use sandbox (also spelled test) or live (also production or prod).");
        }
    }

    /**
     * Refuses a key of the other environment, so a live catalog is never touched by accident.
     *
     * @param key the key that will be sent
     * @param frontEnd names the setting that states the environment ({@link Setting#ENVIRONMENT})
     * @throws IllegalArgumentException when the key and the stated environment differ
     */
    public void requireMatches(SecretKey key, FrontEnd frontEnd) {
        if (key.environment() == this) {
            return;
        }
        if (key.environment() == LIVE) {
            throw new IllegalArgumentException("The Autumn key is a live key (am_sk_live_…) but the environment is "
                    + word() + ". Live catalogs are changed only on purpose: set "
                    + frontEnd.assignment(Setting.ENVIRONMENT, LIVE.word())
                    + " to use it, or use a sandbox key (am_sk_test_…).");
        }
        String setting = frontEnd.setting(Setting.ENVIRONMENT);
        throw new IllegalArgumentException("The environment is live (" + setting
                + ") but the Autumn key is a sandbox key (am_sk_test_…). Use the live key, or drop " + setting
                + " to work on the sandbox.");
    }
}
