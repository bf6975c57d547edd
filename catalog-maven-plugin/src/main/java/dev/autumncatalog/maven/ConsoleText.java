package dev.autumncatalog.maven;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * Text for a console that may not print every character: under {@code LANG=C} Java writes {@code →} as {@code ?}, so
 * the plan's arrows and ellipses are replaced by ASCII ones when the console's charset cannot encode them.
 */
final class ConsoleText {
    /** Each symbol the plan, progress and messages use, with what an ASCII console shows instead. */
    private static final Map<Character, String> FALLBACKS = Map.of(
            '→', "->",
            '…', "...",
            '↺', "^",
            '≥', ">=",
            '—', "-",
            '×', "x");

    private ConsoleText() {}

    /** The charset the console (Maven's log, on standard output) writes with. */
    static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && !name.isBlank()) {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // Fall through to the default.
                }
            }
        }
        return Charset.defaultCharset();
    }

    /** {@code text} as the console can print it. */
    static String forConsole(String text) {
        return forCharset(text, consoleCharset());
    }

    /** {@code text} with each symbol {@code charset} cannot encode replaced by its ASCII fallback. */
    static String forCharset(String text, Charset charset) {
        if (text == null) {
            return null;
        }
        CharsetEncoder encoder = charset.newEncoder();
        if (encoder.canEncode(text)) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String fallback = FALLBACKS.get(c);
            plain.append(fallback != null && !encoder.canEncode(c) ? fallback : String.valueOf(c));
        }
        return plain.toString();
    }
}
