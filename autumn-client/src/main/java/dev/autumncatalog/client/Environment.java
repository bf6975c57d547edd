package dev.autumncatalog.client;

/**
 * An Autumn environment. The secret key alone selects it: {@code am_sk_test_…} is the sandbox, {@code am_sk_live_…}
 * production. Set the one you expect with {@link AutumnClient.Builder#expectEnvironment(Environment)} and a key of the
 * other is refused when the client is built.
 */
public enum Environment {
    /** Test data; keys start with {@code am_sk_test_}. */
    SANDBOX("sandbox", "am_sk_test_"),
    /** Production; keys start with {@code am_sk_live_}. */
    LIVE("live", "am_sk_live_");

    private final String wire;
    private final String keyPrefix;

    Environment(String wire, String keyPrefix) {
        this.wire = wire;
        this.keyPrefix = keyPrefix;
    }

    /** The secret-key prefix of this environment: {@code am_sk_test_} or {@code am_sk_live_}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Autumn's word for it: {@code sandbox} or {@code live}. */
    public String wire() {
        return wire;
    }

    /** The environment of Autumn's word {@code wire}, or {@code null} for any other word. */
    static Environment fromWire(String wire) {
        for (Environment environment : values()) {
            if (environment.wire.equals(wire)) {
                return environment;
            }
        }
        return null;
    }
}
