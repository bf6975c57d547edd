package dev.autumncatalog.client;

/**
 * What {@link AutumnClient#check(CheckRequest) check} answers when Autumn cannot: no answer within the deadline, a
 * network failure, a 5xx, a 429 or an unreadable answer. Whatever the policy, answers that mean the call itself is
 * wrong (an unknown customer or feature, a bad key, invalid input: 4xx other than 429) are thrown as typed {@link
 * AutumnApiException}s, as Autumn's own SDKs do.
 *
 * <pre>{@code
 * AutumnClient autumn = AutumnClient.builder()
 *         .secretKey(System.getenv("AUTUMN_SECRET_KEY"))
 *         .checkFailurePolicy(CheckFailurePolicy.FAIL_CLOSED)
 *         .build();
 * }</pre>
 */
public enum CheckFailurePolicy {
    /**
     * The default, as in Autumn's SDKs: the result is {@code allowed} and {@linkplain CheckResult#degraded() degraded},
     * carrying the cause, so the work goes on and the service can tell. A warning is logged.
     */
    FAIL_OPEN,
    /** The result is not {@code allowed} and {@linkplain CheckResult#degraded() degraded}, carrying the cause. */
    FAIL_CLOSED,
    /** The typed failure is thrown ({@link AutumnTransportException}, {@link AutumnServerException}, …). */
    THROW
}
