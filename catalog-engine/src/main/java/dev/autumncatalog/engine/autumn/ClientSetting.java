package dev.autumncatalog.engine.autumn;

/**
 * The client options a user can set, named by the exceptions they bound ({@link AutumnApiException#setting()}), so a
 * front end can word the fix in its own terms (a build tool names its own property for {@code requestTimeout}) without
 * parsing messages.
 */
public enum ClientSetting {
    /** {@link AutumnClientConfig#requestTimeout()}: one request, connect to last byte of the answer. */
    REQUEST_TIMEOUT("requestTimeout"),
    /** {@link AutumnClientConfig#callTimeout()}: one call, its retries and waits included. */
    CALL_TIMEOUT("callTimeout"),
    /** {@link AutumnClientConfig#stallTimeout()}: no request completed while calls were waiting. */
    STALL_TIMEOUT("stallTimeout"),
    /** {@link AutumnClientConfig#maxAnswerBytes()}: the largest answer read. */
    MAX_ANSWER_BYTES("maxAnswerBytes"),
    /** {@link AutumnClientConfig#requestsPerSecond()}: the client's pace. */
    REQUESTS_PER_SECOND("requestsPerSecond");

    private final String option;

    ClientSetting(String option) {
        this.option = option;
    }

    /** The name of the option on {@link AutumnClientConfig.Builder}, such as {@code requestTimeout}. */
    public String option() {
        return option;
    }
}
