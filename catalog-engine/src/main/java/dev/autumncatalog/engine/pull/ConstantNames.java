package dev.autumncatalog.engine.pull;

import dev.autumncatalog.engine.codegen.JavaNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How pulled ids become the names of the constants in the pulled source, predictably and independently of the order
 * Autumn lists them in.
 *
 * <ol>
 *   <li>The base name is the constants generator's ({@link JavaNames#constantName}), so pulled and generated
 *       constants agree: split the id into words on every character that is not an
 *       ASCII letter or digit and on case changes ({@code apiCalls}, {@code APICalls}); a digit belongs to the word
 *       before it. Upper-case the words and join them with {@code _}: {@code api_calls}, {@code api-calls}, {@code
 *       apiCalls} all become {@code API_CALLS}. A name starting with a digit gets a leading {@code _}: {@code 3d} →
 *       {@code _3D}. Names are upper case, so never a Java keyword ({@code class} → {@code CLASS}).
 *   <li>An id without any letter or digit ({@code _}, {@code --}) is named {@code FEATURE} or {@code PRODUCT}.
 *   <li>Features are named first, then products, each in id order ({@link String#compareTo}). A product whose name a
 *       feature has gets {@code _PRODUCT}: feature {@code sso} → {@code SSO}, product {@code sso} → {@code
 *       SSO_PRODUCT}.
 *   <li>A name already taken gets {@code _2}, {@code _3}, …: the first that is neither taken nor another id's own
 *       name. {@code a-b} → {@code A_B}, {@code a_b} → {@code A_B_2}; with an id {@code a_b_2} as well, {@code a_b} →
 *       {@code A_B_3}.
 * </ol>
 */
public final class ConstantNames {
    private final Map<String, String> features;
    private final Map<String, String> products;

    private ConstantNames(Map<String, String> features, Map<String, String> products) {
        this.features = features;
        this.products = products;
    }

    /** Names every feature id and product id (each list may hold an id more than once; it gets one name). */
    public static ConstantNames assign(List<String> featureIds, List<String> productIds) {
        // Numbered names never take a name that is another id's own base name.
        Set<String> bases = new HashSet<>();
        featureIds.forEach(id -> bases.add(base(id, "FEATURE")));
        productIds.forEach(id -> bases.add(base(id, "PRODUCT")));
        Set<String> taken = new HashSet<>();
        Map<String, String> features = claim(featureIds, id -> base(id, "FEATURE"), taken, bases);
        Set<String> featureNames = new HashSet<>(taken);
        Map<String, String> products = claim(
                productIds,
                id -> {
                    String base = base(id, "PRODUCT");
                    return featureNames.contains(base) ? base + "_PRODUCT" : base;
                },
                taken,
                bases);
        return new ConstantNames(features, products);
    }

    /** The constant name of a feature id given to {@link #assign}. */
    public String feature(String id) {
        return require(features, "feature", id);
    }

    /** The constant name of a product id given to {@link #assign}. */
    public String product(String id) {
        return require(products, "product", id);
    }

    /**
     * The {@code UPPER_SNAKE} base name of an id (step 1 of the class comment), or {@code fallback} when the id has no
     * letter or digit.
     */
    public static String base(String id, String fallback) {
        Objects.requireNonNull(id, "id");
        if (!id.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return fallback;
        }
        return JavaNames.constantName(id);
    }

    private static Map<String, String> claim(
            List<String> ids, Function<String, String> base, Set<String> taken, Set<String> bases) {
        Map<String, String> names = new HashMap<>();
        for (String id : new TreeSet<>(ids)) {
            String wanted = base.apply(id);
            String name = wanted;
            if (taken.contains(name)) {
                int n = 2;
                while (taken.contains(wanted + "_" + n) || bases.contains(wanted + "_" + n)) {
                    n++;
                }
                name = wanted + "_" + n;
            }
            taken.add(name);
            names.put(id, name);
        }
        return names;
    }

    private static String require(Map<String, String> names, String kind, String id) {
        String name = names.get(id);
        if (name == null) {
            throw new IllegalArgumentException(
                    kind + " id '" + id + "' was not named; named: " + new TreeSet<>(names.keySet()));
        }
        return name;
    }
}
