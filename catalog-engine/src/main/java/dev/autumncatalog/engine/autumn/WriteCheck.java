package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Write verification: after a write failed ambiguously (a 5xx, no answer, a garbled 2xx: it may have applied), what
 * does Autumn hold now? Each check re-reads the entity within the write's own deadline and says: applied (here is the
 * result), not applied (repeat the write), or something else is there (a create must not overwrite it).
 *
 * <ul>
 *   <li>Create: applied when the entity is there as sent and not archived; nothing there means not applied.
 *   <li>Update and archive: applied when the entity is in the state written (full-state writes; a plan update may have
 *       created a version, so it is never repeated blindly).
 *   <li>Delete: applied when the re-read answers 404.
 * </ul>
 */
final class WriteCheck {
    private final Retrier retrier;

    WriteCheck(Retrier retrier) {
        this.retrier = retrier;
    }

    /** What a write does, for what a retry may find. */
    enum Kind {
        CREATE,
        UPDATE,
        DELETE
    }

    /**
     * What a re-read shows.
     *
     * @param applied the write took effect; {@code value} is the result
     * @param different what Autumn holds instead, when it is neither nothing nor the write's result
     */
    record Check<T>(boolean applied, T value, String different) {
        static <T> Check<T> applied(T value) {
            return new Check<>(true, value, null);
        }

        static <T> Check<T> notApplied() {
            return new Check<>(false, null, null);
        }

        static <T> Check<T> different(String what) {
            return new Check<>(false, null, what);
        }
    }

    /** A re-read within a call's budget. */
    @FunctionalInterface
    interface Verification<T> {
        Check<T> check(CallBudget budget);
    }

    /** After a feature create: is {@code feature} there, as sent? */
    Verification<RemoteFeature> featureCreated(Feature feature, Function<JsonNode, RemoteFeature> mapper) {
        return budget -> {
            JsonNode now = retrier.readOrNull(getFeature(feature.id()), budget);
            if (now == null) {
                return Check.notApplied();
            }
            RemoteFeature remote = mapper.apply(now);
            if (feature.equals(remote.model()) && !remote.archived()) {
                return Check.applied(remote);
            }
            return Check.different(describe(remote));
        };
    }

    /** After a plan create: is {@code product} there, as sent? */
    Verification<RemotePlan> planCreated(Product product, Function<JsonNode, RemotePlan> mapper) {
        return budget -> {
            JsonNode now = retrier.readOrNull(getPlan(product.id()), budget);
            if (now == null) {
                return Check.notApplied();
            }
            RemotePlan remote = mapper.apply(now);
            if (equivalent(product, remote.model()) && !remote.archived()) {
                return Check.applied(remote);
            }
            return Check.different(describe(remote));
        };
    }

    /** After a feature update: is the feature in the state written? */
    Verification<RemoteFeature> featureState(
            String featureId, Function<JsonNode, RemoteFeature> mapper, Predicate<RemoteFeature> applied) {
        return budget -> {
            JsonNode now = retrier.readOrNull(getFeature(featureId), budget);
            if (now == null) {
                return Check.notApplied();
            }
            RemoteFeature remote = mapper.apply(now);
            return applied.test(remote) ? Check.applied(remote) : Check.notApplied();
        };
    }

    /** After a plan update: is the plan in the state written? */
    Verification<RemotePlan> planState(
            String planId, Function<JsonNode, RemotePlan> mapper, Predicate<RemotePlan> applied) {
        return budget -> {
            JsonNode now = retrier.readOrNull(getPlan(planId), budget);
            if (now == null) {
                return Check.notApplied();
            }
            RemotePlan remote = mapper.apply(now);
            return applied.test(remote) ? Check.applied(remote) : Check.notApplied();
        };
    }

    /** After a feature delete: is it gone? */
    Verification<Boolean> featureGone(String featureId) {
        return budget -> retrier.readOrNull(getFeature(featureId), budget) == null
                ? Check.applied(Boolean.TRUE)
                : Check.notApplied();
    }

    /** After a plan delete: is it gone? */
    Verification<Boolean> planGone(String planId) {
        return budget ->
                retrier.readOrNull(getPlan(planId), budget) == null ? Check.applied(Boolean.TRUE) : Check.notApplied();
    }

    private static Op getFeature(String featureId) {
        return Op.post("features.get", featureId, WireWriter.featureIdBody(featureId));
    }

    private static Op getPlan(String planId) {
        return Op.post("plans.get", planId, WireWriter.planIdBody(planId));
    }

    /**
     * Whether {@code remote} is what pushing {@code local} stores: compared after the round trip through the wire
     * format (which makes it canonical), without proration (Autumn does not return it), items as a multiset.
     */
    static boolean equivalent(Product local, Product remote) {
        if (remote == null) {
            return false;
        }
        Product expected = withoutProration(local);
        Product actual = withoutProration(remote);
        if (expected == null || actual == null) {
            return false;
        }
        return expected.id().equals(actual.id())
                && expected.name().equals(actual.name())
                && Objects.equals(expected.description(), actual.description())
                && Objects.equals(expected.group(), actual.group())
                && expected.isAddOn() == actual.isAddOn()
                && expected.isDefault() == actual.isDefault()
                && Objects.equals(expected.freeTrial(), actual.freeTrial())
                && counts(expected.items()).equals(counts(actual.items()));
    }

    /**
     * The product as the wire carries it back (canonical), without proration: written and read again, so that no
     * field of an item is restated here.
     */
    private static Product withoutProration(Product product) {
        ObjectNode body = WireWriter.planCreateBody(product);
        for (JsonNode item : body.path("items")) {
            ((ObjectNode) item).remove("proration");
        }
        return WireReader.plan(body, WireReader.featureLookup(referencedFeatures(product)))
                .model();
    }

    /** Every feature a product's items name (their features and entity features), in item order. */
    static List<Feature> referencedFeatures(Product product) {
        List<Feature> features = new ArrayList<>();
        for (Item item : product.items()) {
            Feature entity = null;
            if (item instanceof FeatureItem) {
                entity = ((FeatureItem) item).entityFeature();
            } else if (item instanceof PricedFeatureItem) {
                entity = ((PricedFeatureItem) item).entityFeature();
            }
            if (item.feature() != null) {
                features.add(item.feature());
            }
            if (entity != null) {
                features.add(entity);
            }
        }
        return features;
    }

    private static Map<Item, Integer> counts(List<Item> items) {
        Map<Item, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }

    private static String describe(RemoteFeature remote) {
        return remote.model() == null
                ? "unsupported " + remote.unsupported()
                : remote.model().toString();
    }

    private static String describe(RemotePlan remote) {
        String text = remote.model() == null
                ? "unsupported " + remote.unsupported()
                : remote.model().toString();
        return text.length() <= 400 ? text : text.substring(0, 397) + "...";
    }
}
