package dev.autumncatalog.engine.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.engine.text.JavadocText;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DescribeTest {
    @Test
    void money_isExactWithGroupingAndCents() {
        assertThat(Describe.money(new BigDecimal("20"))).isEqualTo("$20");
        assertThat(Describe.money(new BigDecimal("9.5"))).isEqualTo("$9.50");
        assertThat(Describe.money(new BigDecimal("0.005"))).isEqualTo("$0.005");
        assertThat(Describe.money(new BigDecimal("1200"))).isEqualTo("$1,200");
        assertThat(Describe.money(new BigDecimal("1234567.891"))).isEqualTo("$1,234,567.891");
        assertThat(Describe.money(new BigDecimal("1E+3"))).isEqualTo("$1,000");
        assertThat(Describe.money(BigDecimal.ZERO)).isEqualTo("$0");
    }

    @Test
    void count_groupsThousands() {
        assertThat(Describe.count(0)).isEqualTo("0");
        assertThat(Describe.count(999)).isEqualTo("999");
        assertThat(Describe.count(10_000)).isEqualTo("10,000");
        assertThat(Describe.count(1_000_000)).isEqualTo("1,000,000");
        assertThat(Describe.count(Long.MAX_VALUE)).isEqualTo("9,223,372,036,854,775,807");
    }

    @Test
    void cycles_readNaturally() {
        assertThat(Describe.per(Cycle.of(Interval.MONTH))).isEqualTo("per month");
        assertThat(Describe.per(Cycle.every(3, Interval.MONTH))).isEqualTo("every 3 months");
        assertThat(Describe.per(Cycle.of(Interval.SEMI_ANNUAL))).isEqualTo("per half-year");
        assertThat(Describe.often(Cycle.of(Interval.YEAR))).isEqualTo("yearly");
        assertThat(Describe.often(Cycle.ONE_OFF)).isEqualTo("once");
        assertThat(Describe.allowance(1_000, Cycle.ONE_OFF)).isEqualTo("1,000, no reset");
        assertThat(Describe.allowance(5, null)).isEqualTo("5");
    }

    @Test
    void html_neutralisesEverythingThatCouldEndOrBreakTheComment() {
        assertThat(JavadocText.escape("a */ b <i>&</i> {@code x} @see \\u002a/\n c"))
                .isEqualTo("a *&#47; b &lt;i&gt;&amp;&lt;/i&gt; &#123;&#64;code x&#125; &#64;see &#92;u002a/ c");
    }

    @Test
    void html_nonAscii_becomesNumericEntities() {
        assertThat(JavadocText.escape("cr\u00e8me \ud83c\udf6e")).isEqualTo("cr&#232;me &#127854;");
    }

    @Test
    void literal_isAsciiOnlyAndSafeFromUnicodeEscapeProcessing() {
        assertThat(Describe.literal("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Describe.literal("tab\there\nline")).isEqualTo("\"tab\\011here\\012line\"");
        assertThat(Describe.literal("cr\u00e8me")).isEqualTo("\"cr\\u00e8me\"");
    }
}
