package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.plan.Change;
import java.util.List;
import java.util.Objects;

/**
 * What a push did: the changes Autumn accepted, the ones that failed, and the ones never sent. All lists are in plan
 * order.
 *
 * @param applied changes Autumn accepted
 * @param failures changes Autumn refused or that failed on the way
 * @param notApplied changes not sent because an earlier change failed
 */
public record PushResult(List<Change> applied, List<Failure> failures, List<Change> notApplied) {
    /** Nothing to do. */
    public static final PushResult EMPTY = new PushResult(List.of(), List.of(), List.of());

    /** Copies the lists. */
    public PushResult {
        applied = List.copyOf(applied);
        failures = List.copyOf(failures);
        notApplied = List.copyOf(notApplied);
    }

    /** {@code true} when every change was applied. */
    public boolean succeeded() {
        return failures.isEmpty() && notApplied.isEmpty();
    }

    /**
     * One failed change.
     *
     * @param change the change
     * @param step what was attempted: {@code update plan 'pro'}
     * @param cause why it failed, usually an {@link AutumnApiException}
     */
    public record Failure(Change change, String step, Throwable cause) {
        /** All are required. */
        public Failure {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(cause, "cause");
        }

        /** Autumn's HTTP status; 0 when no answer came or the failure was not Autumn's. */
        public int status() {
            return cause instanceof AutumnApiException ? ((AutumnApiException) cause).status() : 0;
        }

        /** Autumn's error code ({@code invalid_inputs}), or {@code null}. */
        public String code() {
            return cause instanceof AutumnApiException ? ((AutumnApiException) cause).code() : null;
        }

        /** {@code ~ plan pro: update plan 'pro': Autumn answered 400 invalid_inputs: … (POST /v1/plans.update)}. */
        @Override
        public String toString() {
            return change.headline() + ": " + step + ": " + describe(cause);
        }
    }

    /** A failure in a few words: what Autumn answered, or what went wrong on the way. */
    static String describe(Throwable cause) {
        if (cause instanceof AutumnApiException) {
            AutumnApiException e = (AutumnApiException) cause;
            StringBuilder text = new StringBuilder();
            if (e.status() == 0) {
                text.append("no answer from Autumn");
            } else {
                text.append("Autumn answered ").append(e.status());
                if (e.code() != null) {
                    text.append(' ').append(e.code());
                }
            }
            if (e.autumnMessage() != null) {
                text.append(": ").append(e.autumnMessage());
            }
            return text.append(" (")
                    .append(e.method())
                    .append(' ')
                    .append(e.route())
                    .append(')')
                    .toString();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
