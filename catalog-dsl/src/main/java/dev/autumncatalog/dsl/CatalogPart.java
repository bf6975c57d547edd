package dev.autumncatalog.dsl;

/**
 * Anything that can be put into a {@link Catalog}: a {@link Feature}, a {@link Product}, or a whole {@link Catalog}
 * (so large catalogs can be split across classes and combined).
 *
 * <pre>{@code
 * Catalog all = catalog(Features.CATALOG, Plans.CATALOG, AddOns.TOP_UP);
 * }</pre>
 */
public sealed interface CatalogPart permits Feature, Product, Catalog {}
