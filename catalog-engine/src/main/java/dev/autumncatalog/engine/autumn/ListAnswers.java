package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The list answers of a catalog fetch ({@code features.list}, {@code plans.list}) taken whole or not at all. Autumn's
 * 2.3.0 catalog lists are not paged; an answer that says it is one page of a longer list, or that names an id twice,
 * cannot be planned against: the planner would create again what exists and never remove what it did not see.
 */
final class ListAnswers {
    /** Fields that announce more to come when they hold anything: a cursor or a next page. */
    private static final List<String> CURSORS =
            List.of("next_cursor", "nextCursor", "cursor", "next", "next_page", "starting_after", "next_offset");
    /** Fields that count the whole list. */
    private static final List<String> TOTALS = List.of("total", "total_count", "totalCount", "count");

    private ListAnswers() {}

    /**
     * The entries of {@code {"list": [...]}}.
     *
     * @throws PartialList when the answer pages the list
     * @throws IllegalArgumentException when it is not such an object
     */
    static List<JsonNode> entries(JsonNode answer, String kind) {
        JsonNode list = answer == null ? null : answer.get("list");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("expected {\"list\": [...]}, was " + WireObject.abbreviate(answer));
        }
        requireWhole(answer, kind);
        List<JsonNode> nodes = new ArrayList<>();
        list.forEach(nodes::add);
        return nodes;
    }

    /**
     * Refuses an answer that carries paging fields: {@code has_more: true}, a cursor, a total above the entries listed,
     * or an offset past the start.
     *
     * @throws PartialList naming every paging field found
     */
    static void requireWhole(JsonNode answer, String kind) {
        if (answer == null || !answer.isObject()) {
            return;
        }
        JsonNode list = answer.get("list");
        int listed = list != null && list.isArray() ? list.size() : 0;
        List<String> signs = new ArrayList<>();
        for (String field : List.of("has_more", "hasMore")) {
            JsonNode value = answer.get(field);
            if (value != null && !value.isNull() && !(value.isBoolean() && !value.booleanValue())) {
                signs.add(field + ": " + WireObject.abbreviate(value));
            }
        }
        for (String field : CURSORS) {
            JsonNode value = answer.get(field);
            boolean none = !WireObject.present(value)
                    || value.isBoolean() && !value.booleanValue()
                    || value.isTextual() && value.textValue().isEmpty();
            if (!none) {
                signs.add(field + ": " + WireObject.abbreviate(value));
            }
        }
        for (String field : TOTALS) {
            JsonNode value = answer.get(field);
            if (value != null && value.isNumber() && value.decimalValue().compareTo(BigDecimal.valueOf(listed)) > 0) {
                signs.add(field + ": " + value + " (" + listed + " listed)");
            }
        }
        JsonNode offset = answer.get("offset");
        if (offset != null && offset.isNumber() && offset.decimalValue().signum() > 0) {
            signs.add("offset: " + offset);
        }
        if (!signs.isEmpty()) {
            throw new PartialList("the answer is one page of a longer list of " + kind + " (" + String.join(", ", signs)
                    + "); planning against part of the catalog would create again what exists and never remove what"
                    + " it did not see");
        }
    }

    /** A list naming one id twice cannot be planned against: which entry is Autumn's? */
    static <T> void unique(String kind, List<T> entities, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T entity : entities) {
            if (!seen.add(id.apply(entity))) {
                throw new IllegalArgumentException("the list names " + kind + " '" + id.apply(entity) + "' twice");
            }
        }
    }

    /** A list answer that says it is not the whole list. */
    static final class PartialList extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PartialList(String message) {
            super(message, null, false, false);
        }
    }
}
