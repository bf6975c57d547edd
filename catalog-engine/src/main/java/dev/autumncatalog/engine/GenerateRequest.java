package dev.autumncatalog.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: typed constants of a catalog, in a package, below a source directory.
 *
 * <pre>{@code
 * GenerateRequest request = new GenerateRequest(
 *         CatalogSource.named("com.acme.pricing.Pricing", classpath),
 *         "com.acme.billing.autumn",
 *         Path.of("build/generated/sources/autumn"));
 * }</pre>
 *
 * @param catalog where the catalog comes from
 * @param packageName the package of the generated classes; a valid Java package name
 * @param outputDirectory the source directory the files go below, in their package's directories
 */
public record GenerateRequest(CatalogSource catalog, String packageName, Path outputDirectory) {
    /** All are required. */
    public GenerateRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
    }
}
