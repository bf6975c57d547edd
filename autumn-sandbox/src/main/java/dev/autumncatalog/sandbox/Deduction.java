package dev.autumncatalog.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Autumn's deduction, ported from the real server's Lua ({@code runDeductionOnContextV2}, {@code
 * deductFromMainBalanceV2}): an amount of one feature is taken from the subject's balances of that feature, then of the
 * credit systems that price it, in deduction order. An unlimited balance takes everything. Pass 1 takes only what is
 * left (a refund only lifts balances back to zero); pass 2 lets balances whose usage is allowed go negative (a refund
 * fills up to the grant). Under {@code cap} (the default) what cannot be taken is dropped; under {@code reject} the
 * whole deduction is refused.
 */
final class Deduction {
    private final CatalogState catalog;
    private final BalanceView view;

    Deduction(CatalogState catalog, BalanceView view) {
        this.catalog = catalog;
        this.view = view;
    }

    /** Over-limit behaviour: the track default, or a check's {@code send_event}/lock. */
    enum Overage {
        CAP,
        /** Takes the full value: every balance may go below zero. */
        OVERFLOW,
        REJECT
    }

    /** One balance taken from (positive) or given back to (negative), in the balance's own units. */
    record Change(Ledger.Balance balance, BigDecimal amount, BigDecimal units) {}

    /** The outcome: the changes in the order they were made, merged per balance, and what could not be taken. */
    record Result(List<Change> changes, BigDecimal notTaken) {
        /** Amount taken per feature, in that feature's units. */
        Map<String, BigDecimal> byFeature() {
            Map<String, BigDecimal> byFeature = new LinkedHashMap<>();
            for (Change change : changes) {
                byFeature.merge(change.balance().featureId, change.amount(), BigDecimal::add);
            }
            return byFeature;
        }
    }

    /** A balance with the cost of one unit of the tracked feature in its units. */
    private record Entry(Ledger.Balance balance, BigDecimal cost, boolean usageAllowed) {}

    /**
     * Takes {@code amount} of {@code feature} (negative gives back) from {@code subject}.
     *
     * @return {@code null} when {@code overage} is {@code REJECT} and the balances cannot cover it; nothing changed
     */
    Result apply(BalanceView.Subject subject, Model.Feature feature, BigDecimal amount, Overage overage) {
        List<Entry> entries = entries(subject, feature, overage);
        Map<Ledger.Balance, BigDecimal> taken = new LinkedHashMap<>();
        BigDecimal remaining = amount;
        if (!entries.isEmpty() && entries.get(0).balance().unlimited) {
            Entry sink = entries.get(0);
            taken.put(sink.balance(), amount.multiply(sink.cost()));
            remaining = BigDecimal.ZERO;
        } else {
            boolean refund = amount.signum() < 0;
            remaining = pass(entries, remaining, 1, false, taken);
            if (remaining.signum() != 0) {
                remaining = pass(entries, remaining, 2, !refund, taken);
            }
        }
        if (overage == Overage.REJECT && remaining.signum() > 0) {
            return null;
        }
        List<Change> changes = new ArrayList<>();
        Map<Ledger.Balance, BigDecimal> costs = new LinkedHashMap<>();
        entries.forEach(e -> costs.put(e.balance(), e.cost()));
        taken.forEach((balance, change) -> {
            if (change.signum() != 0) {
                balance.balance = balance.balance.subtract(change);
                changes.add(new Change(balance, Numbers.normalise(change), divide(change, costs.get(balance))));
            }
        });
        if (!changes.isEmpty()) {
            catalog.changed();
        }
        return new Result(changes, remaining);
    }

