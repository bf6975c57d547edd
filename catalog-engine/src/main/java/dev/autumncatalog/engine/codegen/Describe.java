package dev.autumncatalog.engine.codegen;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.text.ItemText;
import dev.autumncatalog.engine.text.JavadocText;
import dev.autumncatalog.engine.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Javadoc of generated constants: what a feature kind means, a product's price line, string literals. Amounts,
 * cycles and items are worded by {@code engine.text}, as in the plan.
 */
final class Describe {
    private Describe() {}

    /**
     * A Java string literal in ASCII only: quotes, backslashes and control characters get escapes (octal for control
     * characters, because javac would turn a unicode escape of a line break into a real one), other non-ASCII
     * characters get unicode escapes.
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ' || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\%03o", (int) c));
            } else if (c > '~') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** What a feature kind means, after the feature's name. */
    static String kind(FeatureType type) {
        return switch (type) {
            case BOOLEAN -> "boolean feature (on/off access, no usage)";
            case SINGLE_USE -> "single-use feature (usage is consumed and can reset)";
            case CONTINUOUS_USE -> "continuous-use feature (usage is allocated, goes up and down, and never resets)";
            case CREDIT_SYSTEM -> "credit system (single-use features draw from one balance of credits)";
        };
    }

    /**
     * What a product item grants, in the plan's words, other features named by {@code reference} (a Javadoc link):
     * {@code 10,000 per month}, {@code granted}, {@code 1,000 included, then $0.01 each, pay-per-use, billed every
     * month}.
     */
    static String item(Item item, Function<Feature, String> reference) {
        return ItemText.summary(item, reference);
    }

    /**
     * The price line of a product: {@code $20 per month; free trial of 14 days, card required; add-on}, or {@code
     * free; default (every new customer gets it)}.
     */
    static String productSummary(Product product) {
        List<String> parts = new ArrayList<>();
        List<PriceItem> prices = product.priceItems();
        if (!prices.isEmpty()) {
            List<String> amounts = new ArrayList<>();
            prices.forEach(price -> amounts.add(ItemText.price(price)));
            parts.add(String.join(" + ", amounts));
        } else if (product.isFree()) {
            parts.add("free");
        } else {
            parts.add("usage-based price");
        }
        if (product.freeTrial() != null) {
            parts.add("free trial of " + Words.trial(product.freeTrial()));
        }
        if (product.isDefault()) {
            parts.add("default (every new customer gets it)");
        }
        if (product.isAddOn()) {
            parts.add("add-on");
        }
        if (product.group() != null) {
            parts.add("group <code>" + JavadocText.escape(product.group()) + "</code>");
        }
        return String.join("; ", parts);
    }

    /** What the Javadoc of each feature says: its kind, its credit costs, and which products grant it. */
    static final class FeatureDocs {
        private final Map<String, List<String>> grants = new HashMap<>();
        private final Map<String, List<String>> drawsFrom = new HashMap<>();
        private final Function<Feature, String> featureLink;

        FeatureDocs(Catalog catalog, Function<Feature, String> featureLink, Function<Product, String> productLink) {
            this.featureLink = featureLink;
            for (Product product : catalog.products()) {
                for (Item item : product.items()) {
                    if (item.feature() != null) {
                        grants.computeIfAbsent(item.feature().id(), id -> new ArrayList<>())
                                .add(productLink.apply(product) + ": " + item(item, featureLink));
                    }
                }
            }
            for (Feature feature : catalog.features()) {
                for (CreditCost cost : feature.creditSchema()) {
                    drawsFrom
                            .computeIfAbsent(cost.feature().id(), id -> new ArrayList<>())
                            .add(featureLink.apply(feature) + " at " + Words.credits(cost.credits()));
                }
            }
        }

        String of(Feature feature) {
            StringBuilder doc = new StringBuilder(JavadocText.escape(feature.name()))
                    .append(": ")
                    .append(kind(feature.type()))
                    .append(".\n");
            if (feature.type() == FeatureType.CREDIT_SYSTEM) {
                List<String> costs = new ArrayList<>();
                for (CreditCost cost : feature.creditSchema()) {
                    costs.add(featureLink.apply(cost.feature()) + ": " + Words.credits(cost.credits()));
                }
                list(doc, "Credit costs:", costs);
            }
            List<String> systems = drawsFrom.getOrDefault(feature.id(), List.of());
            if (!systems.isEmpty()) {
                doc.append("\n<p>Draws from ")
                        .append(String.join(" and from ", systems))
                        .append(".\n");
            }
            List<String> products = grants.getOrDefault(feature.id(), List.of());
            if (products.isEmpty()) {
                doc.append("\n<p>No product includes this feature.\n");
            } else {
                list(doc, "Products:", products);
            }
            return doc.toString();
        }
    }

    private static void list(StringBuilder doc, String title, List<String> entries) {
        doc.append("\n<p>").append(title).append("\n\n<ul>\n");
        entries.forEach(entry -> doc.append("  <li>").append(entry).append("\n"));
        doc.append("</ul>\n");
    }

    static String productDoc(Product product, Function<Feature, String> featureLink) {
        StringBuilder doc = new StringBuilder(JavadocText.escape(product.name()))
                .append(": ")
                .append(productSummary(product))
                .append(".\n");
        if (product.description() != null) {
            doc.append("\n<p>")
                    .append(JavadocText.escape(product.description()))
                    .append("\n");
        }
        List<String> grants = new ArrayList<>();
        for (Item item : product.items()) {
            if (item.feature() != null) {
                grants.add(featureLink.apply(item.feature()) + ": " + item(item, featureLink));
            }
        }
        if (!grants.isEmpty()) {
            list(doc, "Includes:", grants);
        }
        return doc.toString();
    }
}
