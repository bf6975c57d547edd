package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.plan.Change;
import java.util.List;
import java.util.Objects;

/**
 * A push stopped part-way: a change failed, the changes in flight with it finished, and later levels were not started.
 * Carries the {@link PushResult}. Because the next plan is made from a fresh fetch, running the push again converges:
 * what was applied is seen as done and is not repeated.
 */
public final class PushFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The advice every failure ends with. */
    public static final String HINT =
            "Fix the cause and run 'mvn autumn:push' again; applied changes will not be repeated.";

    private final transient PushResult result;

    /** A failure for {@code result}, which has at least one failure. */
    public PushFailedException(PushResult result) {
        super(message(result), firstCause(result));
        this.result = Objects.requireNonNull(result, "result");
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
     * Fix the cause and run 'mvn autumn:push' again; applied changes will not be repeated.
     * </pre>
     */
    private static String message(PushResult result) {
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
        return text.append(HINT).toString();
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
