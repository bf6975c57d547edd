package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.plan.Change;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears about each change of a push: started, succeeded or failed, or skipped because an earlier change failed. Calls
 * come from the push's worker threads but never at the same time, so an implementation needs no locking.
 */
public interface PushListener {
    /** Hears nothing. */
    PushListener NONE = new PushListener() {};

    /** A change is being sent. */
    default void started(Progress progress) {}

    /** Autumn accepted the change. */
    default void succeeded(Progress progress) {}

    /** The change failed; {@code cause} is usually an {@link AutumnApiException}. */
    default void failed(Progress progress, Throwable cause) {}

    /** The change was not sent because an earlier one failed. */
    default void skipped(Progress progress) {}

    /**
     * Where a change is in the push.
     *
     * @param number its 1-based position in the plan
     * @param total how many changes the plan has
     * @param change the change
     */
    record Progress(int number, int total, Change change) {
        /** {@code [3/7] ~ plan pro}. */
        public String label() {
            return "[" + number + "/" + total + "] " + change.headline();
        }
    }

    /**
     * One line per finished change: {@code [3/7] ~ plan pro … done}, {@code [4/7] + plan team … failed: 400
     * invalid_inputs: …}, {@code [5/7] - plan legacy … not started}.
     */
    static PushListener printing(Consumer<String> out) {
        Objects.requireNonNull(out, "out");
        return new PushListener() {
            @Override
            public void succeeded(Progress progress) {
                out.accept(progress.label() + " … done");
            }

            @Override
            public void failed(Progress progress, Throwable cause) {
                out.accept(progress.label() + " … failed: " + PushResult.describe(cause));
            }

            @Override
            public void skipped(Progress progress) {
                out.accept(progress.label() + " … not started");
            }
        };
    }
}
