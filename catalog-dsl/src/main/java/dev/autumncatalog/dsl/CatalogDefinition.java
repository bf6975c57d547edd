package dev.autumncatalog.dsl;

/**
 * Implemented by the class that declares a project's catalog. The plugin finds it by name ({@code <catalogClass>}),
 * creates it with its public no-argument constructor and calls {@link #catalog()}.
 *
 * <pre>{@code
 * public final class Pricing implements CatalogDefinition {
 *   public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
 *
 *   @Override public Catalog catalog() {
 *     return catalog(product("pro").name("Pro").item(featureItem(API_CALLS).included(10_000).monthly()));
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CatalogDefinition {
    /** The whole catalog. */
    Catalog catalog();

    /**
     * A catalog of these parts, exactly as {@link Autumn#catalog(CatalogPart...)} builds it. It exists so that
     * {@code catalog(...)} compiles inside an implementation: there, the method {@link #catalog()} hides the static
     * import of {@code Autumn.catalog}, whatever the arguments.
     *
     * <pre>{@code
     * @Override public Catalog catalog() {
     *   return catalog(Plans.CATALOG, AddOns.CATALOG);
     * }
     * }</pre>
     */
    default Catalog catalog(CatalogPart... parts) {
        return Catalog.of(parts);
    }
}
