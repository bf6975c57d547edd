package dev.autumncatalog.engine;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.engine.load.CatalogConstants;
import dev.autumncatalog.engine.load.CatalogLoader;
import dev.autumncatalog.engine.text.FrontEnd;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the engine gets the catalog: a {@link CatalogDefinition} class on a class path (named, or the only one in the
 * project's own classes), or a catalog built in code.
 *
 * <pre>{@code
 * CatalogSource.discovered(classpath, List.of(Path.of("target/classes")))   // the only CatalogDefinition there
 * CatalogSource.named("com.acme.pricing.Pricing", classpath)
 * CatalogSource.of(catalog(FREE, PRO), "Pricing")                           // no class loading
 * }</pre>
 */
public sealed interface CatalogSource permits CatalogSource.Classes, CatalogSource.Given {

    /**
     * The catalog class named {@code className}, or when it is {@code null} or blank the only {@link
     * CatalogDefinition} in {@code searchDirectories}.
     */
    static CatalogSource classes(List<Path> classpath, List<Path> searchDirectories, String className) {
        return new Classes(classpath, searchDirectories, className);
    }

    /** The catalog class named {@code className}, found on {@code classpath}. */
    static CatalogSource named(String className, List<Path> classpath) {
        return new Classes(classpath, List.of(), Objects.requireNonNull(className, "className"));
    }

    /** The only {@link CatalogDefinition} class in {@code searchDirectories}, loaded from {@code classpath}. */
    static CatalogSource discovered(List<Path> classpath, List<Path> searchDirectories) {
        return new Classes(classpath, searchDirectories, null);
    }

    /** A catalog built in code; {@code origin} names it where a class name would appear (generated headers). */
    static CatalogSource of(Catalog catalog, String origin) {
        return new Given(catalog, origin);
    }

    /**
     * The catalog and where it came from, not yet validated.
     *
     * @param frontEnd names the setting that names the catalog class, in messages
     * @throws dev.autumncatalog.engine.load.CatalogLoadException when the class cannot be found, created or called
     */
    CatalogLoader.Loaded load(FrontEnd frontEnd);

    /**
     * A catalog class on a class path.
     *
     * @param classpath every directory and jar the class needs
     * @param searchDirectories where to look for the class when it is not named (the project's own classes)
     * @param className the class, or {@code null} to discover it
     */
    record Classes(List<Path> classpath, List<Path> searchDirectories, String className) implements CatalogSource {
        /** Copies the lists. */
        public Classes {
            classpath = List.copyOf(classpath);
            searchDirectories = List.copyOf(searchDirectories);
        }

        @Override
        public CatalogLoader.Loaded load(FrontEnd frontEnd) {
            return new CatalogLoader(classpath, searchDirectories).load(className, frontEnd);
        }
    }

    /**
     * A catalog built in code.
     *
     * @param catalog the catalog
     * @param origin what to call it in place of a class name
     */
    record Given(Catalog catalog, String origin) implements CatalogSource {
        /** Both are required. */
        public Given {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public CatalogLoader.Loaded load(FrontEnd frontEnd) {
            return new CatalogLoader.Loaded(origin, catalog, new CatalogConstants(null, catalog));
        }
    }
}
