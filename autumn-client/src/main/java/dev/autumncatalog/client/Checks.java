package dev.autumncatalog.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** {@code balances.check} and what answers when Autumn cannot: the {@link CheckFailurePolicy}. */
final class Checks {
    private static final System.Logger LOG = System.getLogger(AutumnClient.class.getName());

    private final Calls calls;
    private final Duration timeout;
    private final int checkAttempts;
    private final CheckFailurePolicy checkFailurePolicy;

    Checks(Calls calls, Duration timeout, int checkAttempts, CheckFailurePolicy checkFailurePolicy) {
        this.calls = calls;
        this.timeout = timeout;
        this.checkAttempts = checkAttempts;
        this.checkFailurePolicy = checkFailurePolicy;
    }

    CheckResult check(CheckRequest request) {
        Objects.requireNonNull(request, "request");
        Duration deadline = request.timeout() != null ? request.timeout() : timeout;
        String attempted = "Tried to check '" + request.feature().id() + "' for customer '" + request.customerId() + "'"
                + (request.entityId() == null ? "" : " (entity '" + request.entityId() + "')");
        Calls.Outcome outcome = calls.run(new Calls.Spec(
                "balances.check",
                RequestBodies.check(request),
                null,
                attempted,
                // A check that deducts (send_event, lock) is sent once: a repeat could deduct twice.
                request.writes() ? 1 : checkAttempts,
                deadline,
                deadline,
                null));
        AutumnException failure = outcome.failure();
        if (outcome.ok()) {
            try {
                CheckResult result = calls.read(outcome.answer(), Answers::check, attempted, "balances.check");
                return outcome.answer().status() == 202
                        ? result.degradedBy(new Degradation(
                                "Autumn answered 202: its service is degraded downstream and it allowed the check"
                                        + " fail-open",
                                null))
                        : result;
            } catch (AutumnResponseException e) {
                failure = e;
            }
        }
        return answerFailure(request, failure);
    }

    private CheckResult answerFailure(CheckRequest request, AutumnException failure) {
        if (!Calls.retryable(failure)) {
            throw failure;
        }
        CheckFailurePolicy policy = request.failurePolicy() != null ? request.failurePolicy() : checkFailurePolicy;
        // A switch expression: a new policy fails to compile here until it is handled.
        boolean allowed =
                switch (policy) {
                    case FAIL_OPEN -> true;
                    case FAIL_CLOSED -> false;
                    case THROW -> throw failure;
                };
        String reason =
                (allowed ? "failed open (allowed)" : "failed closed (not allowed)") + ": " + failure.getMessage();
        LOG.log(System.Logger.Level.WARNING, "Autumn check " + reason);
        return new CheckResult(
                allowed,
                request.customerId(),
                request.entityId(),
                null,
                null,
                Map.of(),
                null,
                new Degradation(reason, failure));
    }
}
