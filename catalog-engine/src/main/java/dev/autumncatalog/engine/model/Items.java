package dev.autumncatalog.engine.model;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import java.util.ArrayList;
import java.util.List;

/** Facts about items that the planner, pull and code generation all need. */
public final class Items {
    private Items() {}

    /** The entity feature of a feature item (usage per seat, say), or {@code null}; a fixed price has none. */
    public static Feature entityFeature(Item item) {
        return ItemVisitor.visit(item, new ItemVisitor<Feature>() {
            @Override
            public Feature priceItem(PriceItem item) {
                return null;
            }

            @Override
            public Feature featureItem(FeatureItem item) {
                return item.entityFeature();
            }

            @Override
            public Feature pricedFeatureItem(PricedFeatureItem item) {
                return item.entityFeature();
            }
        });
    }

    /** The features an item uses: its feature, then its entity feature; none for a fixed price. */
    public static List<Feature> features(Item item) {
        List<Feature> used = new ArrayList<>(2);
        if (item.feature() != null) {
            used.add(item.feature());
        }
        Feature entity = entityFeature(item);
        if (entity != null) {
            used.add(entity);
        }
        return used;
    }

    /** The ids of {@link #features(Item)}. */
    public static List<String> featureIds(Item item) {
        List<String> ids = new ArrayList<>(2);
        for (Feature feature : features(item)) {
            ids.add(feature.id());
        }
        return ids;
    }

    /** How many items of {@code product} have {@code featureId} as their feature (not as entity). */
    public static int countOf(Product product, String featureId) {
        int count = 0;
        for (Item item : product.items()) {
            if (item.feature() != null && item.feature().id().equals(featureId)) {
                count++;
            }
        }
        return count;
    }

    /** {@code true} when an item of {@code product} has {@code featureId} as its entity feature. */
    public static boolean usesAsEntity(Product product, String featureId) {
        for (Item item : product.items()) {
            Feature entity = entityFeature(item);
            if (entity != null && entity.id().equals(featureId)) {
                return true;
            }
        }
        return false;
    }
}
