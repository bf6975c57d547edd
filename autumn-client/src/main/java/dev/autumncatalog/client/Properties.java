package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Event properties: JSON values only, checked when the request is made rather than when it is sent. */
final class Properties {
    private Properties() {}

    static Map<String, Object> copy(Map<String, ?> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key == null) {
                throw new NullPointerException("a property name is null");
            }
            check(value, "properties." + key);
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void check(Object value, String path) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                return;
            }
            throw new IllegalArgumentException(path + " is " + value + ", which JSON cannot carry");
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new IllegalArgumentException(path + " has a key that is not a String: " + entry.getKey());
                }
                check(entry.getValue(), path + "." + entry.getKey());
            }
            return;
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
                + "; properties take JSON values only: String, Number, Boolean, null, List and Map of those");
    }
}
