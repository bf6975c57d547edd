package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object being read by {@link WireReader}: typed getters that say what is wrong (as {@link Unrepresentable}),
 * and a record of every key the reader looked at. Whatever holds data but was not looked at is an unknown field, found
 * by {@link #done()}: so a field the reader maps is named once, where it is read, and never again in a list of known
 * keys.
 *
 * <p>A lenient object ({@link #lenient}) reports unknown fields as unsupported lines, placed where the object began
 * (before the lines its reading added), a strict one ({@link #strict}) makes the entity unreadable.
 */
final class WireObject {
    private final JsonNode node;
    private final String where;
    private final Set<String> ignored;
    private final List<String> lines;
    private final int mark;
    private final Set<String> read = new HashSet<>();

    private WireObject(JsonNode node, String where, Set<String> ignored, List<String> lines) {
        this.node = node;
        this.where = where;
        this.ignored = ignored;
        this.lines = lines;
        this.mark = lines == null ? 0 : lines.size();
    }

    /** Unknown fields become lines of {@code lines}; {@code ignored} are server-owned keys that carry nothing. */
    static WireObject lenient(JsonNode node, String where, List<String> lines, Set<String> ignored) {
        return new WireObject(node, where, ignored, lines);
    }

    /** Unknown fields make the entity unreadable. */
    static WireObject strict(JsonNode node, String where) {
        return new WireObject(node, where, Set.of(), null);
    }

    /** The object is one, or the entity is unreadable: {@code "<what> is not an object: …"}. */
    void requireObject(String what) {
        requireObject(node, what);
    }

    /** The whole object, for messages. */
    String abbreviated() {
        return abbreviate(node);
    }

    /** The raw value, marking the key as read; {@code null} when absent. */
    JsonNode get(String key) {
        read.add(key);
        return node == null ? null : node.get(key);
    }

    /** Marks keys as read without reading them: they carry nothing for the model. */
    void skip(String... keys) {
        Collections.addAll(read, keys);
    }

    /** Whether the key holds data (see {@link #present(JsonNode)}). */
    boolean has(String key) {
        return present(get(key));
    }

    String text(String key) {
        return textValue(get(key), key);
    }

    boolean bool(String key, boolean absent) {
        return bool(get(key), key, absent);
    }

    /** A whole number; absent or {@code null} is {@code absent}, unless that is negative (then it is required). */
    long integer(String key, long absent, String what) {
        JsonNode value = get(key);
        if (value == null || value.isNull()) {
            if (absent < 0) {
                throw new Unrepresentable(what + " is missing");
            }
            return absent;
        }
        if (!value.isNumber()) {
            throw new Unrepresentable(what + " is not a number: " + abbreviate(value));
        }
        BigDecimal decimal = value.decimalValue();
        try {
            return decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new Unrepresentable(what + " is not a whole number: " + decimal.toPlainString());
        }
    }

    BigDecimal decimal(String key, String what) {
        JsonNode value = get(key);
        if (value == null || value.isNull()) {
            throw new Unrepresentable(what + " is missing");
        }
        if (!value.isNumber()) {
            throw new Unrepresentable(what + " is not a number: " + abbreviate(value));
        }
        return value.decimalValue();
    }

    /** A list of texts; anything else reads as none. */
    List<String> strings(String key) {
        JsonNode value = get(key);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        value.forEach(n -> values.add(n.asText()));
        return Collections.unmodifiableList(values);
    }

    /**
     * Reports the fields that hold data but were not read: as lines at the object's start (lenient), or by throwing
     * (strict). Call it after the object was read whole.
     */
    void done() {
        if (node == null || !node.isObject()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (read.contains(key) || ignored.contains(key) || !present(field.getValue())) {
                continue;
            }
            String line = (where.isEmpty() ? "" : where + ": ") + "unknown field '" + key + "' = "
                    + abbreviate(field.getValue());
            if (lines == null) {
                throw new Unrepresentable(line);
            }
            unknown.add(line);
        }
        if (!unknown.isEmpty()) {
            lines.addAll(mark, unknown);
        }
    }

    // ------------------------------------------------------------------ on bare nodes

    /** {@code true} unless missing, {@code null}, or an empty object or array. */
    static boolean present(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        return !(node.isContainerNode() && node.size() == 0);
    }

    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new Unrepresentable(what + " is not an object: " + abbreviate(node));
        }
    }

    /** The text of {@code node.field}, {@code null} when absent; not text is unreadable. */
    static String text(JsonNode node, String field) {
        return textValue(node == null ? null : node.get(field), field);
    }

    private static String textValue(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Unrepresentable(field + " is not text: " + abbreviate(value));
        }
        return value.textValue();
    }

    static boolean bool(JsonNode value, String field, boolean absent) {
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new Unrepresentable(field + " is not true or false: " + abbreviate(value));
        }
        return value.booleanValue();
    }

    /** At most 120 characters of the JSON, for messages. */
    static String abbreviate(JsonNode node) {
        String text = node == null ? "(none)" : node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
