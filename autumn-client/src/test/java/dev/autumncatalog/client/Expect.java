package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Field-by-field comparison of parsed results with the JSON Autumn answered. */
final class Expect {
    private Expect() {}

    static void sameCheck(CheckResult result, JsonNode json) {
        assertThat(result.allowed()).as("allowed").isEqualTo(json.get("allowed").booleanValue());
        assertThat(result.customerId())
                .as("customer_id")
                .isEqualTo(json.get("customer_id").textValue());
        assertThat(result.entityId()).as("entity_id").isEqualTo(text(json, "entity_id"));
        assertThat(result.requiredBalance())
                .as("required_balance")
                .isEqualByComparingTo(json.get("required_balance").decimalValue());
        sameOptionalBalance(result.balance(), json.get("balance"), "balance");
        sameBalances(result.balances(), json.get("balances"));
        JsonNode flag = json.get("flag");
        if (flag == null || flag.isNull()) {
            assertThat(result.flag()).as("flag").isNull();
        } else {
            sameFlag(result.flag(), flag);
        }
        assertThat(result.degraded()).as("degraded").isFalse();
    }

    static void sameTrack(TrackResult result, JsonNode json) {
        assertThat(result.customerId()).isEqualTo(json.get("customer_id").textValue());
        assertThat(result.entityId()).isEqualTo(text(json, "entity_id"));
        assertThat(result.eventName()).isEqualTo(text(json, "event_name"));
        assertThat(result.value()).isEqualByComparingTo(json.get("value").decimalValue());
        sameOptionalBalance(result.balance(), json.get("balance"), "balance");
        sameBalances(result.balances(), json.get("balances"));
        List<TrackResult.Deduction> expected = new ArrayList<>();
        JsonNode deductions = json.path("deductions");
        for (JsonNode d : deductions) {
            expected.add(new TrackResult.Deduction(
                    text(d, "balance_id"),
                    text(d, "feature_id"),
                    text(d, "plan_id"),
                    d.get("value").decimalValue()));
        }
        assertThat(result.deductions())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    static void sameBalances(Map<String, Balance> actual, JsonNode json) {
        List<String> present = new ArrayList<>();
        if (json != null && !json.isNull()) {
            json.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    present.add(e.getKey());
                    sameBalance(actual.get(e.getKey()), e.getValue(), "balances." + e.getKey());
                }
            });
        }
        assertThat(actual.keySet()).as("balances keys").containsExactlyElementsOf(present);
    }

    static void sameOptionalBalance(Balance balance, JsonNode json, String what) {
        if (json == null || json.isNull()) {
            assertThat(balance).as(what).isNull();
        } else {
            sameBalance(balance, json, what);
        }
    }

    static void sameBalance(Balance balance, JsonNode json, String what) {
        assertThat(balance).as(what).isNotNull();
        assertThat(balance.featureId())
                .as(what + ".feature_id")
                .isEqualTo(json.get("feature_id").textValue());
        assertThat(balance.granted())
                .as(what + ".granted")
                .isEqualByComparingTo(json.get("granted").decimalValue());
        assertThat(balance.remaining())
                .as(what + ".remaining")
                .isEqualByComparingTo(json.get("remaining").decimalValue());
        assertThat(balance.usage())
                .as(what + ".usage")
                .isEqualByComparingTo(json.get("usage").decimalValue());
        assertThat(balance.unlimited())
                .as(what + ".unlimited")
                .isEqualTo(json.get("unlimited").booleanValue());
        assertThat(balance.overageAllowed())
                .as(what + ".overage_allowed")
                .isEqualTo(json.get("overage_allowed").booleanValue());
        assertThat(balance.maxPurchase()).as(what + ".max_purchase").isEqualTo(decimal(json, "max_purchase"));
        assertThat(balance.nextResetAt()).as(what + ".next_reset_at").isEqualTo(instant(json, "next_reset_at"));
        JsonNode breakdown = json.get("breakdown");
        assertThat(balance.breakdown()).as(what + ".breakdown").hasSize(breakdown.size());
        for (int i = 0; i < breakdown.size(); i++) {
            JsonNode b = breakdown.get(i);
            Balance.Breakdown actual = balance.breakdown().get(i);
            String at = what + ".breakdown[" + i + "]";
            assertThat(actual.id()).as(at + ".id").isEqualTo(text(b, "id"));
            assertThat(actual.planId()).as(at + ".plan_id").isEqualTo(text(b, "plan_id"));
            assertThat(actual.includedGrant())
                    .as(at)
                    .isEqualByComparingTo(b.get("included_grant").decimalValue());
            assertThat(actual.prepaidGrant())
                    .as(at)
                    .isEqualByComparingTo(b.get("prepaid_grant").decimalValue());
            assertThat(actual.remaining())
                    .as(at)
                    .isEqualByComparingTo(b.get("remaining").decimalValue());
            assertThat(actual.usage())
                    .as(at)
                    .isEqualByComparingTo(b.get("usage").decimalValue());
            assertThat(actual.unlimited()).as(at).isEqualTo(b.get("unlimited").booleanValue());
            assertThat(actual.expiresAt()).as(at).isEqualTo(instant(b, "expires_at"));
            JsonNode reset = b.get("reset");
            if (reset == null || reset.isNull()) {
                assertThat(actual.reset()).as(at + ".reset").isNull();
            } else {
                assertThat(actual.reset().interval())
                        .as(at)
                        .isEqualTo(reset.get("interval").textValue());
                assertThat(actual.reset().resetsAt()).as(at).isEqualTo(instant(reset, "resets_at"));
                assertThat(actual.reset().intervalCount())
                        .as(at)
                        .isEqualTo(
                                reset.has("interval_count")
                                        ? reset.get("interval_count").intValue()
                                        : 1);
            }
        }
    }

    static void sameFlag(Flag flag, JsonNode json) {
        assertThat(flag)
                .isEqualTo(new Flag(
                        text(json, "id"),
                        text(json, "plan_id"),
                        text(json, "feature_id"),
                        instant(json, "expires_at")));
    }

    static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.textValue();
    }

    static BigDecimal decimal(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    static Instant instant(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : Instant.ofEpochMilli(node.longValue());
    }
}
