package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.pull.PulledFileMarker.State;
import org.junit.jupiter.api.Test;

class PulledFileMarkerTest {
    private static final String BODY = "package a;\n\nclass B {}\n";

    @Test
    void mark_putsTheHashOfTheBodyOnTheFirstLine() {
        assertThat(PulledFileMarker.mark(BODY))
                .matches("// autumn:pull sha256=[0-9a-f]{64}\npackage a;\n\nclass B \\{}\n")
                .startsWith("// autumn:pull sha256=");
    }

    @Test
    void state_unchangedFile_isPulled() {
        assertThat(PulledFileMarker.state(PulledFileMarker.mark(BODY))).isEqualTo(State.PULLED);
    }

    @Test
    void state_crlfLineEndingsOrAByteOrderMark_stillPulled() {
        String marked = PulledFileMarker.mark(BODY);

        assertThat(PulledFileMarker.state(marked.replace("\n", "\r\n"))).isEqualTo(State.PULLED);
        assertThat(PulledFileMarker.state("\uFEFF" + marked)).isEqualTo(State.PULLED);
    }

    @Test
    void state_anyEditAfterTheMarker_isEdited() {
        String marked = PulledFileMarker.mark(BODY);

        assertThat(PulledFileMarker.state(marked.replace("class B", "class C"))).isEqualTo(State.EDITED);
        assertThat(PulledFileMarker.state(marked + "\n")).isEqualTo(State.EDITED);
        assertThat(PulledFileMarker.state(marked.substring(0, marked.indexOf('\n'))))
                .isEqualTo(State.EDITED);
    }

    @Test
    void state_noMarkerLine_isNotPulled() {
        assertThat(PulledFileMarker.state(BODY)).isEqualTo(State.NOT_PULLED);
        assertThat(PulledFileMarker.state("")).isEqualTo(State.NOT_PULLED);
        assertThat(PulledFileMarker.state("// autumn:pull sha256=abc\n" + BODY)).isEqualTo(State.NOT_PULLED);
        assertThat(PulledFileMarker.state("\n" + PulledFileMarker.mark(BODY))).isEqualTo(State.NOT_PULLED);
    }
}
