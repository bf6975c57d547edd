package dev.autumncatalog.bench;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogPart;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.PricedFeatureStep;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic, valid synthetic catalogs for the benchmarks, built through the DSL as a user would write them.
 *
 * <p>Features: every 10th a boolean flag, every 10th (offset 1) continuous-use, one in 25 (offset 2) a credit system
 * drawing from the two single-use features before it, the rest single-use. Products: ten items each, one fixed price
 * (monthly with a 14-day trial, yearly, or a one-off add-on, in turn) and nine features spread over the catalog, as a
 * plain grant, a pay-per-use price, graduated tiers or a prepaid price depending on the feature's kind. Seven groups, no
 * defaults. Same arguments, same catalog.
 */
public final class SyntheticCatalog {
    /** Items per product: one fixed price and {@link #FEATURES_PER_PRODUCT} features. */
    public static final int ITEMS_PER_PRODUCT = 10;

    static final int FEATURES_PER_PRODUCT = ITEMS_PER_PRODUCT - 1;

    private SyntheticCatalog() {}

    /**
     * A valid catalog of {@code featureCount} features and {@code productCount} products of ten items.
     *
     * @throws IllegalArgumentException when there are too few features for ten distinct items per product
     */
    public static Catalog of(int featureCount, int productCount) {
        return build(featureCount, productCount, false);
    }

    private static Catalog build(int featureCount, int productCount, boolean changed) {
        if (featureCount < 12) {
            throw new IllegalArgumentException("at least 12 features are needed, was " + featureCount);
        }
        List<Feature> features = features(featureCount, changed);
        // Nine distinct features per product: start at the product's index, step by a stride that is not a multiple
        // of 5, so consecutive items land on different kinds (kinds repeat every 10 and 25 ids).
        int stride = (featureCount - 1) / FEATURES_PER_PRODUCT;
        while (stride > 1 && stride % 5 == 0) {
            stride--;
        }
        List<CatalogPart> parts = new ArrayList<>(features);
        for (int j = 0; j < productCount; j++) {
            parts.add(syntheticProduct(j, features, stride, changed));
        }
        // Autumn.catalog(...) is what a catalog class calls: it is part of what the DSL benchmark measures.
        return catalog(parts.toArray(new CatalogPart[0]));
    }

