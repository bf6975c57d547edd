package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.CatalogValidator;
import dev.autumncatalog.dsl.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole catalog: its features and products. Build it with {@link Autumn#catalog(CatalogPart...)}, which also takes
 * in every feature that a product or credit system references, so a feature cannot be forgotten.
 *
 * <pre>{@code
 * Catalog catalog = catalog(FREE, PRO, TOP_UP);          // features come from the products
 * Catalog all = catalog(Plans.CATALOG, AddOns.CATALOG);  // catalogs of several classes, combined
 * List<Problem> problems = catalog.validate();           // every problem, with its path
 * }</pre>
 *
 * @param features every feature, each id once in a valid catalog
 * @param products every product, each id once in a valid catalog
 */
public record Catalog(List<Feature> features, List<Product> products) implements CatalogPart {

    /** Copies both lists. */
    public Catalog {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        products = List.copyOf(Objects.requireNonNull(products, "products"));
    }

    /**
     * A catalog of these parts, in order, with every feature they reference. Equal parts given twice are kept once;
     * different parts with one id are kept both, for {@link #validate()} to report. A feature given as a part wins over
     * the same feature as items reference it without its archived flag or event names (which items do not carry), in
     * the place the first of them took: {@code catalog(API_CALLS.archived(), PRO)} holds one {@code api_calls}.
     */
    public static Catalog of(CatalogPart... parts) {
        List<Feature> features = new ArrayList<>();
        List<Boolean> given = new ArrayList<>();
        Set<Product> products = new LinkedHashSet<>();
        for (CatalogPart part : Objects.requireNonNull(parts, "parts")) {
            add(Objects.requireNonNull(part, "catalog part"), features, given, products);
        }
        return new Catalog(features, new ArrayList<>(products));
    }

    private static void add(CatalogPart part, List<Feature> features, List<Boolean> given, Set<Product> products) {
        if (part instanceof Feature) {
            addFeature((Feature) part, true, features, given);
        } else if (part instanceof Product) {
            Product product = (Product) part;
            for (Item item : product.items()) {
                referenced(item).forEach(feature -> addFeature(feature, false, features, given));
            }
            products.add(product);
        } else {
            Catalog catalog = (Catalog) part;
            catalog.features().forEach(feature -> addFeature(feature, true, features, given));
            products.addAll(catalog.products());
        }
    }

    private static void addFeature(Feature feature, boolean isGiven, List<Feature> features, List<Boolean> given) {
        // Metered features first, so a credit system follows what it draws from.
        for (CreditCost cost : feature.creditSchema()) {
            addFeature(cost.feature(), false, features, given);
        }
        if (features.contains(feature)) {
            return;
        }
        for (int i = 0; i < features.size(); i++) {
            Feature known = features.get(i);
            if (known.id().equals(feature.id()) && Checks.sameForAutumn(known, feature)) {
                if (isGiven && !given.get(i)) {
                    features.set(i, feature); // the declaration replaces what an item referenced
                    given.set(i, true);
                    return;
                }
                if (!isGiven) {
                    return; // a reference to a declared feature
                }
            }
        }
        features.add(feature);
        given.add(isGiven);
    }

    private static List<Feature> referenced(Item item) {
        List<Feature> result = new ArrayList<>();
        if (item instanceof FeatureItem) {
            FeatureItem featureItem = (FeatureItem) item;
            result.add(featureItem.feature());
            if (featureItem.entityFeature() != null) {
                result.add(featureItem.entityFeature());
            }
        } else if (item instanceof PricedFeatureItem) {
            PricedFeatureItem priced = (PricedFeatureItem) item;
            result.add(priced.feature());
            if (priced.entityFeature() != null) {
                result.add(priced.entityFeature());
            }
        }
        return result;
    }

    /** This catalog with more parts added. */
    public Catalog with(CatalogPart... more) {
        CatalogPart[] parts = new CatalogPart[more.length + 1];
        parts[0] = this;
        System.arraycopy(more, 0, parts, 1, more.length);
        return of(parts);
    }

    /** The feature with this id, if any. */
    public Optional<Feature> feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The product with this id, if any. */
    public Optional<Product> product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Every problem of the catalog, in catalog order, each with its path; empty when valid. */
    public List<Problem> validate() {
        return CatalogValidator.validate(this);
    }

    /**
     * The problems of the values alone: ids, names, amounts, counts, the rules a DSL step notes where a value is
     * written. The rules that relate values to each other (references, canonical forms, one price per product) are left
     * out, so this also suits a part of a catalog read from elsewhere, such as Autumn's answer, that must at least hold
     * values the model allows.
     *
     * <pre>{@code
     * new Catalog(List.of(), List.of(remotePlan)).valueProblems()   // [products[neg].items[0]: price amount must be ≥ 0, was -5]
     * }</pre>
     */
    public List<Problem> valueProblems() {
        return CatalogValidator.validateValues(this);
    }

    /**
     * This catalog, when it is valid.
     *
     * @throws CatalogValidationException listing every problem
     */
    public Catalog requireValid() {
        List<Problem> problems = validate();
        if (!problems.isEmpty()) {
            throw new CatalogValidationException(problems);
        }
        return this;
    }
}
