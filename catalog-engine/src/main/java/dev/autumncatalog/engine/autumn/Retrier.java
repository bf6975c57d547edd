package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/**
 * What is safe to repeat, and when. Every attempt goes through {@link Transport}; a 429 is retried on every route
 * (Autumn's limiter rejects before the handler runs), after {@code Retry-After}, and slows the shared rate limiter
 * down. Reads are also retried on 5xx, I/O failures and garbled answers, with exponential backoff and jitter. A write
 * that failed ambiguously (it may have applied) is never blindly repeated: its {@link WriteCheck} re-reads first. Every
 * wait counts against the call's deadline ({@link CallBudget}); a wait that would outlast it ends the call at once.
 */
final class Retrier {
    private static final Set<String> EXISTS_CODES =
            Set.of("duplicate_idempotency_key", "duplicate_feature_id", "product_already_exists");

    private final AutumnClientConfig config;
    private final Transport transport;
    private final Failures failures;
    private final StallWatch stall;

    Retrier(AutumnClientConfig config, Transport transport, Failures failures) {
        this.config = config;
        this.transport = transport;
        this.failures = failures;
        this.stall = new StallWatch(config.stallTimeout(), config.clock());
    }

    /** A new call's budget; close it when the call ends. */
    CallBudget start() {
        return CallBudget.start(config, stall);
    }

    /** One read as a call of its own. */
    JsonNode read(Op op) {
        try (CallBudget budget = start()) {
            return read(op, budget);
        }
    }

    /** A read: retried on 429, 5xx, I/O failures and garbled answers. */
    JsonNode read(Op op, CallBudget budget) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = send(op, attempt, budget);
            if (answer.ok()) {
                return answer.json;
            }
            AutumnApiException failure = failed(op, answer, budget);
            if (!answer.retryable() || attempt > config.maxRetries()) {
                throw failure;
            }
            pause(op, attempt, answer, failure, budget);
        }
    }

    /** A read, or {@code null} on 404. */
    JsonNode readOrNull(Op op, CallBudget budget) {
        try {
            return read(op, budget);
        } catch (AutumnNotFoundException e) {
            return null;
        }
    }

    /**
     * A write.
     *
     * @param onSuccess maps the answer
     * @param verify re-reads after an ambiguous failure
     * @param alreadyDeleted the result when a retried delete finds nothing ({@code null}: not a delete)
     */
    <T> T write(
            Op op,
            WriteCheck.Kind kind,
            Function<JsonNode, T> onSuccess,
            WriteCheck.Verification<T> verify,
            T alreadyDeleted) {
        try (CallBudget budget = start()) {
            for (int attempt = 1; ; attempt++) {
                Answer answer = send(op, attempt, budget);
                if (answer.ok()) {
                    return onSuccess.apply(answer.json);
                }
                AutumnApiException failure = failed(op, answer, budget);
                if (answer.status == 429) {
                    // Rejected by the rate limiter before the handler ran: nothing applied, safe to repeat.
                } else if (answer.ambiguous()) {
                    // It may have applied: look before repeating.
                    WriteCheck.Check<T> check = safeCheck(verify, budget);
                    if (check.applied()) {
                        return check.value();
                    }
                    if (check.different() != null && kind == WriteCheck.Kind.CREATE) {
                        throw failures.exists(op, failure, check.different());
                    }
                } else if (attempt > 1
                        && kind == WriteCheck.Kind.CREATE
                        && answer.code != null
                        && EXISTS_CODES.contains(answer.code)) {
                    // An earlier attempt created it (or still holds the idempotency key).
                    WriteCheck.Check<T> check = safeCheck(verify, budget);
                    if (check.applied()) {
                        return check.value();
                    }
                    if (check.different() != null) {
                        throw failures.exists(op, failure, check.different());
                    }
                } else if (attempt > 1 && kind == WriteCheck.Kind.DELETE && answer.status == 404) {
                    return alreadyDeleted; // an earlier attempt deleted it
                } else {
                    throw failure;
                }
                if (attempt > config.maxRetries()) {
                    throw failure;
                }
                pause(op, attempt, answer, failure, budget);
            }
        }
    }

    private <T> WriteCheck.Check<T> safeCheck(WriteCheck.Verification<T> verify, CallBudget budget) {
        try {
            return verify.check(budget);
        } catch (AutumnDeadlineException e) {
            throw e; // out of time: looking again would not help
        } catch (AutumnApiException e) {
            return WriteCheck.Check.notApplied(); // unknown: the retry (same idempotency key) or the next check decides
        }
    }

    private Answer send(Op op, int attempt, CallBudget budget) {
        Answer answer = transport.exchange(op, attempt, budget, failures);
        if (answer.status == 429) {
            // Everyone waits what the server asked, but never longer than this client waits for a retry: a server
            // asking for an hour fails this call (see pause), it does not freeze every other call for the hour.
            Duration retryAfter = answer.retryAfter();
            transport
                    .limiter()
                    .rejected(
                            retryAfter == null || retryAfter.compareTo(config.maxRetryAfter()) <= 0
                                    ? retryAfter
                                    : null);
        } else if (answer.status != 0) {
            transport.limiter().accepted();
        }
        if (answer.progress()) {
            stall.progress();
        }
        return answer;
    }

    private AutumnApiException failed(Op op, Answer answer, CallBudget budget) {
        AutumnApiException failure = failures.failure(op, answer, budget);
        if (failure instanceof AutumnDeadlineException
                && ((AutumnDeadlineException) failure).setting() != ClientSetting.REQUEST_TIMEOUT) {
            throw failure; // the call's own time, or the client's, is up: no retry can help
        }
        budget.failed(failure);
        return failure;
    }

    private void pause(Op op, int attempt, Answer answer, AutumnApiException failure, CallBudget budget) {
        Duration delay;
        Duration retryAfter = answer.retryAfter();
        if (retryAfter != null) {
            if (retryAfter.compareTo(config.maxRetryAfter()) > 0) {
                throw failure;
            }
            delay = retryAfter;
        } else {
            delay = backoff(attempt);
        }
        ClientSetting outlasted = budget.outlasts(delay);
        if (outlasted != null) {
            if (outlasted == ClientSetting.STALL_TIMEOUT) {
                stall.trip();
            }
            throw failures.deadline(op, outlasted, budget);
        }
        String reason;
        if (answer.status == 0) {
            reason = "I/O: " + failures.scrub(answer.ioFailure.toString());
        } else if (answer.garbled) {
            reason = answer.status + " with a garbled JSON answer";
        } else {
            reason = answer.status + (answer.code == null ? "" : " " + failures.scrub(answer.code));
        }
        config.listener()
                .retrying(new ClientListener.RetryEvent(
                        op.method, op.route(config.baseUrl()), op.entityId, attempt, delay, reason));
        try {
            config.clock().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.interrupted(op, failure);
        }
    }

    /** Exponential with equal jitter: half the step fixed, half random; capped at max backoff. */
    Duration backoff(int attempt) {
        long initial = config.initialBackoff().toNanos();
        long max = config.maxBackoff().toNanos();
        long step = initial;
        for (int i = 1; i < attempt && step < max; i++) {
            step = step > max / 2 ? max : step * 2;
        }
        step = Math.min(step, max);
        double jitter = Math.max(0, Math.min(1, config.jitter().getAsDouble()));
        return Duration.ofNanos(step / 2 + (long) (jitter * (step / 2)));
    }
}
