package dev.autumncatalog.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one wording of numbers, cycles and resets (it was Format in the plan and Describe in codegen). */
class WordsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0|0", "999|999", "1000|1,000", "10000|10,000", "1234567|1,234,567", "-1000|-1,000"})
    void count_groupsThousands(long value, String expected) {
        assertThat(Words.count(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "20|$20",
                "20.00|$20",
                "9.99|$9.99",
                "9.9|$9.90",
                "0.005|$0.005",
                "1000|$1,000",
                "1234.5|$1,234.50",
                "2E+3|$2,000"
            })
    void money_isExactWithCents(String value, String expected) {
        assertThat(Words.money(new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0.010|0.01", "1|1", "1500.50|1,500.5", "1E+1|10"})
    void decimal_dropsTrailingZeros(String value, String expected) {
        assertThat(Words.decimal(new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MONTH|1|per month|every month",
                "MONTH|3|every 3 months|every 3 months",
                "YEAR|1|per year|every year"
            })
    void cycles_readAsEnglish(Interval interval, int count, String per, String every) {
        assertThat(Words.per(Cycle.every(count, interval))).isEqualTo(per);
        assertThat(Words.every(Cycle.every(count, interval))).isEqualTo(every);
        assertThat(Words.per(Cycle.ONE_OFF)).isEqualTo("once");
    }

    @Test
    void money_isExactWithGroupingAndCents() {
        assertThat(Words.money(new BigDecimal("20"))).isEqualTo("$20");
        assertThat(Words.money(new BigDecimal("9.5"))).isEqualTo("$9.50");
        assertThat(Words.money(new BigDecimal("0.005"))).isEqualTo("$0.005");
        assertThat(Words.money(new BigDecimal("1200"))).isEqualTo("$1,200");
        assertThat(Words.money(new BigDecimal("1234567.891"))).isEqualTo("$1,234,567.891");
        assertThat(Words.money(new BigDecimal("1E+3"))).isEqualTo("$1,000");
        assertThat(Words.money(BigDecimal.ZERO)).isEqualTo("$0");
    }

    @Test
    void count_groupsThousands() {
        assertThat(Words.count(0)).isEqualTo("0");
        assertThat(Words.count(999)).isEqualTo("999");
        assertThat(Words.count(10_000)).isEqualTo("10,000");
        assertThat(Words.count(1_000_000)).isEqualTo("1,000,000");
        assertThat(Words.count(Long.MAX_VALUE)).isEqualTo("9,223,372,036,854,775,807");
    }

    @Test
    void count_withNoun_isPluralUnlessOne() {
        assertThat(Words.count(0, "feature")).isEqualTo("0 features");
        assertThat(Words.count(1, "feature")).isEqualTo("1 feature");
        assertThat(Words.count(1_000, "request")).isEqualTo("1,000 requests");
    }

    @Test
    void cycles_readNaturally() {
        assertThat(Words.per(Cycle.of(Interval.MONTH))).isEqualTo("per month");
        assertThat(Words.per(Cycle.every(3, Interval.MONTH))).isEqualTo("every 3 months");
        assertThat(Words.per(Cycle.of(Interval.SEMI_ANNUAL))).isEqualTo("per half-year");
        // Codegen said "yearly" and "no reset" where the plan said "every year" and "never resets": one wording now.
        assertThat(Words.every(Cycle.of(Interval.YEAR))).isEqualTo("every year");
        assertThat(Words.every(Cycle.ONE_OFF)).isEqualTo("once");
        assertThat(Words.allowance(1_000, Cycle.ONE_OFF)).isEqualTo("1,000, never resets");
        assertThat(Words.allowance(5, null)).isEqualTo("5");
    }

    @Test
    void cycle_namesTheUnitNotAutumnsWireWord() {
        assertThat(Words.cycle(Cycle.of(Interval.SEMI_ANNUAL))).isEqualTo("half-year");
        assertThat(Words.cycle(Cycle.every(2, Interval.SEMI_ANNUAL))).isEqualTo("2 half-years");
        assertThat(Words.cycle(Cycle.every(3, Interval.MONTH))).isEqualTo("3 months");
        assertThat(Words.cycle(Cycle.ONE_OFF)).isEqualTo("one-off");
    }

    @Test
    void resets_andAllowances() {
        assertThat(Words.resets(Cycle.of(Interval.MONTH))).isEqualTo("resets every month");
        assertThat(Words.resets(Cycle.ONE_OFF)).isEqualTo("never resets");
        assertThat(Words.allowance(10_000, Cycle.of(Interval.MONTH))).isEqualTo("10,000 per month");
        assertThat(Words.included(0, true)).isEqualTo("unlimited");
    }

    @Test
    void trialsTiersAndRollovers() {
        assertThat(Words.trial(new FreeTrial(14, FreeTrial.Unit.DAY, true))).isEqualTo("14 days, card required");
        assertThat(Words.trial(new FreeTrial(1, FreeTrial.Unit.MONTH, false))).isEqualTo("1 month, no card");
        assertThat(Words.tier(10_000L, new BigDecimal("0.01"), null)).isEqualTo("up to 10,000 at $0.01");
        assertThat(Words.tier(null, new BigDecimal("0.005"), new BigDecimal("20")))
                .isEqualTo("rest at $0.005 + $20 flat");
        assertThat(Words.rollover(500L, null, 1)).isEqualTo("up to 500 for 1 month");
        assertThat(Words.rollover(null, new BigDecimal("50"), 0)).isEqualTo("up to 50% forever");
        assertThat(Words.rollover(null, null, 2)).isEqualTo("all for 2 months");
        assertThat(Words.credits(BigDecimal.ONE)).isEqualTo("1 credit per unit");
        assertThat(Words.credits(new BigDecimal("0.01"))).isEqualTo("0.01 credits per unit");
    }
}
