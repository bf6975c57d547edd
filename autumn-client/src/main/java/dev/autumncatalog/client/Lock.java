package dev.autumncatalog.client;

import java.time.Instant;

/**
 * A reservation made by a check: Autumn deducts the required balance at once and holds it under the lock id until
 * {@link AutumnClient#confirmLock(String) confirmLock} keeps it or {@link AutumnClient#releaseLock(String) releaseLock}
 * gives it back.
 *
 * <pre>{@code
 * String lockId = "job-" + jobId;
 * CheckResult held = autumn.check(CheckRequest.of(customerId, Metered.AI_TOKENS)
 *         .requiredBalance(estimate)
 *         .lock(Lock.of(lockId).expiresAt(Instant.now().plus(Duration.ofMinutes(10)))));
 * if (held.allowed()) {
 *     long used = runJob();
 *     autumn.confirmLock(lockId, BigDecimal.valueOf(used));
 * }
 * }</pre>
 *
 * @param lockId the lock's id, at most 256 characters; finalizing it twice answers 400 "Lock not found"
 * @param expiresAt when Autumn releases the hold by itself, or {@code null}
 */
public record Lock(String lockId, Instant expiresAt) {

    /** Checks the lock id. */
    public Lock {
        Ids.required(lockId, "lockId");
        if (lockId.length() > 256) {
            throw new IllegalArgumentException(
                    "lockId is " + lockId.length() + " characters; Autumn takes at most 256");
        }
    }

    /** A lock with id {@code lockId} that holds until finalized. */
    public static Lock of(String lockId) {
        return new Lock(lockId, null);
    }

    /** This lock, released by Autumn at {@code expiresAt} if not finalized before. */
    public Lock expiresAt(Instant expiresAt) {
        return new Lock(lockId, expiresAt);
    }
}
