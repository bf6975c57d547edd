package dev.autumncatalog.engine.pull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pull did.
 *
 * @param written the files written (new or changed)
 * @param unchanged the files that already held exactly the pulled source, left untouched
 * @param forced the written files that were edited since the last pull, or not written by a pull at all: their old
 *     content is gone, as {@link PullRequest#force()} allowed
 * @param notes what the DSL cannot express or what was pulled in although left out, one line each, for the log; also
 *     comments in the pulled source
 */
public record PullResult(List<Path> written, List<Path> unchanged, List<Path> forced, List<String> notes) {
    /** Copies the lists. */
    public PullResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        forced = List.copyOf(forced);
        notes = List.copyOf(notes);
    }
}
