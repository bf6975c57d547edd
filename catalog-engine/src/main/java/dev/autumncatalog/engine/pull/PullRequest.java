package dev.autumncatalog.engine.pull;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and how {@link PullService} writes a pulled catalog.
 *
 * <pre>{@code
 * PullRequest request = PullRequest.of(PullOptions.of("com.example.pricing"), PullService.defaultOutputDirectory(target));
 * PullRequest intoSources = PullRequest.of(options, Path.of("src/main/java"))
 *         .sourceRoots(List.of(Path.of("src/main/java")))
 *         .overwrite(true);
 * }</pre>
 *
 * @param options package, class name, archived entities
 * @param outputDirectory the source root the file goes under, in its package's directories
 * @param sourceRoots the project's source directories: pulling into one of them needs {@code overwrite}
 * @param overwrite whether pulling into a source directory is wanted
 * @param force whether a file a pull did not write, or one edited since, may be replaced (the result lists it)
 */
public record PullRequest(
        PullOptions options, Path outputDirectory, List<Path> sourceRoots, boolean overwrite, boolean force) {
    /** Checks for nulls and copies the roots. */
    public PullRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        sourceRoots = List.copyOf(sourceRoots);
    }

    /** Pulls into {@code outputDirectory}, with no source directories declared, neither overwriting nor forcing. */
    public static PullRequest of(PullOptions options, Path outputDirectory) {
        return new PullRequest(options, outputDirectory, List.of(), false, false);
    }

    /** The same request with the project's source directories. */
    public PullRequest sourceRoots(List<Path> roots) {
        return new PullRequest(options, outputDirectory, roots, overwrite, force);
    }

    /** The same request, allowed to write into a source directory or not. */
    public PullRequest overwrite(boolean value) {
        return new PullRequest(options, outputDirectory, sourceRoots, value, force);
    }

    /** The same request, allowed to replace edited or foreign files or not. */
    public PullRequest force(boolean value) {
        return new PullRequest(options, outputDirectory, sourceRoots, overwrite, value);
    }
}
