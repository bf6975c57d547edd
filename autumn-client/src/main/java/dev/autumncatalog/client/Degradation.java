package dev.autumncatalog.client;

import java.util.Objects;

/**
 * Why a {@link CheckResult} was not decided by Autumn's balances: the client failed open or closed after a failure
 * ({@link #cause()} says which), or Autumn itself allowed the check fail-open (202, degraded service downstream; no
 * cause).
 *
 * <p>A degraded check did nothing on Autumn's side: with {@code sendEvent} it recorded no usage (track it yourself if
 * the work goes ahead), and with a {@link Lock} it reserved nothing (finalizing that lock later answers 400 "Lock not
 * found").
 *
 * @param reason what happened, in words; never contains the secret key
 * @param cause the failure the client's {@link CheckFailurePolicy} answered, or {@code null} when Autumn answered 202
 */
public record Degradation(String reason, AutumnException cause) {

    /** Checks the reason. */
    public Degradation {
        Objects.requireNonNull(reason, "reason");
    }
}
