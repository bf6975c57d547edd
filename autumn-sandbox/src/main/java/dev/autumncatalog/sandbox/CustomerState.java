package dev.autumncatalog.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers the sandbox holds, their subscriptions and locks, and what the catalog rules ask about them (customers
 * per plan version, "has a customer used this feature"). Attaching a plan version turns each item into a balance, as
 * Autumn does when it creates a customer product. Not thread-safe: used under the sandbox's state lock.
 */
final class CustomerState implements PlanHandlers.CustomerCounts {
    final Map<String, Ledger.Customer> customers = new LinkedHashMap<>();
    final Map<String, Ledger.Lock> locks = new LinkedHashMap<>();
    private final CatalogState catalog;

    CustomerState(CatalogState catalog) {
        this.catalog = catalog;
    }

    void restore(List<Ledger.Customer> customers, List<Ledger.Lock> locks) {
        this.customers.clear();
        this.locks.clear();
        customers.forEach(c -> this.customers.put(c.id, c));
        locks.forEach(l -> this.locks.put(l.lockId, l));
    }

    void clear() {
        customers.clear();
        locks.clear();
    }

    // ---------------------------------------------------------------- lookups that answer 404

    /** The customer, with due resets applied (every read sees them, as on the real server). */
    Ledger.Customer customer(String customerId) {
        Ledger.Customer customer = customers.get(customerId);
        if (customer == null) {
            throw new ApiError(404, "customer_not_found", "Customer " + customerId + " not found");
        }
        if (Resets.apply(customer, catalog.now())) {
            catalog.changed();
        }
        return customer;
    }

    static Ledger.Entity entity(Ledger.Customer customer, String entityId) {
        Ledger.Entity entity = customer == null ? null : customer.entity(entityId);
        if (entity == null) {
            throw new ApiError(404, "entity_not_found", "Entity " + entityId + " not found");
        }
        return entity;
    }

    // ---------------------------------------------------------------- creating customers and attaching plans

    /**
     * A new customer on {@code plan} if given, else on every auto-enable plan (latest version, not archived); what
     * {@code customers.get_or_create} does for an id it does not know.
     */
    Ledger.Customer create(String customerId, String name, String email, Model.PlanVersion plan) {
        Ledger.Customer customer = new Ledger.Customer();
        customer.id = customerId;
        customer.name = name;
        customer.email = email;
        customer.createdAt = catalog.now();
        customer.seq = catalog.nextSeq();
        customer.metadata = Json.object();
        customers.put(customerId, customer);
        for (Model.PlanVersion version : plan != null ? List.of(plan) : defaultPlans()) {
            attach(customer, version);
        }
        catalog.changed();
        return customer;
    }

    /** The plans a new customer gets: latest versions that are auto-enable and not archived. */
    List<Model.PlanVersion> defaultPlans() {
        List<Model.PlanVersion> defaults = new ArrayList<>();
        for (List<Model.PlanVersion> versions : catalog.plans.values()) {
            Model.PlanVersion latest = CatalogState.latest(versions);
            if (latest.autoEnable && !latest.archived) {
                defaults.add(latest);
            }
        }
        return defaults;
    }

    /** Subscribes the customer to one plan version: one balance per item, resets counted from now. */
    Ledger.Subscription attach(Ledger.Customer customer, Model.PlanVersion plan) {
        long now = catalog.now();
        Ledger.Subscription subscription = new Ledger.Subscription();
        subscription.id = catalog.newId("cus_prod_");
        subscription.planId = plan.id;
        subscription.version = plan.version;
        subscription.addOn = plan.addOn;
        subscription.autoEnable = plan.autoEnable;
        subscription.group = plan.group;
        subscription.startedAt = now;
        for (Model.Item item : plan.items) {
            Model.Feature feature = catalog.features.get(item.featureId());
            if (feature != null) {
                subscription.balances.add(balance(item, feature, plan, now));
            }
        }
        customer.subscriptions.add(subscription);
        catalog.changed();
        return subscription;
    }

