package dev.autumncatalog.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Interval;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0|0", "999|999", "1000|1,000", "10000|10,000", "1234567|1,234,567", "-1000|-1,000"})
    void count_groupsThousands(long value, String expected) {
        assertThat(Format.count(value)).isEqualTo(expected);
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
        assertThat(Format.money(new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0.010|0.01", "1|1", "1500.50|1,500.5", "1E+1|10"})
    void decimal_dropsTrailingZeros(String value, String expected) {
        assertThat(Format.decimal(new BigDecimal(value))).isEqualTo(expected);
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
        assertThat(Format.per(Cycle.every(count, interval))).isEqualTo(per);
        assertThat(Format.every(Cycle.every(count, interval))).isEqualTo(every);
        assertThat(Format.per(Cycle.ONE_OFF)).isEqualTo("once");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {"create-version|CREATE_VERSION", "UPDATE_IN_PLACE|UPDATE_IN_PLACE", " fail |FAIL", "''|FAIL"})
    void versionPolicy_parsesPropertyWords(String text, VersionPolicy expected) {
        assertThat(VersionPolicy.parse(text)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void versionPolicy_unknownWord_namesTheAcceptedOnes() {
        assertThatThrownBy(() -> VersionPolicy.parse("version"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version policy must be create-version, update-in-place or fail, was 'version'");
    }
}
