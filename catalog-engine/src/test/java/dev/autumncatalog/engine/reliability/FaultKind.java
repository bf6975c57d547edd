package dev.autumncatalog.engine.reliability;

import dev.autumncatalog.sandbox.Fault;
import java.time.Duration;
import java.util.function.Supplier;

/** The faults of the matrix, each played once, at one request number. */
enum FaultKind {
    HTTP_500("500 internal_error", () -> Fault.status(500)),
    HTTP_503("503 service_unavailable", () -> Fault.status(503)),
    RATE_LIMITED("429 with Retry-After: 2", () -> Fault.rateLimited(Duration.ofSeconds(2))),
    RESET_BEFORE("connection reset before processing", Fault::resetConnection),
    RESET_AFTER("connection reset after processing", Fault::resetConnectionAfterProcessing),
    READ_TIMEOUT(
            "read timeout (answer after " + FaultKind.DELAY_MS + " ms, timeout " + FaultKind.TIMEOUT_MS
                    + " ms; applied late)",
            () -> Fault.delay(Duration.ofMillis(FaultKind.DELAY_MS))),
    MALFORMED_JSON("malformed JSON with 200 (not applied)", () -> Fault.malformedJson(200)),
    TRUNCATED_JSON("truncated JSON with 200 (applied)", Fault::truncatedJson);

    /** The client's read timeout in {@link #READ_TIMEOUT} cases (a constant: enum constants may read it). */
    static final long TIMEOUT_MS = 200;
    /** How late the sandbox answers in {@link #READ_TIMEOUT} cases. */
    static final long DELAY_MS = 500;

    private final String label;
    private final Supplier<Fault> fault;

    FaultKind(String label, Supplier<Fault> fault) {
        this.label = label;
        this.fault = fault;
    }

    String label() {
        return label;
    }

    Fault fault() {
        return fault.get();
    }
}
