package dev.autumncatalog.dsl;

/**
 * Implemented by the class that declares a project's catalog. The plugin finds it by name ({@code <catalogClass>}) or
 * as the only such class of the module, creates it with its no-argument constructor and calls {@link #define()}.
 * (The method is not called {@code catalog()} because that would hide the static {@code Autumn.catalog(...)} factory
 * inside the class.)
 *
 * <pre>{@code
 * public final class Pricing implements CatalogDefinition {
 *   public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
 *
 *   @Override public Catalog define() {
 *     return catalog(product("pro").name("Pro").item(featureItem(API_CALLS).included(10_000).monthly()));
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CatalogDefinition {
    /** The whole catalog. */
    Catalog define();
}
