package dev.autumncatalog.engine.autumn;

import java.util.regex.Pattern;

/** Removes secret keys from text that ends up in exceptions and events. */
final class Redaction {
    /** Autumn keys and their masked forms ({@code am_sk_test_wron****}), which still leak a prefix. */
    private static final Pattern KEY = Pattern.compile("am_(sk|pk)_(test_|live_)?[A-Za-z0-9*]*");

    private Redaction() {}

    /** {@code text} without {@code secretKey} and without anything shaped like an Autumn key; {@code null} stays. */
    static String scrub(String text, String secretKey) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (secretKey != null && !secretKey.isEmpty()) {
            result = result.replace(secretKey, "<redacted>");
        }
        return KEY.matcher(result).replaceAll(m -> {
            String prefix = m.group(2) == null ? "" : m.group(2);
            return "am_" + m.group(1) + "_" + prefix + "<redacted>";
        });
    }
}
