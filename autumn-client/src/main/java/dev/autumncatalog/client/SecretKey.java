package dev.autumncatalog.client;

import java.util.regex.Pattern;

/**
 * The secret key and the environment it selects. Never printed: {@link #toString()} shows the prefix only, and every
 * refusal below names what is wrong without echoing the value.
 */
final class SecretKey {
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9_\\-]+");

    private final String value;
    private final Environment environment;

    private SecretKey(String value, Environment environment) {
        this.value = value;
        this.environment = environment;
    }

    /**
     * The key in {@code raw}, surrounding whitespace removed (keys read from files and variables often end in a
     * newline). Refuses anything but {@code am_sk_test_} or {@code am_sk_live_} followed by a non-empty body.
     */
    static SecretKey parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException(
                    "the secret key is null; pass Autumn's secret key (is AUTUMN_SECRET_KEY set?)");
        }
        String key = raw.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the secret key is empty; pass Autumn's secret key (am_sk_test_… or"
                    + " am_sk_live_…, from the dashboard's developer page)");
        }
        if (key.startsWith("am_pk_")) {
            throw new IllegalArgumentException("the key given is a publishable key (am_pk_…), which cannot call these"
                    + " routes; pass the secret key (am_sk_test_… or am_sk_live_…)");
        }
        for (Environment environment : Environment.values()) {
            if (key.startsWith(environment.keyPrefix())) {
                String body = key.substring(environment.keyPrefix().length());
                if (body.isEmpty()) {
                    throw new IllegalArgumentException("the secret key is only the prefix " + environment.keyPrefix()
                            + " with nothing after it; pass the whole key");
                }
                if (!BODY.matcher(body).matches()) {
                    throw new IllegalArgumentException("the secret key (" + environment.keyPrefix() + "…, "
                            + key.length() + " characters) contains characters Autumn keys never have (whitespace,"
                            + " quotes or punctuation); pass the key alone");
                }
                return new SecretKey(key, environment);
            }
        }
        throw new IllegalArgumentException("the secret key does not start with am_sk_test_ (sandbox) or am_sk_live_"
                + " (production); pass Autumn's secret key, not another service's");
    }

    String value() {
        return value;
    }

    /** The part after the prefix. */
    String body() {
        return value.substring(environment.keyPrefix().length());
    }

    Environment environment() {
        return environment;
    }

    @Override
    public String toString() {
        return environment.keyPrefix() + "<redacted>";
    }
}
