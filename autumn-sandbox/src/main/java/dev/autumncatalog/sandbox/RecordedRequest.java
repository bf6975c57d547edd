package dev.autumncatalog.sandbox;

/**
 * One request as the sandbox received it, faulted ones included.
 *
 * @param number 1-based arrival number ({@link AutumnSandbox#requestCount()} right after it arrived)
 * @param method {@code POST}
 * @param path path without query, {@code /v1/plans.update}
 * @param query raw query string, or {@code ""}
 * @param apiVersion the {@code X-API-Version} header, or {@code null}
 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
 * @param body the body as text, {@code ""} when empty
 */
public record RecordedRequest(
        int number, String method, String path, String query, String apiVersion, String idempotencyKey, String body) {

    /** {@code "POST /v1/plans.update"}, handy in assertions. */
    public String line() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
