package dev.autumncatalog.engine.load;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogPart;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.SourceLocation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names the static constant that holds the feature or product a problem is in: {@code PRO} for a problem at {@code
 * products[pro].items[0]} when {@code Plans.PRO} is that very product (matched by identity, so an equal product in
 * another constant does not count).
 *
 * <p>It reads the static fields of the catalog class and of the classes that wrote the bad values (their {@link
 * SourceLocation}s). All of them have run their static initialisers by the time the catalog is built, so reading their
 * fields runs no user code; other classes are never touched.
 */
public final class CatalogConstants {
    private final Class<?> catalogClass;
    private final Catalog catalog;

    /**
     * @param catalogClass the class whose {@code define()} returned {@code catalog}; {@code null} for a catalog built in
     *     code, whose constants are then looked for only in the classes that wrote its bad values
     * @param catalog the catalog, as returned
     */
    public CatalogConstants(Class<?> catalogClass, Catalog catalog) {
        this.catalogClass = catalogClass;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The constant of each problem's feature or product, in order: {@code PRO} when it is declared in the class that
     * wrote the problem's bad value, {@code Plans.PRO} otherwise, several joined by {@code ", "}, or {@code null} when
     * no constant holds it.
     */
    public List<String> namesOf(List<Problem> problems) {
        Map<Object, List<Field>> constants = constants(classes(problems));
        Map<String, List<CatalogPart>> parts = partsByPath();
        List<String> names = new ArrayList<>();
        for (Problem problem : problems) {
            Set<String> found = new LinkedHashSet<>();
            for (CatalogPart part : partsAt(parts, problem.path())) {
                for (Field field : constants.getOrDefault(part, List.of())) {
                    found.add(name(field, problem.source()));
                }
            }
            names.add(found.isEmpty() ? null : String.join(", ", found));
        }
        return names;
    }

    /**
     * Features the catalog class declares as constants ({@code static final Feature SSO = …}) that the catalog does not
     * hold (no product uses them any more and {@code catalog(...)} does not list them), by id, with the constant's name:
     * {@code sso → Pricing.SSO}. A plan keeps them in Autumn rather than remove what the code still declares. Only the
     * catalog class is read: it has run already, so reading its fields runs no user code.
     */
    public Map<String, String> declaredFeatures() {
        Map<String, String> declared = new LinkedHashMap<>();
        if (catalogClass == null) {
            return declared;
        }
        Set<String> held = new HashSet<>();
        catalog.features().forEach(feature -> held.add(feature.id()));
        for (Map.Entry<Object, List<Field>> entry :
                constants(Set.of(catalogClass)).entrySet()) {
            if (entry.getKey() instanceof Feature && !held.contains(((Feature) entry.getKey()).id())) {
                Field field = entry.getValue().get(0);
                declared.putIfAbsent(
                        ((Feature) entry.getKey()).id(),
                        field.getDeclaringClass().getSimpleName() + "." + field.getName());
            }
        }
        return new java.util.TreeMap<>(declared);
    }

    private Set<Class<?>> classes(List<Problem> problems) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (catalogClass != null) {
            classes.add(catalogClass);
            loader = catalogClass.getClassLoader();
        }
        for (Problem problem : problems) {
            if (problem.source() != null) {
                try {
                    // Not initialised here: the class ran when it wrote the value.
                    classes.add(Class.forName(problem.source().className(), false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class we cannot see holds no constant we could name.
                }
            }
        }
        return classes;
    }

    /** Every static field that holds a part of the catalog, by the part it holds (identity). */
    private static Map<Object, List<Field>> constants(Set<Class<?>> classes) {
        Map<Object, List<Field>> constants = new IdentityHashMap<>();
        for (Class<?> type : classes) {
            for (Field field : declaredFields(type)) {
                if (!Modifier.isStatic(field.getModifiers())
                        || field.isSynthetic()
                        || !CatalogPart.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(null);
                    if (value != null) {
                        constants.computeIfAbsent(value, v -> new ArrayList<>()).add(field);
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    // An inaccessible or failing field names nothing; the problem is printed without it.
                }
            }
        }
        return constants;
    }

    private static Field[] declaredFields(Class<?> type) {
        try {
            return type.getDeclaredFields();
        } catch (LinkageError | SecurityException e) {
            return new Field[0];
        }
    }

    /** The features and products by their path: several under one path when ids repeat. */
    private Map<String, List<CatalogPart>> partsByPath() {
        Map<String, List<CatalogPart>> byPath = new LinkedHashMap<>();
        for (Feature feature : catalog.features()) {
            byPath.computeIfAbsent("features[" + feature.id() + "]", p -> new ArrayList<>())
                    .add(feature);
        }
        for (Product product : catalog.products()) {
            byPath.computeIfAbsent("products[" + product.id() + "]", p -> new ArrayList<>())
                    .add(product);
        }
        return byPath;
    }

    /** The parts whose path is the longest one that holds {@code path}. */
    private static List<CatalogPart> partsAt(Map<String, List<CatalogPart>> byPrefix, String path) {
        String longest = null;
        for (String prefix : byPrefix.keySet()) {
            boolean within = path.equals(prefix) || path.startsWith(prefix + ".");
            if (within && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest == null ? List.of() : byPrefix.get(longest);
    }

    private static String name(Field field, SourceLocation source) {
        Class<?> owner = field.getDeclaringClass();
        if (source != null && source.className().equals(owner.getName())) {
            return field.getName();
        }
        return owner.getSimpleName() + "." + field.getName();
    }
}
