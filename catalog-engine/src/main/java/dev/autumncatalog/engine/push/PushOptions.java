package dev.autumncatalog.engine.push;

import java.util.Objects;

/**
 * How a push runs: how many independent changes go to Autumn at once, who answers questions, and who
 * hears progress.
 *
 * <pre>{@code
 * PushOptions options = PushOptions.batch().withListener(PushListener.printing(log::info));
 * }</pre>
 *
 * @param parallelism the most changes in flight at once, 1 to 16 (Autumn allows 25 catalog requests/s)
 * @param interaction asks for opt-ins the plan options leave open; {@link Interaction#BATCH} never asks
 * @param listener hears about each change
 */
public record PushOptions(int parallelism, Interaction interaction, PushListener listener) {
    /**
     * The default parallelism, chosen from the issue-16 sweep (docs/PERFORMANCE.md): 8 met no 429 against Autumn's
     * 25-per-second window and beat 4 against the real server, whose writes cost a few hundred ms each; 16 was faster
     * still on the real server but met 429s against the window on a loaded machine.
     */
    public static final int DEFAULT_PARALLELISM = 8;

    /** Checks the parallelism. */
    public PushOptions {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("push parallelism must be 1 to 16, was " + parallelism);
        }
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(listener, "listener");
    }

    /** {@link #DEFAULT_PARALLELISM} at once, no questions, no progress. */
    public static PushOptions batch() {
        return new PushOptions(DEFAULT_PARALLELISM, Interaction.BATCH, PushListener.NONE);
    }

    /** The same options with another parallelism. */
    public PushOptions withParallelism(int value) {
        return new PushOptions(value, interaction, listener);
    }

    /** The same options asking {@code value}. */
    public PushOptions withInteraction(Interaction value) {
        return new PushOptions(parallelism, value, listener);
    }

    /** The same options reporting to {@code value}. */
    public PushOptions withListener(PushListener value) {
        return new PushOptions(parallelism, interaction, value);
    }
}
