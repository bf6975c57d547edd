package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The run-time half of the sandbox's model: customers, what they are subscribed to, their balances (Autumn's
 * "customer entitlements"), entities and locks. Mutable state, touched only under the sandbox's state lock; the state
 * file holds it as it is.
 */
final class Ledger {
    private Ledger() {}

    /** A customer. {@code seq} orders "newest customer" questions. */
    static final class Customer {
        String id;
        String name;
        String email;
        String fingerprint;
        ObjectNode metadata;
        long createdAt;
        long seq;
        List<Subscription> subscriptions = new ArrayList<>();
        /** Balances granted with {@code balances.create}: customer-level, or scoped to one entity. */
        List<Balance> grants = new ArrayList<>();

        List<Entity> entities = new ArrayList<>();

        Entity entity(String entityId) {
            return entities.stream()
                    .filter(e -> e.id.equals(entityId))
                    .findFirst()
                    .orElse(null);
        }

        /** Every balance the customer holds, plan and granted, customer-level and entity-scoped. */
        List<Balance> allBalances() {
            List<Balance> all = new ArrayList<>();
            subscriptions.forEach(s -> all.addAll(s.balances));
            all.addAll(grants);
            return all;
        }
    }

    /** A plan the customer is on ("customer product"): one version, with one balance per plan item. */
    static final class Subscription {
        String id;
        String planId;
        int version;
        boolean addOn;
        /** The plan's auto-enable flag when it was attached; the answer keeps showing it after versioning. */
        boolean autoEnable;

        String group;
        long startedAt;
        List<Balance> balances = new ArrayList<>();
    }

    /**
     * One balance ("customer entitlement"). {@code balance} is what is left and goes below zero for usage past the
     * grant where usage is allowed (continuous-use features, usage-based prices); an unlimited balance counts usage
     * downwards from zero.
     */
    static final class Balance {
        String id;
        String featureId;
        /** The plan it came with; {@code null} for a grant. */
        String planId;
        /** The entity a grant is scoped to; {@code null} for customer-level balances. */
        String entityId;

        BigDecimal granted = BigDecimal.ZERO;
        BigDecimal balance = BigDecimal.ZERO;
        boolean unlimited;
        /** {@code null} for continuous-use and boolean features (never reset), else a reset interval or one_off. */
        String interval;

        int intervalCount = 1;
        Long nextResetAt;
        Long expiresAt;
        /** Usage past the grant is recorded instead of capped (usage-based price, or free continuous use). */
        boolean usageAllowed;

        boolean addOn;
        long createdAt;

        boolean periodic() {
            return interval != null && !"one_off".equals(interval);
        }
    }

    /** An entity (a seat, a workspace): a customer's sub-subject, of one continuous-use feature. */
    static final class Entity {
        String id;
        String name;
        String featureId;
        long createdAt;
    }

    /** A check's lock: what it deducted, to be confirmed or given back by {@code balances.finalize}. */
    static final class Lock {
        String lockId;
        String customerId;
        String entityId;
        String featureId;
        Long expiresAt;
        List<LockItem> items = new ArrayList<>();

        BigDecimal units() {
            return items.stream().map(i -> i.units).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One balance a lock drew from: {@code amount} in the balance's units, {@code units} in the locked feature's. */
    static final class LockItem {
        String balanceId;
        BigDecimal amount;
        BigDecimal units;
    }
}
