package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a subject (a customer, or one of its entities) sees of its balances, in Autumn 2.3.0's shapes: the balances a
 * read or a track considers, in the real server's deduction order ({@code sortCusEntsForDeduction}); the {@code
 * balance} object with its totals and breakdown ({@code getApiBalanceV2}); flags; and the customer and entity answers.
 */
final class BalanceView {
    private static final List<String> INTERVAL_ORDER =
            List.of("minute", "hour", "day", "week", "month", "quarter", "semi_annual", "year", "one_off");

    private final CatalogState catalog;

    BalanceView(CatalogState catalog) {
        this.catalog = catalog;
    }

    /** Who is asking: a customer, or an entity of it (which also sees the customer-level balances). */
    record Subject(Ledger.Customer customer, Ledger.Entity entity) {
        String entityId() {
            return entity == null ? null : entity.id;
        }
    }

    /** The subject's own balances of one feature, in deduction order; entity-scoped grants only for that entity. */
    List<Ledger.Balance> balances(Subject subject, String featureId) {
        List<Ledger.Balance> seen = new ArrayList<>();
        for (Ledger.Balance balance : subject.customer().allBalances()) {
            if (featureId.equals(balance.featureId)
                    && (balance.entityId == null || balance.entityId.equals(subject.entityId()))) {
                seen.add(balance);
            }
        }
        seen.sort(deductionOrder(subject.entity() != null));
        return seen;
    }

    /** Grants scoped to any entity of the customer: a customer-level read adds their totals (not their breakdown). */
    private List<Ledger.Balance> entityGrants(Subject subject, String featureId) {
        List<Ledger.Balance> grants = new ArrayList<>();
        if (subject.entity() == null) {
            for (Ledger.Balance grant : subject.customer().grants) {
                if (grant.entityId != null && featureId.equals(grant.featureId)) {
                    grants.add(grant);
                }
            }
        }
        return grants;
    }

    Comparator<Ledger.Balance> deductionOrder(boolean entitySubject) {
        return (a, b) -> {
            boolean aEntity = a.entityId != null;
            if (aEntity != (b.entityId != null)) {
                return aEntity == entitySubject ? -1 : 1;
            }
            int byType = Integer.compare(typeRank(a), typeRank(b));
            if (byType != 0) {
                return byType;
            }
            if (a.unlimited != b.unlimited) {
                return a.unlimited ? -1 : 1;
            }
            if ((a.nextResetAt == null) != (b.nextResetAt == null)) {
                return a.nextResetAt != null ? -1 : 1;
            }
            if (a.interval != null && b.interval != null && !a.interval.equals(b.interval)) {
                return Integer.compare(INTERVAL_ORDER.indexOf(a.interval), INTERVAL_ORDER.indexOf(b.interval));
            }
            long aExpires = a.expiresAt == null ? Long.MAX_VALUE : a.expiresAt;
            long bExpires = b.expiresAt == null ? Long.MAX_VALUE : b.expiresAt;
            if (aExpires != bExpires) {
                return Long.compare(aExpires, bExpires);
            }
            if (a.addOn != b.addOn) {
                return a.addOn ? 1 : -1;
            }
            if (a.usageAllowed != b.usageAllowed) {
                return a.usageAllowed ? 1 : -1;
            }
            return Long.compare(a.createdAt, b.createdAt);
        };
    }

    /** Booleans first, credit systems last. */
    private int typeRank(Ledger.Balance balance) {
        Model.Feature feature = catalog.features.get(balance.featureId);
        if (feature == null) {
            return 1;
        }
        return feature.isBoolean() ? 0 : feature.isCreditSystem() ? 2 : 1;
    }

    /** Totals a {@code balance} object shows, kept as numbers for the allowed rule. */
    record Totals(
            String featureId,
            BigDecimal granted,
            BigDecimal remaining,
            BigDecimal usage,
            boolean unlimited,
            boolean overageAllowed,
            Long nextResetAt,
            ArrayNode breakdown) {}

