package dev.autumncatalog.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words a front end accepts for a version policy (they were tested with Format). */
class VersionPolicyTest {
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
