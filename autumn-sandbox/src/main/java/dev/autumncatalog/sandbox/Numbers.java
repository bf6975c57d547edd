package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;

/** Money and counts are {@link BigDecimal} end to end; these turn them into the JSON numbers Autumn answers with. */
final class Numbers {
    private Numbers() {}

    /** No trailing zeros and never a negative scale, so {@code 10.50} and {@code 1E+3} print as {@code 10.5}, {@code 1000}. */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@link #normalise}, passing {@code null} through. */
    static BigDecimal normaliseOrNull(BigDecimal value) {
        return value == null ? null : normalise(value);
    }

    /** An integral value as an int/long node (what a JSON parser gives for {@code 1000}), else a decimal node. */
    static JsonNode node(BigDecimal value) {
        if (value == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        BigDecimal normal = normalise(value);
        if (normal.scale() == 0 && normal.unscaledValue().bitLength() < 63) {
            long asLong = normal.longValueExact();
            if (asLong >= Integer.MIN_VALUE && asLong <= Integer.MAX_VALUE) {
                return IntNode.valueOf((int) asLong);
            }
            return LongNode.valueOf(asLong);
        }
        return DecimalNode.valueOf(normal);
    }
}
