package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.autumn.VersionChoice;
import dev.autumncatalog.engine.model.Items;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An in-memory Autumn for planner and executor tests, with Autumn's rules that matter for a push (CONTRACT §1.5, §1.7,
 * exchanges-2x README): ids are taken once (archived ones included), plans version when the latest version has
 * customers and price, items or trial change, deletes are refused while customers or references exist, and archived
 * entities are listed too.
 *
 * <p>Stricter than Autumn where that catches ordering bugs: items and credit schemas must reference existing features
 * (Autumn auto-creates or skips). Like Autumn, lists come back in another order than written (items reversed, plans
 * newest first), and proration is not returned.
 *
 * <p>Counts requests ({@code fetchCatalog} is two), logs every write, tracks how many calls are in flight, can add
 * latency, and can fail request k, optionally after applying it (a lost answer).
 */
public final class FakeAutumn implements AutumnApi {
    private final Object lock = new Object();
    private final Map<String, FeatureState> features = new LinkedHashMap<>();
    private final Map<String, PlanState> plans = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private int requests;
    private int inFlight;
    private int maxInFlight;
    private long latencyMillis;
    private int failAt = -1;
    private boolean failAfterApplying;
    private AutumnApiException failure;
    private volatile CountDownLatch gate;

    private static final class FeatureState {
        Feature model;
        boolean archived;
        List<String> unsupported = List.of();
        boolean unreadable;
    }

    private static final class PlanState {
        final List<Version> versions = new ArrayList<>();
        boolean archived;
        List<String> unsupported = List.of();
        boolean unreadable;

        Version latest() {
            return versions.get(versions.size() - 1);
        }
    }

    private static final class Version {
        Product product;
        int customers;

        Version(Product product) {
            this.product = product;
        }
    }

    // Setup (no requests counted)

    /** A fake holding {@code catalog}, nothing archived, no customers. */
    public static FakeAutumn holding(Catalog catalog) {
        FakeAutumn fake = new FakeAutumn();
        catalog.features().forEach(f -> fake.seedFeature(f, false));
        catalog.products().forEach(p -> fake.seedPlan(p, false));
        return fake;
    }

    public FakeAutumn seedFeature(Feature feature, boolean archived) {
        synchronized (lock) {
            FeatureState state = new FeatureState();
            state.model = feature;
            state.archived = archived;
            features.put(feature.id(), state);
        }
        return this;
    }

    public FakeAutumn seedPlan(Product product, boolean archived) {
        synchronized (lock) {
            PlanState state = new PlanState();
            state.versions.add(new Version(product));
            state.archived = archived;
            plans.put(product.id(), state);
        }
        return this;
    }

    /** Adds customers to the latest version of a plan. */
    public FakeAutumn addCustomers(String planId, int count) {
        synchronized (lock) {
            plans.get(planId).latest().customers += count;
        }
        return this;
    }

    /** Marks content the DSL cannot express; an update drops it, like a real update would. */
    public FakeAutumn unsupported(String id, String... lines) {
        synchronized (lock) {
            if (plans.containsKey(id)) {
                plans.get(id).unsupported = List.of(lines);
            } else {
                features.get(id).unsupported = List.of(lines);
            }
        }
        return this;
    }

    /** The DSL cannot read this entity at all (model {@code null}) until it is updated. */
    public FakeAutumn unreadable(String id) {
        synchronized (lock) {
            if (plans.containsKey(id)) {
                plans.get(id).unreadable = true;
            } else {
                features.get(id).unreadable = true;
            }
        }
        return this;
    }

    public FakeAutumn latency(long millis) {
        latencyMillis = millis;
        return this;
    }

    /** The next {@code parties} calls wait until all of them are in flight, so they overlap for certain. */
    public FakeAutumn gate(int parties) {
        gate = new CountDownLatch(parties);
        return this;
    }

    /** Request {@code k} (1-based, counted from now on) fails with {@code error}, after applying it when asked. */
    public FakeAutumn failAt(int k, boolean applyFirst, AutumnApiException error) {
        synchronized (lock) {
            failAt = requests + k;
            failAfterApplying = applyFirst;
            failure = error;
        }
        return this;
    }

    // Observations

    public int requests() {
        synchronized (lock) {
            return requests;
        }
    }

    public int maxInFlight() {
        synchronized (lock) {
            return maxInFlight;
        }
    }

