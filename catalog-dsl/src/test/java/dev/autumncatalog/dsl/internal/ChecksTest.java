package dev.autumncatalog.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text rule against what the real Autumn server did with each text (real-server-texts.tsv). */
class ChecksTest {

    /** One recorded exchange. */
    record Exchange(String field, String kase, String outcome, String text) {}

    @Test
    void text_rejectsExactlyWhatTheRealServerAlteredOrRefused() throws IOException {
        List<Exchange> exchanges = exchanges();
        assertThat(exchanges)
                .as("the recording covers feature names and plan names, descriptions and groups")
                .extracting(Exchange::field)
                .contains("feature.name", "plan.name", "plan.description", "plan.group");
        assertThat(exchanges).extracting(Exchange::outcome).contains("kept", "altered", "refused");

        for (Exchange exchange : exchanges) {
            String problem = Checks.text("feature", "f", "name", exchange.text());
            if (exchange.outcome().equals("kept")) {
                assertThat(problem)
                        .as("%s %s, which Autumn keeps", exchange.field(), exchange.kase())
                        .isNull();
            } else {
                assertThat(problem)
                        .as("%s %s, which Autumn %s", exchange.field(), exchange.kase(), exchange.outcome())
                        .isNotNull();
            }
        }
    }

    @Test
    void text_wordsWhatAndWhere() {
        assertThat(Checks.text("product", "pro", "description", "ab\0c"))
                .isEqualTo("product 'pro' description has a NUL character (\\u0000) at index 2; Autumn refuses it"
                        + " (500 internal_error): remove it");
        assertThat(Checks.text("feature", "f", "name", "\uDE80\uD83D"))
                .isEqualTo("feature 'f' name has a lone surrogate (\\uDE80) at index 0; Autumn would store U+FFFD in"
                        + " its place and every push would change it again: complete the pair or remove it");
        assertThat(Checks.text("feature", "f", "name", "rocket \uD83D"))
                .isEqualTo("feature 'f' name has a lone surrogate (\\uD83D) at index 7; Autumn would store U+FFFD in"
                        + " its place and every push would change it again: complete the pair or remove it");
        assertThat(Checks.text("feature", "f", "name", "rocket \uD83D\uDE80 \uD83D\uDE80"))
                .isNull();
    }

    private static List<Exchange> exchanges() throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        try (InputStream in = ChecksTest.class.getResourceAsStream("real-server-texts.tsv")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : all.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                String text = unescape(columns[5]).repeat(Integer.parseInt(columns[4]));
                exchanges.add(new Exchange(columns[0], columns[1], columns[2], text));
            }
        }
        return exchanges;
    }

    /** The recording writes every character outside printable ASCII, and the backslash, as a \\uXXXX escape. */
    private static String unescape(String escaped) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            if (escaped.charAt(i) == '\\') {
                text.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                text.append(escaped.charAt(i));
            }
        }
        return text.toString();
    }
}
