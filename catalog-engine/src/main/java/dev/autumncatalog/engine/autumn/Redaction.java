package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secret keys from whatever the client makes out of an answer: its JSON (every string and every field name,
 * before anything reads it), the text of answers that are not JSON, and I/O failures (whose messages can quote what a
 * server sent, such as a malformed status line).
 */
final class Redaction {
    static final String REDACTED = "<redacted>";
    /** Autumn keys and their masked forms ({@code am_sk_test_wron****}), which still leak a prefix. */
    private static final Pattern KEY = Pattern.compile("am_(sk|pk)_(test_|live_)?+([A-Za-z0-9*]*)");
    /** What Java's UTF-8 decoding puts for each byte sequence that is not well-formed. */
    private static final String REPLACEMENT = Character.toString(0xFFFD);

    private Redaction() {}

    /** {@code text} without {@code secretKey} and without anything shaped like an Autumn key; {@code null} stays. */
    static String scrub(String text, String secretKey) {
        if (text == null || !suspect(text, secretKey)) {
            return text;
        }
        String result = text;
        if (secretKey != null && !secretKey.isEmpty()) {
            result = result.replace(secretKey, REDACTED);
        }
        String input = result;
        return KEY.matcher(input).replaceAll(m -> {
            String prefix = m.group(2) == null ? "" : m.group(2);
            if (m.group(3).isEmpty() && input.startsWith(REDACTED, m.end())) {
                return Matcher.quoteReplacement(m.group()); // scrubbed already
            }
            return Matcher.quoteReplacement("am_" + m.group(1) + "_" + prefix + REDACTED);
        });
    }

    /**
     * Cheap first look: most strings of an answer hold neither the key nor {@code am_}. Only a shortcut: scrubbing
     * without it gives the same text, so its mutants are equivalent and the mutation profile leaves it out.
     */
    private static boolean suspect(String text, String secretKey) {
        return text.contains("am_") || (secretKey != null && !secretKey.isEmpty() && text.contains(secretKey));
    }

    /**
     * {@link #scrubTree} of an answer parsed from {@code raw}, skipped when the raw text proves it needless. Without a
     * backslash the raw text has no escapes, so every string and field name of the tree is a piece of it as it stands:
     * when it holds neither the key nor the start of a key's shape ({@code am_sk_}, {@code am_pk_}: {@link #KEY} cannot
     * match without one), no part of the tree can. Ids such as {@code team_annual} hold {@code am_}, so that is not
     * the test. An escape could spell a key out of other characters (a letter written as its Unicode number), so one
     * backslash anywhere means the walk. And {@code raw} must be the text Jackson read: it is the body read strictly
     * as UTF-8, while Jackson reads the bytes itself. Jackson switches to UTF-16 or UTF-32 when it sees them, and JSON
     * in those always has zero bytes (its braces and quotes are ASCII), which UTF-8 reads as U+0000. Jackson also
     * accepts overlong UTF-8 ({@code C1 AB} for {@code k}), which Java reads as U+FFFD. So either character means the
     * walk too: without them the body is well-formed UTF-8, which both read alike. The walk was the largest part of
     * reading 300 plans' answer (issue 16).
     */
    static JsonNode scrubAnswer(String raw, JsonNode parsed, String secretKey) {
        boolean keyInRaw = secretKey != null && !secretKey.isEmpty() && raw.contains(secretKey);
        boolean shapeInRaw = raw.contains("am_sk_") || raw.contains("am_pk_");
        boolean sameText = raw.indexOf(0) < 0 && !raw.contains(REPLACEMENT) && !raw.contains("\\");
        if (sameText && !shapeInRaw && !keyInRaw) {
            return parsed;
        }
        return scrubTree(parsed, secretKey);
    }

    /**
     * Scrubs every string value and field name of a parsed answer, in place where it can; returns the node to use
     * (a text node is replaced).
     */
    static JsonNode scrubTree(JsonNode node, String secretKey) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String clean = scrub(text, secretKey);
            return clean.equals(text) ? node : TextNode.valueOf(clean);
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            List<JsonNode> clean = new ArrayList<>(array.size());
            array.forEach(element -> clean.add(scrubTree(element, secretKey)));
            array.removeAll();
            array.addAll(clean);
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean renamed = false;
            Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode clean = scrubTree(entry.getValue(), secretKey);
                if (clean != entry.getValue()) {
                    entry.setValue(clean);
                }
                renamed |= suspect(entry.getKey(), secretKey);
            }
            if (renamed) {
                // Rare: a field name quotes a key. Rebuild the object, order kept.
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                object.fields()
                        .forEachRemaining(entry -> fields.merge(
                                scrub(entry.getKey(), secretKey), entry.getValue(), (first, second) -> first));
                object.removeAll();
                object.setAll(fields);
            }
            return object;
        }
        return node;
    }

    /**
     * {@code failure} itself when no message in its chain holds anything key-like; else a copy of the chain whose
     * messages are scrubbed (class names and stack traces kept).
     */
    static Throwable scrubFailure(Throwable failure, String secretKey) {
        if (failure == null || !leaks(failure, secretKey)) {
            return failure;
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            String name = original.getClass().getName();
            String message = original.getMessage();
            Scrubbed scrubbed = new Scrubbed(message == null ? name : name + ": " + scrub(message, secretKey), copy);
            scrubbed.setStackTrace(original.getStackTrace());
            copy = scrubbed;
        }
        return copy;
    }

    private static boolean leaks(Throwable failure, String secretKey) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = failure; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            String message = t.getMessage();
            if (message != null && !message.equals(scrub(message, secretKey))) {
                return true;
            }
        }
        return false;
    }

    /** An I/O failure whose message quoted a key; its text names the original class. */
    static final class Scrubbed extends IOException {
        private static final long serialVersionUID = 1L;

        Scrubbed(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
