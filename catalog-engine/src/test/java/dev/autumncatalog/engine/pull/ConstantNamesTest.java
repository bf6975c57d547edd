package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantNamesTest {
    @Test
    void base_followsTheConstantsGeneratorRule() {
        assertThat(ConstantNames.base("api_calls", "F")).isEqualTo("API_CALLS");
        assertThat(ConstantNames.base("api-calls", "F")).isEqualTo("API_CALLS");
        assertThat(ConstantNames.base("apiCalls", "F")).isEqualTo("API_CALLS");
        assertThat(ConstantNames.base("APICalls", "F")).isEqualTo("API_CALLS");
        assertThat(ConstantNames.base("gpt4o-mini", "F")).isEqualTo("GPT4O_MINI");
        assertThat(ConstantNames.base("3d_renders", "F")).isEqualTo("_3D_RENDERS");
        assertThat(ConstantNames.base("class", "F")).isEqualTo("CLASS");
        assertThat(ConstantNames.base("--a--b--", "F")).isEqualTo("A_B");
    }

    @Test
    void base_idWithoutLetterOrDigit_isTheFallback() {
        assertThat(ConstantNames.base("_", "FEATURE")).isEqualTo("FEATURE");
        assertThat(ConstantNames.base("-_-", "PRODUCT")).isEqualTo("PRODUCT");
    }

    @Test
    void assign_collisionsNumberedInIdOrder() {
        ConstantNames names = ConstantNames.assign(List.of("a_b", "aB", "a-b"), List.of());

        assertThat(names.feature("a-b")).isEqualTo("A_B");
        assertThat(names.feature("aB")).isEqualTo("A_B_2");
        assertThat(names.feature("a_b")).isEqualTo("A_B_3");
    }

    @Test
    void assign_numberedNamesSkipOtherIdsOwnNames() {
        ConstantNames names = ConstantNames.assign(List.of("a-b", "a_b", "z"), List.of("a_b_2", "z-2", "z"));

        assertThat(names.feature("a-b")).isEqualTo("A_B");
        assertThat(names.feature("a_b")).isEqualTo("A_B_3");
        assertThat(names.product("a_b_2")).isEqualTo("A_B_2");
        assertThat(names.feature("z")).isEqualTo("Z");
        assertThat(names.product("z")).isEqualTo("Z_PRODUCT");
        assertThat(names.product("z-2")).isEqualTo("Z_2");
    }

    @Test
    void assign_aProductNamedLikeAFeature_getsTheProductSuffix() {
        ConstantNames names = ConstantNames.assign(List.of("sso", "_"), List.of("sso", "sso_product", "-", "pro"));

        assertThat(names.feature("sso")).isEqualTo("SSO");
        assertThat(names.feature("_")).isEqualTo("FEATURE");
        assertThat(names.product("sso")).isEqualTo("SSO_PRODUCT");
        assertThat(names.product("sso_product")).isEqualTo("SSO_PRODUCT_2");
        assertThat(names.product("-")).isEqualTo("PRODUCT");
        assertThat(names.product("pro")).isEqualTo("PRO");
    }

    @Test
    void assign_independentOfListOrder() {
        ConstantNames one = ConstantNames.assign(List.of("x-y", "x_y", "xY"), List.of("x_y", "X-Y"));
        ConstantNames other = ConstantNames.assign(List.of("xY", "x_y", "x-y"), List.of("X-Y", "x_y"));

        for (String id : List.of("x-y", "x_y", "xY")) {
            assertThat(one.feature(id)).isEqualTo(other.feature(id));
        }
        assertThat(one.product("x_y")).isEqualTo(other.product("x_y")).isEqualTo("X_Y_PRODUCT_2");
        assertThat(one.product("X-Y")).isEqualTo(other.product("X-Y")).isEqualTo("X_Y_PRODUCT");
    }

    @Test
    void feature_unknownId_saysWhichAreNamed() {
        ConstantNames names = ConstantNames.assign(List.of("b", "a"), List.of());

        assertThatThrownBy(() -> names.feature("c")).hasMessage("feature id 'c' was not named; named: [a, b]");
    }
}
