package dev.autumncatalog.engine;

import dev.autumncatalog.engine.pull.PullResult;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a pull wrote.
 *
 * @param result the files written, left unchanged or replaced by force, and the notes for the log
 * @param target what was pulled from
 * @param sandboxRequests how many requests the local sandbox served, when it was the target
 */
public record Pulled(PullResult result, String target, OptionalInt sandboxRequests) {
    /** All are required. */
    public Pulled {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sandboxRequests, "sandboxRequests");
    }
}
