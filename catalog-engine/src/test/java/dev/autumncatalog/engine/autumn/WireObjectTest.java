package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link WireObject}: what the reader did not read is an unknown field, so a field the reader maps is named in one
 * place. Lenient objects report it as a line where the object began; strict ones make the entity unreadable.
 */
class WireObjectTest {

    @Test
    void lenient_unreadFieldsWithData_becomeLinesBeforeWhatTheReadingAdded() {
        List<String> lines = new ArrayList<>(List.of("an earlier line"));
        JsonNode node = Json.parse("{\"a\": 1, \"b\": \"x\", \"new\": {\"k\": 2}, \"empty\": {}, \"gone\": null,"
                + " \"display\": \"server-owned\"}");
        WireObject object = WireObject.lenient(node, "item x", lines, Set.of("display"));

        object.integer("a", 0, "a");
        lines.add("a line the reading added");
        object.text("b");
        object.done();

        assertThat(lines)
                .containsExactly(
                        "an earlier line", "item x: unknown field 'new' = {\"k\":2}", "a line the reading added");
    }

    @Test
    void lenient_nested_eachObjectsUnknownFieldsInItsOwnPlace() {
        List<String> lines = new ArrayList<>();
        WireObject outer = WireObject.lenient(Json.parse("{\"x\": 1, \"inner\": {\"y\": 2}}"), "", lines, Set.of());
        lines.add("outer line");
        WireObject inner = WireObject.lenient(outer.get("inner"), "inner", lines, Set.of());
        lines.add("inner line");
        inner.done();
        outer.done();

        assertThat(lines)
                .containsExactly("unknown field 'x' = 1", "outer line", "inner: unknown field 'y' = 2", "inner line");
    }

    @Test
    void strict_anUnreadField_makesTheEntityUnreadable() {
        WireObject tier =
                WireObject.strict(Json.parse("{\"to\": 10, \"amount\": 1, \"surprise\": true}"), "item x tier");
        tier.integer("to", -1, "to");
        tier.decimal("amount", "amount");

        assertThatThrownBy(tier::done)
                .isInstanceOf(Unrepresentable.class)
                .hasMessage("item x tier: unknown field 'surprise' = true");
    }

    @Test
    void skip_marksAFieldRead_withoutReadingIt() {
        WireObject object = WireObject.strict(Json.parse("{\"consumable\": true}"), "feature");
        object.skip("consumable");
        object.done();
    }

    @Test
    void typedGetters_sayWhatIsWrong() {
        WireObject object =
                WireObject.strict(Json.parse("{\"n\": \"ten\", \"f\": 1.5, \"t\": 5, \"b\": \"yes\"}"), "x");
        assertThatThrownBy(() -> object.integer("n", 0, "item included"))
                .hasMessage("item included is not a number: \"ten\"");
        assertThatThrownBy(() -> object.integer("f", 0, "item included"))
                .hasMessage("item included is not a whole number: 1.5");
        assertThatThrownBy(() -> object.integer("missing", -1, "free trial length"))
                .hasMessage("free trial length is missing");
        assertThatThrownBy(() -> object.text("t")).hasMessage("t is not text: 5");
        assertThatThrownBy(() -> object.bool("b", false)).hasMessage("b is not true or false: \"yes\"");
    }
}
