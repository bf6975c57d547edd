package dev.autumncatalog.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Autumn secret key. Its text is reachable only through {@link #reveal()}, which only the HTTP layer calls; {@link
 * #toString()} and every message show the environment prefix alone.
 */
public final class SecretKey {
    private static final String TEST_PREFIX = "am_sk_test_";
    private static final String LIVE_PREFIX = "am_sk_live_";
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9_-]+");

    private final String value;

    private SecretKey(String value) {
        this.value = value;
    }

    /**
     * A key from its text, trimmed.
     *
     * @param source where it came from, for messages (an environment variable, a credentials store entry), worded by the front end
     * @throws IllegalArgumentException when it is not an Autumn secret key; the message never contains the text
     */
    public static SecretKey of(String text, String source) {
        Objects.requireNonNull(source, "source");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The Autumn secret key from " + source + " is empty.");
        }
        String trimmed = text.trim();
        if (!trimmed.startsWith(TEST_PREFIX) && !trimmed.startsWith(LIVE_PREFIX)) {
            throw new IllegalArgumentException("The value from " + source
                    + " is not an Autumn secret key: it must start with am_sk_test_ (sandbox) or am_sk_live_ (live).");
        }
        String body = trimmed.substring(TEST_PREFIX.length());
        if (body.isEmpty()) {
            throw new IllegalArgumentException("The value from " + source + " is only the prefix "
                    + trimmed + " of an Autumn secret key: the key itself follows it. Copy the whole key from Autumn's"
                    + " dashboard.");
        }
        if (!BODY.matcher(body).matches()) {
            // Never quote the key: say only what kind of character is wrong.
            throw new IllegalArgumentException("The value from " + source + " is not an Autumn secret key: after "
                    + trimmed.substring(0, TEST_PREFIX.length()) + " it may hold only letters, digits, '_' and '-'"
                    + " (was a key pasted with a space, a quote or a line break inside?).");
        }
        return new SecretKey(trimmed);
    }

    /** The environment the key belongs to, from its prefix. */
    public Environment environment() {
        return value.startsWith(LIVE_PREFIX) ? Environment.LIVE : Environment.SANDBOX;
    }

    /** The key itself, for the {@code Authorization} header only. */
    public String reveal() {
        return value;
    }

    /** {@code am_sk_test_… (redacted)}: never the key. */
    @Override
    public String toString() {
        return (environment() == Environment.LIVE ? LIVE_PREFIX : TEST_PREFIX) + "… (redacted)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretKey && ((SecretKey) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