    private static List<Feature> features(int count, boolean changed) {
        List<Feature> features = new ArrayList<>();
        List<Feature> singleUse = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "feature_" + i;
            String name = "Feature " + i + (changed && renamedFeature(i) ? " v2" : "");
            Feature feature;
            if (i % 10 == 0) {
                feature = feature(id).name(name).booleanFlag();
            } else if (i % 10 == 1) {
                feature = feature(id).name(name).continuousUse();
            } else if (i % 25 == 2 && singleUse.size() >= 2) {
                feature = feature(id)
                        .name(name)
                        .creditSystem(
                                cost(singleUse.get(singleUse.size() - 1), 1),
                                cost(singleUse.get(singleUse.size() - 2), "0.01"));
            } else {
                feature = feature(id).name(name).singleUse();
                singleUse.add(feature);
            }
            features.add(feature);
        }
        return features;
    }

    private static Product syntheticProduct(int j, List<Feature> features, int stride, boolean changed) {
        String name = "Plan " + j + (changed && renamedProduct(j) ? " (renamed)" : "");
        int extra = changed && repricedProduct(j) ? 1 : 0;
        Product product = product("plan_" + j).name(name).group("group" + (j % 7));
        Billing billing = Billing.values()[j % 3];
        switch (billing) {
            case MONTHLY:
                product = product.item(priceItem(10 + j % 90 + extra).monthly())
                        .freeTrial(freeTrial(14).days());
                break;
            case YEARLY:
                product = product.item(priceItem(new BigDecimal("99.5").add(BigDecimal.valueOf(extra)))
                        .yearly());
                break;
            default:
                product = product.addOn().item(priceItem(5 + extra).oneOff());
        }
        for (int k = 0; k < FEATURES_PER_PRODUCT; k++) {
            Feature feature = features.get((j + k * stride) % features.size());
            product = product.item(item(feature, j, k, billing));
        }
        return product;
    }

    private enum Billing {
        MONTHLY,
        YEARLY,
        ONE_OFF
    }

    private static Item item(Feature feature, int j, int k, Billing billing) {
        FeatureType type = feature.type();
        if (type == FeatureType.BOOLEAN) {
            return featureItem(feature);
        }
        if (type == FeatureType.CONTINUOUS_USE) {
            if (billing == Billing.ONE_OFF || k % 2 == 0) {
                return featureItem(feature).included(1 + j % 10);
            }
            return bill(pricedFeatureItem(feature).included(1).price(8).prepaid(), billing);
        }
        if (type == FeatureType.CREDIT_SYSTEM) {
            return featureItem(feature).included(100L * (j % 20 + 1)).monthly();
        }
        switch ((j + k) % 3) {
            case 0:
                return featureItem(feature).included(1_000L * (j % 50 + 1)).monthly();
            case 1:
                PricedFeatureStep.Priced perUnit =
                        pricedFeatureItem(feature).included(10_000).price("0.01");
                return billing == Billing.ONE_OFF ? perUnit.prepaid().oneOff() : bill(perUnit.payPerUse(), billing);
            default:
                PricedFeatureStep.Priced tiered = pricedFeatureItem(feature)
                        .included(1_000)
                        .tiers(tier(50_000, "0.02"), lastTier("0.01"))
                        .per(100);
                return billing == Billing.ONE_OFF ? tiered.prepaid().oneOff() : bill(tiered.payPerUse(), billing);
        }
    }

    private static PricedFeatureItem bill(PricedFeatureStep.Billing step, Billing billing) {
        return billing == Billing.MONTHLY ? step.monthly() : step.yearly();
    }

    /**
     * {@link #of} with about 10 % of it changed: every 10th feature renamed (offset 5), every 20th product renamed
     * (offset 3) and every 20th product with another fixed price (offset 13), so that half of the changed products need
     * Autumn's versioning answer and half do not. Built anew, so items and credit systems hold the renamed features.
     */
    public static Catalog changed(int featureCount, int productCount) {
        return build(featureCount, productCount, true);
    }

    /** How many changes {@link #changed} makes: features renamed, products renamed, products repriced. */
    public static Changes changes(int featureCount, int productCount) {
        int features = 0;
        for (int i = 0; i < featureCount; i++) {
            if (renamedFeature(i)) {
                features++;
            }
        }
        int renamed = 0;
        int repriced = 0;
        for (int j = 0; j < productCount; j++) {
            if (renamedProduct(j)) {
                renamed++;
            } else if (repricedProduct(j)) {
                repriced++;
            }
        }
        return new Changes(features, renamed, repriced);
    }

    /** The changes of {@link #changed}. */
    public record Changes(int featuresRenamed, int productsRenamed, int productsRepriced) {
        /** Every changed entity. */
        public int total() {
            return featuresRenamed + productsRenamed + productsRepriced;
        }
    }

    private static boolean renamedFeature(int i) {
        return i % 10 == 5;
    }

    private static boolean renamedProduct(int j) {
        return j % 20 == 3;
    }

    private static boolean repricedProduct(int j) {
        return j % 20 == 13;
    }

    /** Autumn holding exactly {@code catalog}: nothing archived, version 1, nothing the DSL cannot express. */
    public static RemoteCatalog remote(Catalog catalog) {
        List<RemoteFeature> features = new ArrayList<>();
        for (Feature feature : catalog.features()) {
            features.add(new RemoteFeature(feature.id(), feature, false, List.of()));
        }
        List<RemotePlan> plans = new ArrayList<>();
        for (Product product : catalog.products()) {
            plans.add(new RemotePlan(product.id(), product, false, 1, List.of()));
        }
        return new RemoteCatalog(features, plans);
    }

    /** {@code catalog}, after checking that it is valid. */
    public static Catalog requireValid(Catalog catalog) {
        List<Problem> problems = catalog.validate();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the synthetic catalog is invalid: " + problems);
        }
        return catalog;
    }
}
