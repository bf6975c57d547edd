package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 8: plain output that stays readable, under LANG=C and with parallel pushes. */
class ConsoleTextTest {

    @Test
    void forCharset_ascii_replacesTheSymbolsWithReadableOnes() {
        String line = "  ~ price: $20 per month → $25 per month … [1/2] ↺ plan old, parallelism ≥ 1";

        assertThat(ConsoleText.forCharset(line, StandardCharsets.US_ASCII))
                .isEqualTo("  ~ price: $20 per month -> $25 per month ... [1/2] ^ plan old, parallelism >= 1");
    }

    @Test
    void forCharset_utf8_leavesTheTextAlone() {
        String line = "  ~ price: $20 per month → $25 per month …";
        assertThat(ConsoleText.forCharset(line, StandardCharsets.UTF_8)).isSameAs(line);
    }

    @Test
    void forCharset_latin1_replacesOnlyWhatItCannotEncode() {
        assertThat(ConsoleText.forCharset("Équipe → Pro", StandardCharsets.ISO_8859_1))
                .isEqualTo("Équipe -> Pro");
    }

    @Test
    void inPlanOrder_linesArrivingOutOfOrder_comeOutInNumberOrder() {
        List<String> printed = new ArrayList<>();
        InPlanOrder ordered = new InPlanOrder(printed::add);

        for (int number : new int[] {1, 3, 4, 2, 6}) {
            ordered.next(number);
            ordered.accept("[" + number + "/6]");
        }
        assertThat(printed).containsExactly("[1/6]", "[2/6]", "[3/6]", "[4/6]");
        ordered.flush(); // 5 never came: 6 is still printed at the end
        assertThat(printed).containsExactly("[1/6]", "[2/6]", "[3/6]", "[4/6]", "[6/6]");
    }
}
