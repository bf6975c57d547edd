package dev.autumncatalog.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unmodifiable copies that keep Autumn's order (Map.copyOf does not). */
final class Maps {
    private Maps() {}

    static <V> Map<String, V> copy(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(
                java.util.Objects.requireNonNull(key, "map key"),
                java.util.Objects.requireNonNull(value, () -> "value of '" + key + "'")));
        return Collections.unmodifiableMap(copy);
    }
}
