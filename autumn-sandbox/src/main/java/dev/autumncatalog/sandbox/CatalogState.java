package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The catalog the sandbox holds: features and plan versions, the sequence that orders lists, generated ids, and the
 * questions Autumn's rules ask across the whole catalog ("is this feature used by a plan? by a credit system?"). Not
 * thread-safe: requests are applied one at a time under the sandbox's state lock.
 */
final class CatalogState {
    final Map<String, Model.Feature> features = new LinkedHashMap<>();
    final Map<String, List<Model.PlanVersion>> plans = new LinkedHashMap<>();
    final LongSupplier clock;
    private final Supplier<String> ids;
    private long seq;
    private boolean dirty;

    CatalogState(LongSupplier clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    // ---------------------------------------------------------------- bookkeeping

    long nextSeq() {
        return ++seq;
    }

    long seq() {
        return seq;
    }

    void changed() {
        dirty = true;
    }

    /** Whether anything changed since the last call. */
    boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    long now() {
        return clock.getAsLong();
    }

    String newId(String prefix) {
        return prefix + ids.get();
    }

    void restore(long seq, List<Model.Feature> features, List<Model.PlanVersion> versions) {
        this.features.clear();
        this.plans.clear();
        this.seq = seq;
        for (Model.Feature feature : features) {
            this.features.put(feature.id, feature);
        }
        for (Model.PlanVersion version : versions) {
            plans.computeIfAbsent(version.id, id -> new ArrayList<>()).add(version);
        }
        for (List<Model.PlanVersion> list : plans.values()) {
            list.sort(Comparator.comparingInt(v -> v.version));
        }
    }

    List<Model.PlanVersion> allVersions() {
        List<Model.PlanVersion> all = new ArrayList<>();
        plans.values().forEach(all::addAll);
        return all;
    }

    void clear() {
        features.clear();
        plans.clear();
        dirty = true;
    }

    // ---------------------------------------------------------------- lookups that answer 404

    Model.Feature feature(String featureId) {
        Model.Feature feature = featureId == null ? null : features.get(featureId);
        if (feature == null) {
            throw ApiError.featureNotFound(featureId);
        }
        return feature;
    }

    List<Model.PlanVersion> versions(String planId) {
        List<Model.PlanVersion> versions = planId == null ? null : plans.get(planId);
        if (versions == null) {
            throw ApiError.productNotFound(planId);
        }
        return versions;
    }

    Model.PlanVersion version(String planId, int number) {
        for (Model.PlanVersion version : versions(planId)) {
            if (version.version == number) {
                return version;
            }
        }
        throw new ApiError(404, "product_not_found", "Product " + planId + " (version " + number + ") not found");
    }

    static Model.PlanVersion latest(List<Model.PlanVersion> versions) {
        return versions.get(versions.size() - 1);
    }

    // ---------------------------------------------------------------- questions about the whole catalog

    /** Items of every version of every plan that match. */
    int countItems(Predicate<Model.Item> matches) {
        int count = 0;
        for (Model.PlanVersion version : allVersions()) {
            for (Model.Item item : version.items) {
                if (matches.test(item)) {
                    count++;
                }
            }
        }
        return count;
    }

    int itemCount(String featureId) {
        return countItems(item -> featureId.equals(item.featureId()));
    }

    boolean hasUsagePrice(String featureId) {
        return countItems(item -> featureId.equals(item.featureId()) && item.price() != null) > 0;
    }

    /** The feature whose items use {@code featureId} as their entity, or {@code null}. */
    Model.Feature entityUser(String featureId) {
        for (Model.PlanVersion version : allVersions()) {
            for (Model.Item item : version.items) {
                if (featureId.equals(item.entityFeatureId())) {
                    return features.get(item.featureId());
                }
            }
        }
        return null;
    }

    /** The credit system whose schema names {@code featureId}, or {@code null}. */
    Model.Feature creditSystemUsing(String featureId) {
        for (Model.Feature other : features.values()) {
            if (other.creditSchema != null
                    && other.creditSchema.stream().anyMatch(e -> featureId.equals(e.meteredFeatureId()))) {
                return other;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- answers

    ObjectNode render(Model.Feature feature) {
        return Wire.feature(feature);
    }

    ObjectNode render(Model.PlanVersion plan) {
        return Wire.plan(plan, features::get);
    }

    static ObjectNode success() {
        return Json.object().put("success", true);
    }
}
