package dev.autumncatalog.engine.codegen;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.model.Items;
import dev.autumncatalog.engine.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What makes a catalog impossible to generate constants for: too many features or products for one enum, duplicate
 * ids, ids without a Java name or sharing one, references to features the catalog does not hold. Collects every
 * problem, so one run reports them all.
 */
final class CodegenChecks {
    private final List<String> messages = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    /** Records a problem and the ids it is about. */
    void add(String message, List<String> offending) {
        messages.add(message);
        offending.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }

    /** Throws every problem found so far, if any. */
    void throwIfAny() {
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() == 1) {
            throw new CodegenException("Cannot generate Java constants: " + messages.get(0), ids);
        }
        StringBuilder text = new StringBuilder("Cannot generate Java constants, ")
                .append(messages.size())
                .append(" problems:");
        messages.forEach(message -> text.append("\n  ").append(message));
        throw new CodegenException(text.toString(), ids);
    }

    /** At most {@link ConstantsGenerator#MAX_CONSTANTS} features, and as many products. */
    void size(String what, String enumName, int count) {
        if (count > ConstantsGenerator.MAX_CONSTANTS) {
            add(
                    "the catalog has " + Words.count(count) + " " + what + ", but the generated " + enumName
                            + " enum can hold at most " + Words.count(ConstantsGenerator.MAX_CONSTANTS)
                            + " (javac limits a class initialiser to 64 KB)",
                    List.of());
        }
    }

    /** The parts by id, sorted; records duplicate ids, ids without a Java name, and ids sharing a Java name. */
    <T> Map<String, T> named(String kind, List<T> parts, Function<T, String> idOf) {
        Map<String, T> byId = new TreeMap<>();
        Map<String, Integer> occurrences = new TreeMap<>();
        for (T part : parts) {
            String id = idOf.apply(part);
            byId.putIfAbsent(id, part);
            occurrences.merge(id, 1, Integer::sum);
        }
        occurrences.forEach((id, times) -> {
            if (times > 1) {
                add(
                        kind + " id '" + id + "' appears " + times + " times in the catalog; each id must be unique",
                        List.of(id));
            }
        });
        Map<String, List<String>> idsByName = new TreeMap<>();
        for (String id : byId.keySet()) {
            String name;
            try {
                name = JavaNames.constantName(id);
            } catch (IllegalArgumentException e) {
                add(kind + " id '" + id + "' has no letter or digit to make a Java name from; rename it", List.of(id));
                continue;
            }
            idsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(id);
        }
        idsByName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                add(collision(kind, name, ids), ids);
            }
        });
        return byId;
    }

    private static String collision(String kind, String name, List<String> ids) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                quoted.append(i == ids.size() - 1 ? " and " : ", ");
            }
            quoted.append('\'').append(ids.get(i)).append('\'');
        }
        return kind + " ids " + quoted + (ids.size() == 2 ? " both" : " all") + " become the Java name " + name
                + "; rename " + (ids.size() == 2 ? "one of them" : "all but one of them")
                + " (ids are split on '_', '-' and case changes, then upper-cased)";
    }

    /** Every feature an item, entity or credit schema refers to is in the catalog, so a constant can link to it. */
    void references(Catalog catalog, Map<String, Feature> features) {
        for (Feature feature : catalog.features()) {
            List<CreditCost> schema = feature.creditSchema();
            for (int i = 0; i < schema.size(); i++) {
                requireFeature(
                        "features[" + feature.id() + "].creditSchema[" + i + "]",
                        schema.get(i).feature(),
                        features);
            }
        }
        for (Product product : catalog.products()) {
            List<Item> items = product.items();
            for (int i = 0; i < items.size(); i++) {
                String path = "products[" + product.id() + "].items[" + i + "]";
                Item item = items.get(i);
                if (item.feature() != null) {
                    requireFeature(path, item.feature(), features);
                }
                Feature entity = Items.entityFeature(item);
                if (entity != null) {
                    requireFeature(path, entity, features);
                }
            }
        }
    }

    private void requireFeature(String path, Feature feature, Map<String, Feature> features) {
        if (!features.containsKey(feature.id())) {
            add(
                    path + ": feature '" + feature.id() + "' is not in the catalog, so no constant can link to it",
                    List.of(feature.id()));
        }
    }
}
