package dev.autumncatalog.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: typed constants of a catalog, in a package, below a source directory; and, when asked, typed
 * handles for the run-time client.
 *
 * <pre>{@code
 * GenerateRequest request = new GenerateRequest(
 *         CatalogSource.named("com.acme.pricing.Pricing", classpath),
 *         "com.acme.billing.autumn",
 *         Path.of("build/generated/sources/autumn"))
 *     .withHandles(true);
 * }</pre>
 *
 * @param catalog where the catalog comes from
 * @param packageName the package of the generated classes; a valid Java package name
 * @param outputDirectory the source directory the files go below, in their package's directories
 * @param handles also generate {@code Metered}, {@code Flags} and {@code Credits}, typed handles whose types come from
 *     {@code autumn-client} (which the project compiling them needs); {@code false}: JDK-only constants alone
 */
public record GenerateRequest(CatalogSource catalog, String packageName, Path outputDirectory, boolean handles) {
    /** All are required. */
    public GenerateRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
    }

    /** The JDK-only constants, without handles. */
    public GenerateRequest(CatalogSource catalog, String packageName, Path outputDirectory) {
        this(catalog, packageName, outputDirectory, false);
    }

    /** The same request, with or without the typed handles. */
    public GenerateRequest withHandles(boolean generateHandles) {
        return new GenerateRequest(catalog, packageName, outputDirectory, generateHandles);
    }
}
