package dev.autumncatalog.examples.billing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake Autumn: balances per customer and feature, set by the test, and a log of every track call. */
final class InMemoryBilling implements Billing {
    /**
     * One track call.
     *
     * @param customerId the customer
     * @param featureId the feature
     * @param amount the usage
     */
    record Tracked(String customerId, String featureId, long amount) {}

    private final Map<String, Long> balances = new HashMap<>();
    private final List<Tracked> tracked = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();

    /** Gives the customer a balance of the feature (for a boolean feature: any balance ≥ 0 means access). */
    InMemoryBilling grant(String customerId, String featureId, long balance) {
        balances.put(key(customerId, featureId), balance);
        return this;
    }

    long balance(String customerId, String featureId) {
        return balances.getOrDefault(key(customerId, featureId), 0L);
    }

    List<Tracked> tracked() {
        return List.copyOf(tracked);
    }

    List<String> checks() {
        return List.copyOf(checks);
    }

    @Override
    public boolean check(String customerId, String featureId, long amount) {
        checks.add(featureId + ":" + amount);
        Long balance = balances.get(key(customerId, featureId));
        return balance != null && balance >= amount;
    }

    @Override
    public void track(String customerId, String featureId, long amount) {
        tracked.add(new Tracked(customerId, featureId, amount));
        balances.merge(key(customerId, featureId), -amount, Long::sum);
    }

    private static String key(String customerId, String featureId) {
        return customerId + "/" + featureId;
    }
}
