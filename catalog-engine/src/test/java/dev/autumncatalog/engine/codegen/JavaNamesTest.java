package dev.autumncatalog.engine.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaNamesTest {
    @Test
    void constantName_splitsOnSeparatorsAndCaseChanges() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("api_calls", "API_CALLS");
        cases.put("api-calls", "API_CALLS");
        cases.put("apiCalls", "API_CALLS");
        cases.put("ApiCalls", "API_CALLS");
        cases.put("API_CALLS", "API_CALLS");
        cases.put("APICalls", "API_CALLS");
        cases.put("api__calls-", "API_CALLS");
        cases.put("storageGB", "STORAGE_GB");
        cases.put("gpt4o", "GPT4O");
        cases.put("GPT4Turbo", "GPT4_TURBO");
        cases.put("api2Calls", "API2_CALLS");
        cases.put("pro-v2", "PRO_V2");
        cases.put("a", "A");
        cases.put("sso", "SSO");
        cases.forEach(
                (id, name) -> assertThat(JavaNames.constantName(id)).as(id).isEqualTo(name));
    }

    @Test
    void constantName_leadingDigit_getsUnderscore() {
        assertThat(JavaNames.constantName("3d_renders")).isEqualTo("_3D_RENDERS");
        assertThat(JavaNames.constantName("3D-renders")).isEqualTo("_3D_RENDERS");
        assertThat(JavaNames.constantName("_3d")).isEqualTo("_3D");
        assertThat(JavaNames.constantName("2024")).isEqualTo("_2024");
    }

    @Test
    void constantName_keywordsAndLiterals_areUpperCaseSoLegal() {
        assertThat(JavaNames.constantName("class")).isEqualTo("CLASS");
        assertThat(JavaNames.constantName("true")).isEqualTo("TRUE");
        assertThat(JavaNames.constantName("null")).isEqualTo("NULL");
    }

    @Test
    void constantName_noLetterOrDigit_fails() {
        assertThatThrownBy(() -> JavaNames.constantName("-_-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id '-_-' has no letter or digit to make a Java name from");
    }

    @Test
    void sanitisePackageName_makesAnyGroupIdValid() {
        assertThat(JavaNames.sanitisePackageName("com.example.autumn")).isEqualTo("com.example.autumn");
        assertThat(JavaNames.sanitisePackageName("com.my-org.2fa.new.autumn")).isEqualTo("com.my_org._2fa.new_.autumn");
        assertThat(JavaNames.sanitisePackageName("..a..b.")).isEqualTo("a.b");
    }

    @Test
    void requirePackageName_rejectsKeywordsAndBadParts() {
        assertThat(JavaNames.requirePackageName("com.example.billing.autumn")).isEqualTo("com.example.billing.autumn");
        assertThatThrownBy(() -> JavaNames.requirePackageName("com.my-org"))
                .hasMessage("'com.my-org' is not a valid Java package name: 'my-org' is not a Java identifier");
        assertThatThrownBy(() -> JavaNames.requirePackageName("com..x"))
                .hasMessage("'com..x' is not a valid Java package name: it has an empty part (a leading, trailing"
                        + " or double '.')");
        assertThatThrownBy(() -> JavaNames.requirePackageName(""))
                .hasMessage("package name is empty; generated classes need a package");
    }
}
