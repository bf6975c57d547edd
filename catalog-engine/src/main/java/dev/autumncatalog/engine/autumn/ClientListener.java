package dev.autumncatalog.engine.autumn;

import java.time.Duration;

/**
 * Progress of the HTTP client, for logs. Events carry the method, the route without host (never the secret key) and
 * the entity id when there is one. Implementations must be thread-safe and quick; the defaults do nothing.
 *
 * <pre>{@code
 * ClientListener log = new ClientListener() {
 *     public void retrying(RetryEvent e) { logger.warn("retrying " + e); }
 * };
 * }</pre>
 */
public interface ClientListener {
    /** A listener that ignores every event. */
    ClientListener NONE = new ClientListener() {};

    /** A request is about to be sent; {@code attempt} is 1 for the first try. */
    default void requestSent(RequestEvent event) {}

    /** An answer came back (any status). */
    default void responseReceived(ResponseEvent event) {}

    /** The request failed and will be tried again after {@code delay}. */
    default void retrying(RetryEvent event) {}

    /** The client-side rate limiter held a request back. */
    default void throttled(Duration wait) {}

    /**
     * A request about to be sent.
     *
     * @param method {@code POST} or {@code GET}
     * @param route the route without host, {@code /v1/plans.update}
     * @param entityId the plan or feature id, or {@code null}
     * @param attempt 1 for the first try
     */
    record RequestEvent(String method, String route, String entityId, int attempt) {
        @Override
        public String toString() {
            return method + " " + route + (entityId == null ? "" : " (" + entityId + ")") + " attempt " + attempt;
        }
    }

    /**
     * An answer.
     *
     * @param method {@code POST} or {@code GET}
     * @param route the route without host
     * @param entityId the plan or feature id, or {@code null}
     * @param status the HTTP status
     * @param elapsed time from sending to the end of the answer
     */
    record ResponseEvent(String method, String route, String entityId, int status, Duration elapsed) {
        @Override
        public String toString() {
            return method + " " + route + (entityId == null ? "" : " (" + entityId + ")") + " → " + status + " in "
                    + elapsed.toMillis() + " ms";
        }
    }

    /**
     * A retry about to happen.
     *
     * @param method {@code POST} or {@code GET}
     * @param route the route without host
     * @param entityId the plan or feature id, or {@code null}
     * @param attempt the attempt that failed, 1-based
     * @param delay how long the client waits before the next attempt
     * @param reason why: {@code 429}, {@code 503 internal_error}, {@code I/O: timeout}
     */
    record RetryEvent(String method, String route, String entityId, int attempt, Duration delay, String reason) {
        @Override
        public String toString() {
            return method + " " + route + (entityId == null ? "" : " (" + entityId + ")") + " attempt " + attempt
                    + " failed (" + reason + "), retrying in " + delay.toMillis() + " ms";
        }
    }
}
