package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Operation;
import java.util.List;
import java.util.Objects;

/**
 * A push stopped part-way: a change failed, the changes in flight with it finished, and later levels were not started.
 * Carries the {@link PushResult}. Because the next plan is made from a fresh fetch, running the push again converges:
 * what was applied is seen as done and is not repeated.
 */
public final class PushFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PushResult result;

    /** A failure for {@code result}, which has at least one failure, worded with {@link FrontEnd#NEUTRAL} names. */
    public PushFailedException(PushResult result) {
        this(result, FrontEnd.NEUTRAL);
    }

    /** A failure for {@code result}, which has at least one failure, naming the push as {@code frontEnd} runs it. */
    public PushFailedException(PushResult result, FrontEnd frontEnd) {
        super(message(result, frontEnd), firstCause(result));
        this.result = Objects.requireNonNull(result, "result");
    }

    /** The advice every failure ends with: run the push again, as the front end runs it. */
    public static String advice(FrontEnd frontEnd) {
        return "Fix the cause and run '" + frontEnd.command(Operation.PUSH)
                + "' again; applied changes will not be repeated.";
    }

    /** What was applied, what failed, and what was not sent. */
    public PushResult result() {
        return result;
    }

    private static Throwable firstCause(PushResult result) {
        return result.failures().isEmpty() ? null : result.failures().get(0).cause();
    }

    /**
     * For example:
     *
     * <pre>
     * Push stopped: 1 failed, 2 applied, 1 not started.
     * Failed:
     *   ~ plan team: update plan 'team': Autumn answered 400 invalid_inputs: … (POST /v1/plans.update)
     * Applied:
     *   + feature api_calls
     *   + plan pro
     * Not started:
     *   - plan legacy
     * Fix the cause and run 'push' again; applied changes will not be repeated.
     * </pre>
     */
    private static String message(PushResult result, FrontEnd frontEnd) {
        StringBuilder text = new StringBuilder("Push stopped: ")
                .append(result.failures().size())
                .append(" failed, ")
                .append(result.applied().size())
                .append(" applied, ")
                .append(result.notApplied().size())
                .append(" not started.\nFailed:\n");
        for (PushResult.Failure failure : result.failures()) {
            text.append("  ").append(failure).append('\n');
        }
        list(text, "Applied:", result.applied());
        list(text, "Not started:", result.notApplied());
        return text.append(advice(frontEnd)).toString();
    }

    private static void list(StringBuilder text, String title, List<Change> changes) {
        if (!changes.isEmpty()) {
            text.append(title).append('\n');
            for (Change change : changes) {
                text.append("  ").append(change.headline()).append('\n');
            }
        }
    }

    /** The first failure's Autumn error, when it was one. */
    public AutumnApiException autumnCause() {
        Throwable cause = getCause();
        return cause instanceof AutumnApiException ? (AutumnApiException) cause : null;
    }
}
