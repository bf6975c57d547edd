package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code balances.track} and {@code balances.finalize}, and the {@code balance}/{@code balances}/{@code deductions}
 * parts of their answers that {@link CheckHandlers} shares, as the real server builds them ({@code
 * deductionToTrackResponseV2}, {@code runFinalizeLockV2}).
 */
final class TrackHandlers {
    private static final List<String> OVERAGE = List.of("cap", "overflow", "reject");

    private final CatalogState catalog;
    private final CustomerState customers;
    private final BalanceView view;
    private final Deduction deduction;
    private final IdempotencyKeys idempotency;

    TrackHandlers(
            CatalogState catalog,
            CustomerState customers,
            BalanceView view,
            Deduction deduction,
            IdempotencyKeys idempotency) {
        this.catalog = catalog;
        this.customers = customers;
        this.view = view;
        this.deduction = deduction;
        this.idempotency = idempotency;
    }

    ObjectNode track(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String featureId = in.optionalString(body, "", "feature_id", false);
        String entityId = in.optionalString(body, "", "entity_id", false);
        String eventName = in.optionalString(body, "", "event_name", false);
        BigDecimal value = in.optionalNumber(body, "", "value", false);
        in.optionalObject(body, "", "properties", false);
        String key = in.optionalString(body, "", "idempotency_key", false);
        String overage = in.optionalEnum(body, "", "overage_behavior", OVERAGE);
        boolean lock = in.optionalObject(body, "", "lock", false) != null;
        in.throwIfAny();
        if ((featureId == null) == (eventName == null)) {
            throw ApiError.invalidInputs("input: Either feature_id or event_name must be provided");
        }
        if (lock) {
            throw new ApiError(
                    501,
                    "sandbox_not_implemented",
                    "The local Autumn sandbox (a test double, not Autumn) takes locks on balances.check only, not on"
                            + " balances.track");
        }
        List<Model.Feature> features = featureId != null ? List.of(catalog.feature(featureId)) : byEvent(eventName);
        if (eventName != null && "reject".equals(overage)) {
            throw ApiError.invalidRequest(
                    400,
                    "overage_behavior \"reject\" is not supported with event_name. Use feature_id or set"
                            + " overage_behavior to \"cap\".");
        }
        String claimed = key == null ? null : "track:" + key;
        if (claimed != null) {
            idempotency.claim(claimed);
        }
        try {
            return trackClaimed(customerId, entityId, eventName, value, overage, features);
        } catch (ApiError e) {
            if (claimed != null) {
                idempotency.settle(claimed, e.status());
            }
            throw e;
        }
    }

    private ObjectNode trackClaimed(
            String customerId,
            String entityId,
            String eventName,
            BigDecimal value,
            String overage,
            List<Model.Feature> features) {
        Ledger.Customer customer = customers.customer(customerId);
        BalanceView.Subject subject =
                new BalanceView.Subject(customer, entityId == null ? null : CustomerState.entity(customer, entityId));
        BigDecimal amount = value == null ? BigDecimal.ONE : value;
        Deduction.Overage mode = "reject".equals(overage)
                ? Deduction.Overage.REJECT
                : "overflow".equals(overage) ? Deduction.Overage.OVERFLOW : Deduction.Overage.CAP;
        Map<Model.Feature, Deduction.Result> results = new LinkedHashMap<>();
        for (Model.Feature feature : features) {
            Deduction.Result result = deduction.apply(subject, feature, amount, mode);
            if (result == null) {
                throw new ApiError(
                        400,
                        "insufficient_balance",
                        "Insufficient balance to deduct " + amount.toPlainString() + " from feature " + feature.id);
            }
            results.put(feature, result);
        }
        ObjectNode answer = Json.object();
        answer.put("customer_id", customer.id);
        if (entityId != null) {
            answer.put("entity_id", entityId);
        }
        if (eventName != null) {
            answer.put("event_name", eventName);
        }
        answer.set("value", Numbers.node(amount));
        putBalances(answer, subject, results);
        ArrayNode deductions = answer.putArray("deductions");
        results.values().forEach(r -> r.changes().forEach(change -> deductions.add(deductionJson(change))));
        return answer;
    }

    private List<Model.Feature> byEvent(String eventName) {
        List<Model.Feature> features = new ArrayList<>();
        for (Model.Feature feature : catalog.features.values()) {
            if (feature.eventNames.contains(eventName)) {
                features.add(feature);
            }
        }
        if (features.isEmpty()) {
            throw ApiError.invalidRequest(404, "No features found for event name: " + eventName);
        }
        return features;
    }

    private ObjectNode deductionJson(Deduction.Change change) {
        Ledger.Balance balance = change.balance();
        ObjectNode node = Json.object();
        node.put("balance_id", balance.id);
        node.put("feature_id", balance.featureId);
        node.put("plan_id", balance.planId);
        node.set("reset", BalanceView.reset(balance, catalog.features.get(balance.featureId)));
        node.set("value", Numbers.node(change.amount()));
        return node;
    }

