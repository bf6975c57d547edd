package dev.autumncatalog.examples.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;

/**
 * The example pricing catalog: every scenario of the Autumn guides, split across {@link Features}, {@link Plans} and
 * {@link AddOns} the way a large catalog would be. The plugin loads it by name:
 *
 * <pre>{@code
 * <catalogClass>dev.autumncatalog.examples.pricing.Pricing</catalogClass>
 * }</pre>
 */
public final class Pricing implements CatalogDefinition {
    /** Creates the definition; the plugin calls this public no-argument constructor. */
    public Pricing() {}

    /** Features first, then the plans, then the add-ons. */
    @Override
    public Catalog define() {
        return catalog(Features.CATALOG, Plans.CATALOG, AddOns.CATALOG);
    }
}