    /** Balances of the feature and of the credit systems whose schema prices it, each with its unit cost. */
    private List<Entry> entries(BalanceView.Subject subject, Model.Feature feature, Overage overage) {
        List<Ledger.Balance> balances = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Model.Feature relevant : relevantFeatures(feature)) {
            balances.addAll(view.balances(subject, relevant.id));
        }
        balances.sort(view.deductionOrder(subject.entity() != null));
        for (Ledger.Balance balance : balances) {
            Model.Feature own = catalog.features.get(balance.featureId);
            if (own == null || own.isBoolean()) {
                continue;
            }
            boolean freeContinuous = !own.consumable && !own.isCreditSystem() && !balance.usageAllowed;
            boolean usageAllowed = balance.unlimited
                    || overage == Overage.OVERFLOW
                    || balance.usageAllowed
                    || (freeContinuous && overage != Overage.REJECT);
            entries.add(new Entry(balance, cost(feature, own), usageAllowed));
        }
        // An unlimited balance is the sink: it leads and takes everything.
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).balance().unlimited) {
                entries.add(0, entries.remove(i));
                break;
            }
        }
        return entries;
    }

    /** The feature itself and every credit system whose schema names it, in feature order. */
    List<Model.Feature> relevantFeatures(Model.Feature feature) {
        List<Model.Feature> relevant = new ArrayList<>();
        for (Model.Feature candidate : catalog.features.values()) {
            if (candidate.id.equals(feature.id) || pricedBy(feature.id, candidate)) {
                relevant.add(candidate);
            }
        }
        return relevant;
    }

    private static boolean pricedBy(String featureId, Model.Feature creditSystem) {
        return creditSystem.isCreditSystem()
                && creditSystem.creditSchema != null
                && creditSystem.creditSchema.stream().anyMatch(e -> featureId.equals(e.meteredFeatureId()));
    }

    /** Credits per unit of {@code tracked} when drawn from {@code from}; 1 from the feature's own balances. */
    static BigDecimal cost(Model.Feature tracked, Model.Feature from) {
        if (from.id.equals(tracked.id) || from.creditSchema == null) {
            return BigDecimal.ONE;
        }
        for (Model.CreditEntry entry : from.creditSchema) {
            if (entry.meteredFeatureId().equals(tracked.id)) {
                return entry.creditCost().signum() == 0 ? BigDecimal.ONE : entry.creditCost();
            }
        }
        return BigDecimal.ONE;
    }

    private static BigDecimal pass(
            List<Entry> entries,
            BigDecimal remaining,
            int pass,
            boolean skipIfUsageNotAllowed,
            Map<Ledger.Balance, BigDecimal> taken) {
        for (Entry entry : entries) {
            if (remaining.signum() == 0) {
                break;
            }
            if (skipIfUsageNotAllowed && !entry.usageAllowed()) {
                continue;
            }
            Ledger.Balance balance = entry.balance();
            BigDecimal current = balance.balance.subtract(taken.getOrDefault(balance, BigDecimal.ZERO));
            BigDecimal amount = remaining.multiply(entry.cost());
            BigDecimal change = change(current, amount, pass, entry, balance.granted);
            if (change.signum() != 0) {
                taken.merge(balance, change, BigDecimal::add);
                remaining = remaining.subtract(divide(change, entry.cost()));
            }
        }
        return Numbers.normalise(remaining.setScale(10, RoundingMode.HALF_UP));
    }

    /**
     * {@code calculate_change}: positive takes from the balance, negative gives back. Pass 1 takes down to zero and
     * gives back up to zero; pass 2 takes everything from a balance whose usage is allowed and gives back up to the
     * grant. (Unlimited balances never get here: they are the sink.)
     */
    private static BigDecimal change(BigDecimal current, BigDecimal amount, int pass, Entry entry, BigDecimal granted) {
        if (amount.signum() < 0) {
            BigDecimal ceiling = pass == 1 ? BigDecimal.ZERO : granted;
            return amount.negate()
                    .min(ceiling.subtract(current).max(BigDecimal.ZERO))
                    .negate();
        }
        if (pass == 2) {
            return entry.usageAllowed() ? amount : BigDecimal.ZERO;
        }
        return amount.min(current).max(BigDecimal.ZERO);
    }

    static BigDecimal divide(BigDecimal value, BigDecimal by) {
        return Numbers.normalise(value.divide(by, 10, RoundingMode.HALF_UP));
    }
}
