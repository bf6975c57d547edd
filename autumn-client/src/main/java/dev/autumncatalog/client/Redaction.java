package dev.autumncatalog.client;

import java.util.regex.Pattern;

/** Removes secret keys from text that reaches exceptions and logs. */
final class Redaction {
    /**
     * Anything shaped like an Autumn key, secret or publishable, and the masked forms servers echo ({@code
     * am_sk_test_ab12****}), which still leak a prefix.
     */
    private static final Pattern KEY_SHAPE = Pattern.compile("am_(sk|pk)_(test|live)_[A-Za-z0-9*_\\-]+");

    /** Shorter key bodies are not scrubbed on their own: too likely to be ordinary words. */
    private static final int MIN_BODY = 8;

    private Redaction() {}

    /** {@code text} without anything shaped like an Autumn key; {@code null} stays {@code null}. */
    static String scrubShapes(String text) {
        if (text == null || text.indexOf("am_") < 0) {
            return text;
        }
        return KEY_SHAPE.matcher(text).replaceAll("am_$1_$2_<redacted>");
    }

    /**
     * {@code text} without {@code key}, without the key's body (the part after its prefix, in case a server echoes it
     * alone) and without anything shaped like an Autumn key.
     */
    static String scrub(String text, SecretKey key) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (key != null) {
            result = result.replace(key.value(), "<redacted>");
            String body = key.body();
            if (body.length() >= MIN_BODY) {
                result = result.replace(body, "<redacted>");
            }
        }
        return scrubShapes(result);
    }
}
