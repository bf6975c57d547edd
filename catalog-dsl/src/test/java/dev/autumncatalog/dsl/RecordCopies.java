package dev.autumncatalog.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks on the with-steps of model records: each changes the components it names and copies every other one. A new
 * component that a record's copy path forgets comes back as {@code null} or zero from every step, and fails here.
 */
final class RecordCopies {
    private RecordCopies() {}

    /** Every component by name. */
    static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

    /**
     * Asserts that every component holds something other than its default ({@code null}, zero or {@code false}) in at
     * least one of {@code fixtures}.
     */
    static void assertFullyPopulated(Record... fixtures) {
        Set<String> defaults = new LinkedHashSet<>(components(fixtures[0]).keySet());
        for (Record fixture : fixtures) {
            components(fixture).forEach((name, value) -> {
                boolean isDefault = value == null
                        || Boolean.FALSE.equals(value)
                        || (value instanceof Number && ((Number) value).longValue() == 0);
                if (!isDefault) {
                    defaults.remove(name);
                }
            });
        }
        assertThat(defaults)
                .as("components the fixtures leave at their default, so a forgotten copy would go unseen")
                .isEmpty();
    }

    /** Asserts that {@code after} equals {@code before} in every component but {@code changed}. */
    static void assertCopiedExcept(Record before, Record after, String... changed) {
        Map<String, Object> expected = components(before);
        Map<String, Object> actual = components(after);
        for (String name : changed) {
            assertThat(expected).containsKey(name);
            expected.remove(name);
            actual.remove(name);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