    /**
     * The feature's {@code balance} object as the subject sees it, or {@code null} when it holds no balance of it.
     *
     * @param aggregate a customer-level answer also counts its entities' grants in the totals (Autumn's aggregation)
     */
    Totals totals(Subject subject, String featureId, boolean aggregate) {
        Model.Feature feature = catalog.features.get(featureId);
        List<Ledger.Balance> own = balances(subject, featureId);
        List<Ledger.Balance> aggregated = aggregate ? entityGrants(subject, featureId) : List.of();
        if (feature == null || feature.isBoolean() || (own.isEmpty() && aggregated.isEmpty())) {
            return null;
        }
        if (own.stream().anyMatch(b -> b.unlimited) || aggregated.stream().anyMatch(b -> b.unlimited)) {
            return unlimited(featureId, own.isEmpty() ? aggregated : own);
        }
        ArrayNode breakdown = Json.NODES.arrayNode();
        BigDecimal granted = BigDecimal.ZERO;
        BigDecimal remaining = BigDecimal.ZERO;
        BigDecimal usage = BigDecimal.ZERO;
        Long nextReset = null;
        boolean overage = false;
        for (Ledger.Balance balance : own) {
            BigDecimal left = balance.balance.max(BigDecimal.ZERO);
            BigDecimal used = balance.granted.subtract(balance.balance);
            granted = granted.add(balance.granted);
            remaining = remaining.add(left);
            usage = usage.add(used);
            nextReset = earliest(nextReset, balance.nextResetAt);
            overage |= balance.usageAllowed;
            ObjectNode entry = breakdown.addObject();
            entry.put("id", balance.id);
            entry.put("plan_id", balance.planId);
            entry.set("included_grant", Numbers.node(balance.granted));
            entry.put("prepaid_grant", 0);
            entry.set("remaining", Numbers.node(left));
            entry.set("usage", Numbers.node(used));
            entry.put("unlimited", false);
            entry.set("reset", reset(balance, feature));
            entry.putNull("price");
            putMillis(entry, "expires_at", balance.expiresAt);
        }
        BigDecimal aggregateBalance = BigDecimal.ZERO;
        for (Ledger.Balance grant : aggregated) {
            granted = granted.add(grant.granted);
            usage = usage.add(grant.granted);
            aggregateBalance = aggregateBalance.add(grant.balance);
            nextReset = earliest(nextReset, grant.nextResetAt);
        }
        if (!aggregated.isEmpty()) {
            remaining = remaining.add(aggregateBalance.max(BigDecimal.ZERO));
            usage = usage.subtract(aggregateBalance);
        }
        return new Totals(featureId, granted, remaining, usage, false, overage, nextReset, breakdown);
    }

    private Totals unlimited(String featureId, List<Ledger.Balance> balances) {
        BigDecimal usage = BigDecimal.ZERO;
        for (Ledger.Balance balance : balances) {
            if (balance.unlimited) {
                usage = usage.subtract(balance.balance);
            }
        }
        Ledger.Balance first = balances.get(0);
        ArrayNode breakdown = Json.NODES.arrayNode();
        ObjectNode entry = breakdown.addObject();
        entry.put("id", first.id);
        entry.put("plan_id", first.planId);
        entry.put("included_grant", 0);
        entry.put("prepaid_grant", 0);
        entry.put("remaining", 0);
        entry.set("usage", Numbers.node(usage));
        entry.put("unlimited", true);
        entry.putNull("reset");
        entry.putNull("price");
        entry.putNull("expires_at");
        return new Totals(featureId, BigDecimal.ZERO, BigDecimal.ZERO, usage, true, false, null, breakdown);
    }