    /**
     * The answer's {@code balance} (the one balance the track landed on: an unlimited one, else the first feature
     * that was drawn down, else the credit system, else the feature) and {@code balances} (every feature involved,
     * {@code null} where the subject holds none; left out when there is only one).
     */
    void putBalances(ObjectNode answer, BalanceView.Subject subject, Map<Model.Feature, Deduction.Result> results) {
        boolean aggregate = subject.entity() == null;
        Map<String, ObjectNode> landed = new LinkedHashMap<>();
        Map<String, ObjectNode> involved = new LinkedHashMap<>();
        for (Map.Entry<Model.Feature, Deduction.Result> entry : results.entrySet()) {
            Model.Feature feature = entry.getKey();
            List<Model.Feature> relevant = deduction.relevantFeatures(feature);
            String use = landedOn(subject, feature, relevant, entry.getValue().byFeature());
            ObjectNode balance = BalanceView.json(view.totals(subject, use, aggregate));
            if (balance != null) {
                landed.put(use, balance);
            }
            for (Model.Feature other : relevant) {
                involved.put(other.id, BalanceView.json(view.totals(subject, other.id, aggregate)));
            }
        }
        answer.set("balance", landed.size() == 1 ? landed.values().iterator().next() : null);
        if (involved.size() >= 2) {
            ObjectNode balances = answer.putObject("balances");
            involved.forEach(balances::set);
        }
    }

    private String landedOn(
            BalanceView.Subject subject,
            Model.Feature feature,
            List<Model.Feature> relevant,
            Map<String, BigDecimal> taken) {
        for (Model.Feature candidate : relevant) {
            if (view.balances(subject, candidate.id).stream().anyMatch(b -> b.unlimited)) {
                return candidate.id;
            }
        }
        List<Model.Feature> ordered = new ArrayList<>(relevant);
        ordered.sort((a, b) -> Boolean.compare(a.isCreditSystem(), b.isCreditSystem()));
        for (Model.Feature candidate : ordered) {
            if (taken.getOrDefault(candidate.id, BigDecimal.ZERO).signum() > 0) {
                return candidate.id;
            }
        }
        return ordered.stream()
                .filter(f -> !f.id.equals(feature.id))
                .findFirst()
                .orElse(feature)
                .id;
    }

    ObjectNode finalizeLock(ObjectNode body) {
        Inputs in = new Inputs();
        String lockId = in.requiredString(body, "", "lock_id");
        String action = in.requiredEnum(body, "", "action", List.of("confirm", "release"));
        BigDecimal override = in.optionalNumber(body, "", "override_value", false);
        in.optionalObject(body, "", "properties", false);
        in.throwIfAny();
        if ("release".equals(action) && override != null) {
            throw ApiError.invalidInputs("override_value: override_value cannot be provided when action is release");
        }
        expireLocks();
        Ledger.Lock lock = customers.locks.get(lockId);
        if (lock == null) {
            throw ApiError.invalidRequest(400, "Lock not found for ID: " + lockId);
        }
        BigDecimal held = lock.units();
        BigDecimal kept = "release".equals(action) ? BigDecimal.ZERO : override == null ? held : override;
        if (kept.compareTo(held) < 0) {
            giveBack(lock, held.subtract(kept));
        } else if (kept.compareTo(held) > 0) {
            Ledger.Customer customer = customers.customer(lock.customerId);
            Ledger.Entity entity = lock.entityId == null ? null : customer.entity(lock.entityId);
            deduction.apply(
                    new BalanceView.Subject(customer, entity),
                    catalog.feature(lock.featureId),
                    kept.subtract(held),
                    Deduction.Overage.CAP);
        }
        customers.locks.remove(lockId);
        catalog.changed();
        return CatalogState.success();
    }

    /** Locks past their {@code expires_at} are released, as the real server's expiry job does. */
    void expireLocks() {
        long now = catalog.now();
        for (Iterator<Ledger.Lock> locks = customers.locks.values().iterator(); locks.hasNext(); ) {
            Ledger.Lock lock = locks.next();
            if (lock.expiresAt != null && lock.expiresAt <= now) {
                giveBack(lock, lock.units());
                locks.remove();
                catalog.changed();
            }
        }
    }

    /** Returns {@code units} of the locked feature to the balances the lock drew from, last drawn first. */
    private void giveBack(Ledger.Lock lock, BigDecimal units) {
        Ledger.Customer customer = customers.customers.get(lock.customerId);
        if (customer == null) {
            return;
        }
        BigDecimal left = units;
        for (int i = lock.items.size() - 1; i >= 0 && left.signum() > 0; i--) {
            Ledger.LockItem item = lock.items.get(i);
            BigDecimal back = item.units.min(left);
            BigDecimal amount = Deduction.divide(item.amount.multiply(back), item.units);
            customer.allBalances().stream()
                    .filter(b -> b.id.equals(item.balanceId))
                    .findFirst()
                    .ifPresent(b -> b.balance = b.balance.add(amount));
            left = left.subtract(back);
        }
    }
}