    private Ledger.Balance balance(Model.Item item, Model.Feature feature, Model.PlanVersion plan, long now) {
        Ledger.Balance balance = new Ledger.Balance();
        balance.id = catalog.newId("cus_ent_");
        balance.featureId = feature.id;
        balance.planId = plan.id;
        balance.addOn = plan.addOn;
        balance.createdAt = now;
        if (feature.isBoolean()) {
            return balance;
        }
        balance.unlimited = Boolean.TRUE.equals(item.unlimited());
        balance.granted = balance.unlimited ? BigDecimal.ZERO : item.included();
        balance.balance = balance.granted;
        balance.usageAllowed = item.price() != null && !item.price().prepaid();
        if (item.reset() != null) {
            balance.interval = item.reset().interval();
            balance.intervalCount = item.reset().intervalCount();
            if (balance.periodic()) {
                balance.nextResetAt = Resets.add(now, balance.interval, balance.intervalCount);
            }
        }
        return balance;
    }

    /** A test-control customer on a chosen version ({@code AutumnSandbox.addCustomer}). */
    void addTestCustomers(String planId, Integer version, int count, String name) {
        List<Model.PlanVersion> versions = catalog.plans.get(planId);
        if (versions == null) {
            throw new IllegalArgumentException(
                    "the sandbox has no plan '" + planId + "'; plans: " + catalog.plans.keySet());
        }
        Model.PlanVersion target = CatalogState.latest(versions);
        if (version != null) {
            target = versions.stream()
                    .filter(v -> v.version == version)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("plan '" + planId + "' has no version " + version
                            + "; latest is " + CatalogState.latest(versions).version));
        }
        for (int i = 0; i < count; i++) {
            int number = customers.size() + 1;
            String id = "sandbox_customer_" + number;
            while (customers.containsKey(id)) {
                id = id + "_";
            }
            create(id, name != null ? name : "Sandbox Customer " + number, null, target);
        }
    }

    /**
     * Puts customer {@code customerId} on the latest version of {@code planId} as if it had paid: a new customer gets
     * that plan alone; an existing one gains it (a main plan replaces the main plan of its group, an add-on stacks), as
     * a paid {@code billing.attach} would once checkout completes.
     */
    void subscribe(String customerId, String planId) {
        List<Model.PlanVersion> versions = catalog.plans.get(planId);
        if (versions == null) {
            throw new IllegalArgumentException(
                    "the sandbox has no plan '" + planId + "'; plans: " + catalog.plans.keySet());
        }
        Model.PlanVersion plan = CatalogState.latest(versions);
        Ledger.Customer customer = customers.get(customerId);
        if (customer == null) {
            create(customerId, null, null, plan);
            return;
        }
        if (customer.subscriptions.stream().anyMatch(s -> s.planId.equals(plan.id))) {
            throw new IllegalArgumentException(
                    "customer '" + customerId + "' already has plan '" + planId + "' (Autumn refuses it again too)");
        }
        if (!plan.addOn) {
            customer.subscriptions.removeIf(s -> !s.addOn && java.util.Objects.equals(s.group, plan.group));
        }
        attach(customer, plan);
        catalog.changed();
    }

    // ---------------------------------------------------------------- what the catalog rules ask

    @Override
    public int on(Model.PlanVersion version) {
        int count = 0;
        for (Ledger.Customer customer : customers.values()) {
            for (Ledger.Subscription s : customer.subscriptions) {
                if (s.planId.equals(version.id) && s.version == version.version) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public String newestName(String planId) {
        return customers.values().stream()
                .filter(c -> c.subscriptions.stream().anyMatch(s -> s.planId.equals(planId)))
                .max(Comparator.comparingLong(c -> c.seq))
                .map(c -> c.name != null && !c.name.isEmpty() ? c.name : c.email != null ? c.email : c.id)
                .orElse(null);
    }

    int customerCount(String planId) {
        return catalog.plans.getOrDefault(planId, List.of()).stream()
                .mapToInt(this::on)
                .sum();
    }

    /** Whether any customer holds, or held through a plan, a balance of the feature. */
    boolean featureUsed(String featureId) {
        return customers.values().stream()
                .flatMap(c -> c.allBalances().stream())
                .anyMatch(b -> featureId.equals(b.featureId));
    }
}
