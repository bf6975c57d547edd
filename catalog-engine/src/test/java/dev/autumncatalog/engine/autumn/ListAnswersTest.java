package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ListAnswers}: a catalog list is taken whole, or refused when the answer says it is one page. */
class ListAnswersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"list\": [{\"id\": \"a\"}]}",
                "{\"list\": [{\"id\": \"a\"}], \"has_more\": false}",
                "{\"list\": [{\"id\": \"a\"}], \"hasMore\": null, \"next_cursor\": null, \"cursor\": \"\"}",
                "{\"list\": [{\"id\": \"a\"}], \"total\": 1, \"offset\": 0, \"limit\": 100}",
                "{\"list\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"total_count\": 2}"
            })
    void whole_isRead(String answer) {
        assertThat(ListAnswers.entries(Json.parse(answer), "plans")).hasSizeGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"list\": [{\"id\": \"a\"}], \"has_more\": true} | has_more: true",
                "{\"list\": [], \"hasMore\": \"yes\"} | hasMore: \"yes\"",
                "{\"list\": [{\"id\": \"a\"}], \"next_cursor\": \"abc\"} | next_cursor: \"abc\"",
                "{\"list\": [{\"id\": \"a\"}], \"starting_after\": \"a\"} | starting_after: \"a\"",
                "{\"list\": [{\"id\": \"a\"}], \"total\": 250} | total: 250 (1 listed)",
                "{\"list\": [{\"id\": \"a\"}], \"totalCount\": 2} | totalCount: 2 (1 listed)",
                "{\"list\": [{\"id\": \"a\"}], \"offset\": 100} | offset: 100"
            })
    void page_isRefused_namingWhatSaysSo(String answer, String sign) {
        assertThatThrownBy(() -> ListAnswers.entries(Json.parse(answer), "plans"))
                .isInstanceOf(ListAnswers.PartialList.class)
                .hasMessage("the answer is one page of a longer list of plans (" + sign + "); planning against part"
                        + " of the catalog would create again what exists and never remove what it did not see");
    }

    @Test
    void page_everySignNamed() {
        assertThatThrownBy(() -> ListAnswers.requireWhole(
                        Json.parse("{\"list\": [], \"has_more\": true, \"next_cursor\": \"c\", \"total\": 3}"),
                        "features"))
                .hasMessageContaining("(has_more: true, next_cursor: \"c\", total: 3 (0 listed))");
    }

    @Test
    void notAList_isMalformed() {
        assertThatThrownBy(() -> ListAnswers.entries(Json.parse("{\"list\": {}}"), "plans"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected {\"list\": [...]}, was {\"list\":{}}");
    }

    @Test
    void unique_anIdListedTwice_isRefused() {
        assertThatThrownBy(() -> ListAnswers.unique("plan", List.of("a", "b", "a"), id -> id))
                .hasMessage("the list names plan 'a' twice");
    }
}
