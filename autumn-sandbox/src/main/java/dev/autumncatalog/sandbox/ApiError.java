package dev.autumncatalog.sandbox;

/** An error answer, {@code {message, code, env}}, thrown by the sandbox's handlers and rendered by the router. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiError invalidInputs(String message) {
        return new ApiError(400, "invalid_inputs", message);
    }

    static ApiError invalidRequest(int status, String message) {
        return new ApiError(status, "invalid_request", message);
    }

    static ApiError featureNotFound(String featureId) {
        return new ApiError(404, "feature_not_found", "Feature " + featureId + " not found");
    }

    static ApiError productNotFound(String planId) {
        return new ApiError(404, "product_not_found", "Product " + planId + " not found");
    }
}