    private static Long earliest(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    static ObjectNode json(Totals totals) {
        if (totals == null) {
            return null;
        }
        ObjectNode node = Json.object();
        node.put("feature_id", totals.featureId());
        node.set("granted", Numbers.node(totals.granted()));
        node.set("remaining", Numbers.node(totals.remaining()));
        node.set("usage", Numbers.node(totals.usage()));
        node.put("unlimited", totals.unlimited());
        node.put("overage_allowed", totals.overageAllowed());
        node.putNull("max_purchase");
        putMillis(node, "next_reset_at", totals.nextResetAt());
        node.set("breakdown", totals.breakdown().deepCopy());
        return node;
    }

    /** Autumn's {@code apiBalanceToAllowed} without spend or usage limits (the sandbox has neither). */
    static boolean allowed(Totals totals, BigDecimal required) {
        if (totals == null) {
            return false;
        }
        return totals.unlimited()
                || required.signum() < 0
                || totals.overageAllowed()
                || totals.remaining().compareTo(required) >= 0;
    }

    /** A reset as breakdowns and deductions show it; {@code null} for continuous-use features. */
    static ObjectNode reset(Ledger.Balance balance, Model.Feature feature) {
        if (balance.interval == null || (feature != null && !feature.isCreditSystem() && !feature.consumable)) {
            return null;
        }
        ObjectNode reset = Json.object().put("interval", balance.interval);
        if (balance.intervalCount != 1) {
            reset.put("interval_count", balance.intervalCount);
        }
        putMillis(reset, "resets_at", balance.nextResetAt);
        return reset;
    }

    static void putMillis(ObjectNode node, String field, Long millis) {
        if (millis == null) {
            node.putNull(field);
        } else {
            node.put(field, millis.longValue());
        }
    }

    /** The boolean feature's {@code flag} object, or {@code null} when the subject does not have it. */
    ObjectNode flag(Subject subject, String featureId) {
        Model.Feature feature = catalog.features.get(featureId);
        if (feature == null || !feature.isBoolean()) {
            return null;
        }
        List<Ledger.Balance> held = balances(subject, featureId);
        if (held.isEmpty()) {
            return null;
        }
        Ledger.Balance first = held.get(0);
        ObjectNode flag = Json.object();
        flag.put("id", first.id);
        flag.put("plan_id", first.planId);
        putMillis(flag, "expires_at", first.expiresAt);
        flag.put("feature_id", featureId);
        return flag;
    }

    /** {@code balances} and {@code flags} of a customer or entity answer, in feature order. */
    void putBalancesAndFlags(ObjectNode node, Subject subject, boolean aggregate) {
        ObjectNode balances = node.putObject("balances");
        ObjectNode flags = Json.object();
        for (Map.Entry<String, Model.Feature> entry : catalog.features.entrySet()) {
            if (entry.getValue().isBoolean()) {
                ObjectNode flag = flag(subject, entry.getKey());
                if (flag != null) {
                    flags.set(entry.getKey(), flag);
                }
            } else {
                ObjectNode balance = json(totals(subject, entry.getKey(), aggregate));
                if (balance != null) {
                    balances.set(entry.getKey(), balance);
                }
            }
        }
        node.set("flags", flags);
    }

    ObjectNode customer(Ledger.Customer customer) {
        ObjectNode node = Json.object();
        node.put("id", customer.id);
        node.put("name", customer.name);
        node.put("email", customer.email);
        node.put("created_at", customer.createdAt);
        node.put("fingerprint", customer.fingerprint);
        node.putNull("stripe_id");
        node.put("env", "sandbox");
        node.set("metadata", customer.metadata == null ? Json.object() : customer.metadata.deepCopy());
        node.put("send_email_receipts", false);
        node.putObject("billing_controls");
        putSubscriptions(node, customer);
        node.putArray("purchases");
        node.putArray("licenses");
        putBalancesAndFlags(node, new Subject(customer, null), true);
        node.putObject("config");
        return node;
    }

    /** An entity answer; {@code entities.get} names the feature, {@code entities.create} does not. */
    ObjectNode entity(Ledger.Customer customer, Ledger.Entity entity, boolean withFeatureId) {
        ObjectNode node = Json.object();
        node.put("id", entity.id);
        node.put("name", entity.name);
        node.put("customer_id", customer.id);
        if (withFeatureId) {
            node.put("feature_id", entity.featureId);
        }
        node.put("created_at", entity.createdAt);
        node.put("env", "sandbox");
        putSubscriptions(node, customer);
        node.putArray("purchases");
        putBalancesAndFlags(node, new Subject(customer, entity), false);
        node.putObject("billing_controls");
        return node;
    }

    private static void putSubscriptions(ObjectNode node, Ledger.Customer customer) {
        ArrayNode subscriptions = node.putArray("subscriptions");
        for (Ledger.Subscription s : customer.subscriptions) {
            ObjectNode sub = subscriptions.addObject();
            sub.put("id", s.id);
            sub.put("plan_id", s.planId);
            sub.put("auto_enable", s.autoEnable);
            sub.put("add_on", s.addOn);
            sub.put("status", "active");
            sub.put("past_due", false);
            sub.putNull("canceled_at");
            sub.putNull("expires_at");
            sub.putNull("trial_ends_at");
            sub.put("started_at", s.startedAt);
            sub.putNull("current_period_start");
            sub.putNull("current_period_end");
            sub.put("quantity", 1);
            sub.put("scope", "customer");
        }
    }
}
