package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code balances.check}, as the real server answers it ({@code getCheckDataV2}, {@code getFeatureToUseForCheck},
 * {@code getCheckResponseV2}, {@code runCheckWithTrackV2}): which balance answers (the feature's own when it covers the
 * required balance, else a credit system that prices it), whether it is allowed, and with {@code send_event} or a
 * {@code lock} the deduction itself, refused rather than capped.
 */
final class CheckHandlers {
    private final CatalogState catalog;
    private final CustomerState customers;
    private final BalanceView view;
    private final Deduction deduction;
    private final TrackHandlers track;

    CheckHandlers(
            CatalogState catalog, CustomerState customers, BalanceView view, Deduction deduction, TrackHandlers track) {
        this.catalog = catalog;
        this.customers = customers;
        this.view = view;
        this.deduction = deduction;
        this.track = track;
    }

    /** The lock a check asked for. */
    private record LockRequest(String lockId, boolean enabled, Long expiresAt) {}

    ObjectNode check(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String featureId = in.optionalString(body, "", "feature_id", false);
        String entityId = in.optionalString(body, "", "entity_id", false);
        BigDecimal required = in.optionalNumber(body, "", "required_balance", false);
        in.optionalObject(body, "", "properties", false);
        boolean sendEvent = Boolean.TRUE.equals(in.optionalBoolean(body, "", "send_event"));
        LockRequest lock = lock(in, body);
        in.optionalBoolean(body, "", "with_preview");
        String productId = in.optionalString(body, "", "product_id", false);
        BigDecimal requiredQuantity = in.optionalNumber(body, "", "required_quantity", false);
        in.throwIfAny();
        if ((productId == null) == (featureId == null)) {
            throw ApiError.invalidInputs("input: Must provide either product_id or feature_id");
        }
        if (productId != null) {
            throw new ApiError(
                    501,
                    "sandbox_not_implemented",
                    "The local Autumn sandbox (a test double, not Autumn) does not implement plan checks"
                            + " (balances.check with product_id); check a feature_id");
        }
        Model.Feature feature = catalog.feature(featureId);
        track.expireLocks();
        Ledger.Customer customer = customers.customer(customerId);
        BalanceView.Subject subject =
                new BalanceView.Subject(customer, entityId == null ? null : CustomerState.entity(customer, entityId));
        BigDecimal need = required != null ? required : requiredQuantity != null ? requiredQuantity : BigDecimal.ONE;
        Model.Feature use = featureToUse(subject, feature, need);
        boolean lockEnabled = lock != null && lock.enabled();
        if (sendEvent || lockEnabled) {
            return checkAndTrack(subject, feature, use, need, lockEnabled ? lock : null);
        }
        BalanceView.Totals evaluated = view.totals(subject, use.id, false);
        ObjectNode flag = view.flag(subject, use.id);
        BigDecimal shown = inUnitsOf(use, feature, need);
        boolean allowed = flag != null || BalanceView.allowed(evaluated, shown);
        return answer(subject, allowed, shown, reported(subject, use), flag);
    }

    private static LockRequest lock(Inputs in, ObjectNode body) {
        ObjectNode node = in.optionalObject(body, "", "lock", false);
        if (node == null) {
            return null;
        }
        String lockId = in.requiredString(node, "lock", "lock_id");
        Boolean enabled = in.optionalBoolean(node, "lock", "enabled");
        BigDecimal expiresAt = in.optionalNumber(node, "lock", "expires_at", false);
        return new LockRequest(lockId, Boolean.TRUE.equals(enabled), expiresAt == null ? null : expiresAt.longValue());
    }

    /**
     * The feature whose balance answers: the feature itself when there is no credit system or its own balance covers
     * {@code need}; else the first credit system the subject holds that covers it (compared unconverted, as the real
     * server does), else the first it holds, else the feature if held, else the first credit system.
     */
    private Model.Feature featureToUse(BalanceView.Subject subject, Model.Feature feature, BigDecimal need) {
        List<Model.Feature> creditSystems = deduction.relevantFeatures(feature);
        creditSystems.removeIf(f -> f.id.equals(feature.id) || !f.isCreditSystem());
        if (creditSystems.isEmpty()) {
            return feature;
        }
        BalanceView.Totals own = view.totals(subject, feature.id, false);
        if (own != null && BalanceView.allowed(own, need)) {
            return feature;
        }
        Model.Feature held = null;
        for (Model.Feature creditSystem : creditSystems) {
            BalanceView.Totals totals = view.totals(subject, creditSystem.id, false);
            if (totals == null) {
                continue;
            }
            if (held == null) {
                held = creditSystem;
            }
            if (BalanceView.allowed(totals, need)) {
                return creditSystem;
            }
        }
        return held != null ? held : own != null ? feature : creditSystems.get(0);
    }

