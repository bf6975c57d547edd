package dev.autumncatalog.engine.codegen;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.util.ArrayList;
import java.util.List;

/** A synthetic catalog of any size, with every feature kind and every item kind, for the benchmark. */
final class LargeCatalog {
    private LargeCatalog() {}

    static Catalog of(int featureCount, int productCount) {
        List<Feature> features = new ArrayList<>();
        List<Feature> singleUse = new ArrayList<>();
        List<Feature> continuous = new ArrayList<>();
        List<Feature> flags = new ArrayList<>();
        for (int i = 0; i < featureCount; i++) {
            String id = "feature_" + i;
            String name = "Feature " + i;
            Feature feature;
            if (i % 10 == 0) {
                feature = feature(id).name(name).booleanFlag();
                flags.add(feature);
            } else if (i % 10 == 1) {
                feature = feature(id).name(name).continuousUse();
                continuous.add(feature);
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
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            Product product = product("plan-" + i).name("Plan " + i).group("group" + (i % 7));
            switch (i % 3) {
                case 0:
                    product = product.item(priceItem(10 + i % 90).monthly())
                            .freeTrial(freeTrial(14).days());
                    break;
                case 1:
                    product = product.item(priceItem("99.5").yearly());
                    break;
                default:
                    product = product.addOn().item(priceItem(5).oneOff());
            }
            product = product.item(featureItem(flags.get(i % flags.size())))
                    .item(featureItem(singleUse.get(i % singleUse.size()))
                            .included(1_000L * (i % 50 + 1))
                            .monthly())
                    .item(pricedFeatureItem(singleUse.get((i + 7) % singleUse.size()))
                            .included(10_000)
                            .price("0.01")
                            .payPerUse()
                            .monthly())
                    .item(featureItem(continuous.get(i % continuous.size())).included(5));
            products.add(product);
        }
        return new Catalog(features, products);
    }
}