    /** Every write, in the order it was applied: {@code createFeature api_calls}, {@code archivePlan legacy true}. */
    public List<String> log() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    public int versions(String planId) {
        synchronized (lock) {
            return plans.get(planId).versions.size();
        }
    }

    /** The stored (latest) product, proration included. */
    public Product stored(String planId) {
        synchronized (lock) {
            return plans.get(planId).latest().product;
        }
    }

    public boolean archived(String id) {
        synchronized (lock) {
            return plans.containsKey(id) ? plans.get(id).archived : features.get(id).archived;
        }
    }

    public boolean has(String id) {
        synchronized (lock) {
            return plans.containsKey(id) || features.containsKey(id);
        }
    }

    /** Ids of features and plans that are not archived. */
    public Set<String> liveFeatureIds() {
        synchronized (lock) {
            Set<String> ids = new HashSet<>();
            features.forEach((id, state) -> {
                if (!state.archived) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    public Set<String> livePlanIds() {
        synchronized (lock) {
            Set<String> ids = new HashSet<>();
            plans.forEach((id, state) -> {
                if (!state.archived) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    // AutumnApi

    @Override
    public RemoteCatalog fetchCatalog() {
        List<RemoteFeature> remoteFeatures = call("features.list", null, false, () -> {
            List<RemoteFeature> result = new ArrayList<>();
            features.forEach((id, state) -> result.add(
                    new RemoteFeature(id, state.unreadable ? null : state.model, state.archived, state.unsupported)));
            return result;
        });
        List<RemotePlan> remotePlans = call("plans.list", null, false, () -> {
            List<RemotePlan> result = new ArrayList<>();
            plans.forEach((id, state) -> result.add(new RemotePlan(
                    id,
                    state.unreadable ? null : asReturned(state.latest().product),
                    state.archived,
                    state.versions.size(),
                    state.unsupported)));
            Collections.reverse(result); // newest first, roughly like Autumn
            return result;
        });
        return new RemoteCatalog(remoteFeatures, remotePlans);
    }

    @Override
    public RemoteFeature createFeature(Feature feature) {
        return call("createFeature", feature.id(), true, () -> {
            if (features.containsKey(feature.id())) {
                throw error(409, "duplicate_feature_id", feature.id(), "Feature " + feature.id() + " already exists");
            }
            checkSchema(feature);
            FeatureState state = new FeatureState();
            state.model = feature;
            features.put(feature.id(), state);
            return new RemoteFeature(feature.id(), feature, false, List.of());
        });
    }

    @Override
    public RemoteFeature updateFeature(Feature feature, boolean archived) {
        return call("updateFeature", feature.id() + " " + archived, true, () -> {
            FeatureState state = feature(feature.id());
            checkSchema(feature);
            state.model = feature;
            state.archived = archived;
            state.unsupported = List.of();
            state.unreadable = false;
            return new RemoteFeature(feature.id(), feature, archived, List.of());
        });
    }

    @Override
    public RemoteFeature archiveFeature(String featureId, boolean archived) {
        return call("archiveFeature", featureId + " " + archived, true, () -> {
            FeatureState state = feature(featureId);
            state.archived = archived;
            return new RemoteFeature(featureId, state.model, archived, state.unsupported);
        });
    }

    @Override
    public void deleteFeature(String featureId) {
        call("deleteFeature", featureId, true, () -> {
            feature(featureId);
            for (FeatureState other : features.values()) {
                for (CreditCost cost : other.model.creditSchema()) {
                    if (cost.feature().id().equals(featureId)) {
                        throw error(
                                409,
                                "invalid_request",
                                featureId,
                                "Feature " + featureId + " is used by credit system " + other.model.id());
                    }
                }
            }
            if (usage(featureId, true) > 0) {
                throw error(
                        409,
                        "invalid_request",
                        featureId,
                        "Feature " + featureId
                                + " is used in a product. You must delete the product first, or archive it instead.");
            }
            features.remove(featureId);
            return null;
        });
    }

    @Override
    public FeatureUsage featureUsage(String featureId) {
        return call("featureUsage", featureId, false, () -> {
            feature(featureId);
            String first = null;
            for (PlanState state : plans.values()) {
                for (Version version : state.versions) {
                    if (first == null && countItems(version.product, featureId) > 0) {
                        first = version.product.name();
                    }
                }
            }
            return new FeatureUsage(first, usage(featureId, false));
        });
    }

    @Override
    public RemotePlan createPlan(Product product) {
        return call("createPlan", product.id(), true, () -> {
            if (plans.containsKey(product.id())) {
                throw error(400, "product_already_exists", product.id(), "Product " + product.id() + " already exists");
            }
            checkItems(product);
            checkDefault(product, false);
            PlanState state = new PlanState();
            state.versions.add(new Version(product));
            plans.put(product.id(), state);
            return new RemotePlan(product.id(), asReturned(product), false, 1, List.of());
        });
    }

    @Override
    public RemotePlan updatePlan(Product product, boolean archived, VersionChoice versionChoice) {
        return call("updatePlan", product.id() + " " + archived + " " + versionChoice, true, () -> {
            PlanState state = plan(product.id());
            checkItems(product);
            checkDefault(product, archived);
            if (willVersion(state, product) && versionChoice == VersionChoice.CREATE_VERSION) {
                state.versions.add(new Version(product));
            } else {
                state.latest().product = product;
            }
            state.archived = archived;
            state.unsupported = List.of();
            state.unreadable = false;
            return new RemotePlan(product.id(), asReturned(product), archived, state.versions.size(), List.of());
        });
    }

    @Override
    public RemotePlan archivePlan(String planId, boolean archived) {
        return call("archivePlan", planId + " " + archived, true, () -> {
            PlanState state = plan(planId);
            checkDefault(state.latest().product, archived);
            state.archived = archived;
            return new RemotePlan(
                    planId, asReturned(state.latest().product), archived, state.versions.size(), state.unsupported);
        });
    }

    @Override
    public void deletePlan(String planId) {
        call("deletePlan", planId, true, () -> {
            PlanState state = plan(planId);
            int customers = state.versions.stream().mapToInt(v -> v.customers).sum();
            if (customers > 0) {
                throw error(
                        400,
                        "invalid_request",
                        planId,
                        "Product " + planId + " has " + customers
                                + " customers (expired or active) on it and therefore cannot be deleted");
            }
            plans.remove(planId);
            return null;
        });
    }

    @Override
    public PlanCustomers planCustomers(Product product) {
        return call("planCustomers", product.id(), false, () -> {
            PlanState state = plan(product.id());
            checkItems(product); // like Autumn: a plan with unknown features cannot be assessed
            return new PlanCustomers(state.versions.size(), willVersion(state, product), state.archived);
        });
    }

    @Override
    public boolean planHasCustomers(String planId) {
        return call(
                "planHasCustomers",
                planId,
                false,
                () -> plan(planId).versions.stream().anyMatch(v -> v.customers > 0));
    }

    @Override
    public void close() {}

    // Rules

    private <T> T call(String operation, String argument, boolean write, Supplier<T> action) {
        int number;
        synchronized (lock) {
            number = ++requests;
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
        }
        try {
            CountDownLatch waiting = gate;
            if (waiting != null) {
                waiting.countDown();
                await(waiting);
            }
            synchronized (lock) {
                if (number == failAt && !failAfterApplying) {
                    throw failure; // refused at once, while the others are still in flight
                }
            }
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw error(0, null, argument, "interrupted");
                }
            }
            synchronized (lock) {
                T result = action.get();
                if (write) {
                    log.add(operation + " " + argument);
                }
                if (number == failAt) {
                    throw failure; // applied, but the answer is lost
                }
                return result;
            }
        } finally {
            synchronized (lock) {
                inFlight--;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gated calls never all arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private FeatureState feature(String id) {
        FeatureState state = features.get(id);
        if (state == null) {
            throw error(404, "feature_not_found", id, "Feature " + id + " not found");
        }
        return state;
    }

    private PlanState plan(String id) {
        PlanState state = plans.get(id);
        if (state == null) {
            throw error(404, "product_not_found", id, "Product " + id + " not found");
        }
        return state;
    }

    private void checkSchema(Feature feature) {
        if (feature instanceof CreditSystem) {
            for (CreditCost cost : feature.creditSchema()) {
                FeatureState target = features.get(cost.feature().id());
                if (target == null || target.model.type() != FeatureType.SINGLE_USE) {
                    throw error(
                            400,
                            "invalid_feature",
                            feature.id(),
                            "credit schema references " + cost.feature().id()
                                    + ", which is not a single-use feature here");
                }
            }
        }
    }

    private void checkItems(Product product) {
        for (Item item : product.items()) {
            for (String id : Items.featureIds(item)) {
                if (!features.containsKey(id)) {
                    throw error(404, "feature_not_found", product.id(), "Feature " + id + " not found");
                }
            }
        }
    }

    /**
     * Autumn's validateDefaultFlag (as the sandbox reads it): a group has at most one free default and one default
     * trial among the latest versions of plans that are not archived.
     */
    private void checkDefault(Product product, boolean archived) {
        if (!product.isDefault() || archived) {
            return;
        }
        for (Map.Entry<String, PlanState> entry : plans.entrySet()) {
            Product other = entry.getValue().latest().product;
            if (entry.getKey().equals(product.id())
                    || entry.getValue().archived
                    || !other.isDefault()
                    || !Objects.equals(other.group(), product.group())) {
                continue;
            }
            if (product.isFree() && other.isFree()) {
                throw error(
                        400,
                        "invalid_request",
                        product.id(),
                        "You have another default product (" + other.id()
                                + "). Please remove default from that product first.");
            }
            if (!product.isFree() && !other.isFree() && other.freeTrial() != null) {
                throw error(
                        400,
                        "invalid_request",
                        product.id(),
                        "You have another default trial product in this" + " group (" + other.id()
                                + "). Please remove default from that product first.");
            }
        }
    }

    /** Items (and entity references when asked) of every version of every plan. */
    private int usage(String featureId, boolean withEntities) {
        int count = 0;
        for (PlanState state : plans.values()) {
            for (Version version : state.versions) {
                count += countItems(version.product, featureId);
                if (withEntities && Items.usesAsEntity(version.product, featureId)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int countItems(Product product, String featureId) {
        return Items.countOf(product, featureId);
    }

    /** Autumn versions when the latest version has customers and price, items or trial differ (§1.5). */
    private static boolean willVersion(PlanState state, Product product) {
        Version latest = state.latest();
        if (latest.customers == 0) {
            return false;
        }
        return !Objects.equals(latest.product.freeTrial(), product.freeTrial())
                || !multiset(canonical(latest.product)).equals(multiset(canonical(product)));
    }

    /** Items as Autumn compares them: by content, features by id, proration ignored (it is not stored back). */
    private static List<String> canonical(Product product) {
        List<String> result = new ArrayList<>();
        for (Item item : product.items()) {
            if (item instanceof PriceItem) {
                result.add(item.toString());
            } else if (item instanceof FeatureItem) {
                FeatureItem f = (FeatureItem) item;
                result.add("feature " + f.feature().id() + " " + f.included() + " " + f.isUnlimited() + " " + f.reset()
                        + " "
                        + (f.entityFeature() == null ? null : f.entityFeature().id()));
            } else {
                PricedFeatureItem p = (PricedFeatureItem) item;
                result.add("priced " + p.feature().id() + " " + p.included() + " " + p.price() + " "
                        + p.billingUnits() + " " + p.billingMethod() + " " + p.billing() + " " + p.effectiveReset()
                        + " " + p.maxPurchase() + " " + p.rollover() + " "
                        + (p.entityFeature() == null ? null : p.entityFeature().id()));
            }
        }
        return result;
    }

    /** What Autumn returns: items in another order, proration dropped. */
    private static Product asReturned(Product product) {
        List<Item> items = new ArrayList<>();
        for (Item item : product.items()) {
            if (item instanceof PricedFeatureItem && ((PricedFeatureItem) item).proration() != null) {
                PricedFeatureItem p = (PricedFeatureItem) item;
                item = new PricedFeatureItem(
                        p.feature(),
                        p.included(),
                        p.price(),
                        p.billingUnits(),
                        p.billingMethod(),
                        p.billing(),
                        p.reset(),
                        p.maxPurchase(),
                        p.rollover(),
                        null,
                        p.entityFeature());
            }
            items.add(item);
        }
        Collections.reverse(items);
        return new Product(
                product.id(),
                product.name(),
                product.description(),
                product.group(),
                product.isAddOn(),
                product.isDefault(),
                product.freeTrial(),
                items);
    }

    private static Map<String, Integer> multiset(List<String> values) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        values.forEach(value -> counts.merge(value, 1, Integer::sum));
        return counts;
    }

    private static AutumnApiException error(int status, String code, String id, String message) {
        return new AutumnApiException("POST", "/fake", id, status, code, message, null);
    }
}