    /** {@code required_balance} as answered: in credits when a credit system answers for a metered feature. */
    private static BigDecimal inUnitsOf(Model.Feature use, Model.Feature feature, BigDecimal need) {
        if (!use.isCreditSystem() || use.id.equals(feature.id)) {
            return need;
        }
        return Numbers.normalise(need.multiply(Deduction.cost(feature, use)));
    }

    /** The reported balance: a customer-level answer counts its entities' grants in the totals. */
    private ObjectNode reported(BalanceView.Subject subject, Model.Feature use) {
        return BalanceView.json(view.totals(subject, use.id, subject.entity() == null));
    }

    /** {@code send_event} or a lock: the required balance is deducted now, all of it or nothing. */
    private ObjectNode checkAndTrack(
            BalanceView.Subject subject, Model.Feature feature, Model.Feature use, BigDecimal need, LockRequest lock) {
        if (lock != null && !use.isBoolean() && !use.consumable && !use.isCreditSystem()) {
            throw ApiError.invalidRequest(400, "Lock is not supported for allocated features");
        }
        if (feature.isBoolean()) {
            throw ApiError.invalidRequest(
                    400, "send_event cannot be used with boolean features, which are flags rather than usage-tracked.");
        }
        ObjectNode before = reported(subject, use);
        ObjectNode flag = view.flag(subject, use.id);
        if (before == null && need.signum() > 0) {
            return answer(subject, false, need, null, flag);
        }
        Deduction.Result result = deduction.apply(subject, feature, need, Deduction.Overage.REJECT);
        BigDecimal shown = inUnitsOf(use, feature, need);
        if (result == null) {
            return answer(subject, false, shown, before, flag);
        }
        if (lock != null) {
            hold(subject, feature, lock, result);
        }
        Map<Model.Feature, Deduction.Result> results = new LinkedHashMap<>();
        results.put(feature, result);
        ObjectNode tracked = Json.object();
        track.putBalances(tracked, subject, results);
        ObjectNode balance = tracked.get("balance").isNull()
                ? (ObjectNode) tracked.path("balances").get(feature.id)
                : (ObjectNode) tracked.get("balance");
        ObjectNode answer = answer(subject, true, shown, balance, flag);
        if (tracked.has("balances")) {
            answer.set("balances", tracked.get("balances"));
        }
        return answer;
    }

    /** Records the lock; a lock id already held is refused and what was just deducted is given back. */
    private void hold(
            BalanceView.Subject subject, Model.Feature feature, LockRequest request, Deduction.Result result) {
        if (customers.locks.containsKey(request.lockId())) {
            for (Deduction.Change change : result.changes()) {
                change.balance().balance = change.balance().balance.add(change.amount());
            }
            throw new ApiError(409, "lock_already_exists", "A lock with this ID already exists");
        }
        Ledger.Lock lock = new Ledger.Lock();
        lock.lockId = request.lockId();
        lock.customerId = subject.customer().id;
        lock.entityId = subject.entityId();
        lock.featureId = feature.id;
        lock.expiresAt = request.expiresAt();
        for (Deduction.Change change : result.changes()) {
            Ledger.LockItem item = new Ledger.LockItem();
            item.balanceId = change.balance().id;
            item.amount = change.amount();
            item.units = change.units();
            lock.items.add(item);
        }
        customers.locks.put(lock.lockId, lock);
        catalog.changed();
    }

    private static ObjectNode answer(
            BalanceView.Subject subject, boolean allowed, BigDecimal required, ObjectNode balance, ObjectNode flag) {
        ObjectNode answer = Json.object();
        answer.put("allowed", allowed);
        answer.put("customer_id", subject.customer().id);
        if (subject.entity() != null) {
            answer.put("entity_id", subject.entityId());
        }
        answer.set("required_balance", Numbers.node(required));
        answer.set("balance", balance);
        answer.set("flag", flag);
        return answer;
    }
}
