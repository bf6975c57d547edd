package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an answer is classified at each status boundary: what counts as success, what is repeated, what may have been
 * applied (and is checked by re-reading), and what shows the server was working (which resets the stall watch). An
 * off-by-one here repeats a write that was refused, or gives up on one that may have landed.
 */
class AnswerTest {
    private static Answer answer(int status, String body) {
        return Answer.of(status, body.getBytes(StandardCharsets.UTF_8), null, null, "am_sk_test_AnswerTest");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // status, ok, retryable, ambiguous, progress
        "199, false, false, false, true",
        "200, true, false, false, true",
        "299, true, false, false, true",
        "300, false, false, false, true",
        "428, false, false, false, true",
        "429, false, true, false, false",
        "430, false, false, false, true",
        "499, false, false, false, true",
        "500, false, true, true, false",
        "503, false, true, true, false",
    })
    void statusBoundaries(int status, boolean ok, boolean retryable, boolean ambiguous, boolean progress) {
        Answer answer = answer(status, "{\"code\":\"c\",\"message\":\"m\"}");

        assertThat(answer.ok()).as("ok").isEqualTo(ok);
        assertThat(answer.retryable()).as("retryable").isEqualTo(retryable);
        assertThat(answer.ambiguous()).as("ambiguous").isEqualTo(ambiguous);
        assertThat(answer.progress()).as("progress").isEqualTo(progress);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"199", "300"})
    void outsideTwoHundreds_theBodyIsAnErrorWithCodeAndMessage(int status) {
        Answer answer = answer(status, "{\"code\":\"plan_not_found\",\"message\":\"No plan pro\"}");

        assertThat(answer.code).isEqualTo("plan_not_found");
        assertThat(answer.message).isEqualTo("No plan pro");
        assertThat(answer.json).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"200", "299"})
    void inTwoHundreds_theBodyIsTheAnswer(int status) {
        Answer answer = answer(status, "{\"code\":\"plan_not_found\",\"message\":\"No plan pro\"}");

        assertThat(answer.json.path("code").textValue()).isEqualTo("plan_not_found");
        assertThat(answer.code).isNull();
    }

    @ParameterizedTest(name = "size {0}")
    @CsvSource({"0", "1"})
    void tooLarge_evenAtSizeZero_isNeitherRepeatedNorAmbiguous(long size) {
        Answer answer = Answer.tooLarge(500, size, true);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.retryable()).isFalse();
        assertThat(answer.ambiguous()).isFalse();
    }

    @Test
    void noAnswerAtAll_isRepeatedAndAmbiguous_notProgress() {
        Answer answer = Answer.io(new IOException("reset"), null);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.retryable()).isTrue();
        assertThat(answer.ambiguous()).isTrue();
        assertThat(answer.progress()).isFalse();
    }
}
