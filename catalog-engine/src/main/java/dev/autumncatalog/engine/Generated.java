package dev.autumncatalog.engine;

import dev.autumncatalog.engine.codegen.GeneratedSources;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What code generation wrote.
 *
 * @param files the files written, left unchanged (same bytes) and deleted (stale, from an earlier package)
 * @param packageName the package of the generated classes
 * @param origin the catalog class they were generated from
 * @param outputDirectory the source directory they are below
 */
public record Generated(GeneratedSources.Result files, String packageName, String origin, Path outputDirectory) {
    /** All are required. */
    public Generated {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
    }
}
