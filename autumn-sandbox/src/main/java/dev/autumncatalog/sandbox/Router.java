package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a request through Autumn's pipeline, as its Hono app does: route match (an unknown route or a {@code GET} on
 * an RPC path answers 401 {@code no_auth_header}), secret key, {@code X-API-Version}, idempotency key, body, handler,
 * error shape. Also serves the sandbox's own control route, {@code /_sandbox/clock}, which is not Autumn's.
 */
final class Router {
    static final String APPLICATION_JSON = "application/json";
    static final String CLOCK_PATH = "/_sandbox/clock";

    private static final List<String> KNOWN_VERSIONS = List.of("1.2.0", "2.0.0", "2.1.0", "2.2.0", "2.3.0");
    private static final List<String> SERVED_VERSIONS = List.of("2.1.0", "2.2.0", "2.3.0");

    /** An answer. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {}

    /** A request as the router needs it; header names are lower case. */
    record Request(String method, String rawPath, String query, Map<String, String> headers, String body) {}

    private final Routes routes;
    private final List<String> secretKeys;
    private final IdempotencyKeys idempotency;
    private final SandboxClock clock;
    private final RateLimiter rateLimiter;

    /**
     * @param rateLimiter Autumn's general rate limit, or {@code null} for none (the default)
     */
    Router(
            Routes routes,
            List<String> secretKeys,
            IdempotencyKeys idempotency,
            SandboxClock clock,
            RateLimiter rateLimiter) {
        this.routes = routes;
        this.secretKeys = List.copyOf(secretKeys);
        this.idempotency = idempotency;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
    }

    Response handle(Request request) {
        try {
            return route(request);
        } catch (ApiError e) {
            return error(e);
        } catch (RuntimeException e) {
            return error(new ApiError(500, "internal_error", "Local Autumn sandbox failure: " + e));
        }
    }

    private Response route(Request request) {
        if (CLOCK_PATH.equals(request.rawPath())) {
            authenticate(request.headers().get("authorization"));
            return ok(clock(request.method(), body(request.body())));
        }
        List<String> segments = segments(request.rawPath());
        if (segments.isEmpty() || !"v1".equals(segments.get(0)) || segments.size() < 2) {
            throw noSession();
        }
        String first = segments.get(1);
        Routes.Handler handler = routes.match(request.method(), segments);
        if (handler == null) {
            if (segments.size() == 2 && Routes.notServed(first)) {
                throw new ApiError(
                        501,
                        "sandbox_not_implemented",
                        "The local Autumn sandbox (a test double, not Autumn) does not implement " + request.method()
                                + " /v1/" + first + "; see autumn-sandbox/README.md for what it serves.");
            }
            throw noSession();
        }
        String secretKey = authenticate(request.headers().get("authorization"));
        checkVersion(request.headers().get("x-api-version"));
        Map<String, String> limitHeaders = Map.of();
        if (rateLimiter != null && Routes.generalBucket(segments)) {
            RateLimiter.Decision decision = rateLimiter.admit(secretKey);
            if (!decision.allowed()) {
                return new Response(429, RateLimiter.CONTENT_TYPE, RateLimiter.BODY, decision.headers());
            }
            limitHeaders = decision.headers();
        }
        String idempotencyKey = request.headers().get("idempotency-key");
        if (idempotencyKey != null) {
            idempotency.claim(idempotencyKey);
        }
        Response response;
        try {
            response = ok(handler.handle(body(request.body()), query(request.query())));
        } catch (ApiError e) {
            response = error(e);
        }
        if (idempotencyKey != null) {
            idempotency.settle(idempotencyKey, response.status()); // Autumn frees the key after a failure
        }
        if (!limitHeaders.isEmpty()) {
            response = new Response(response.status(), response.contentType(), response.body(), limitHeaders);
        }
        return response;
    }

    /**
     * {@code GET /_sandbox/clock} reads the sandbox clock; {@code POST} with {@code advance} (ISO-8601 duration),
     * {@code advance_ms}, {@code set} (ISO-8601 instant) or {@code set_ms} moves it. Answers {@code {now, now_ms}}.
     */
    private ObjectNode clock(String method, ObjectNode body) {
        if ("POST".equals(method)) {
            try {
                if (body.hasNonNull("advance")) {
                    clock.advance(Duration.parse(body.get("advance").asText()));
                } else if (body.hasNonNull("advance_ms")) {
                    clock.advance(Duration.ofMillis(body.get("advance_ms").asLong()));
                } else if (body.hasNonNull("set")) {
                    clock.set(Instant.parse(body.get("set").asText()));
                } else if (body.hasNonNull("set_ms")) {
                    clock.set(Instant.ofEpochMilli(body.get("set_ms").asLong()));
                } else {
                    throw ApiError.invalidInputs(
                            "POST /_sandbox/clock needs one of advance (ISO-8601 duration such as \"P31D\"),"
                                    + " advance_ms, set (ISO-8601 instant) or set_ms");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ApiError.invalidInputs("POST /_sandbox/clock: " + e.getMessage());
            }
        } else if (!"GET".equals(method)) {
            throw new ApiError(405, "method_not_allowed", "/_sandbox/clock answers GET and POST");
        }
        return Json.object().put("now", clock.now().toString()).put("now_ms", clock.millis());
    }

    /** The secret key of the request, or the 401 the real server answers. */
    private String authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiError(401, "no_secret_key", "Secret key not found in Authorization header");
        }
        String key = authorization.substring("Bearer ".length()).trim();
        if (!secretKeys.contains(key)) {
            throw new ApiError(401, "invalid_secret_key", "Invalid secret key: " + mask(key));
        }
        return key;
    }

    /** Autumn's masking: the first 15 characters, then one {@code *} per remaining character. */
    static String mask(String key) {
        if (key.length() <= 15) {
            return key;
        }
        return key.substring(0, 15) + "*".repeat(key.length() - 15);
    }

    private static void checkVersion(String version) {
        if (version == null || SERVED_VERSIONS.contains(version)) {
            return; // a new org defaults to 2.3.0
        }
        if (!KNOWN_VERSIONS.contains(version)) {
            throw new ApiError(400, "invalid_api_version", "\"" + version + "\" is not a valid API version");
        }
        throw new ApiError(
                400,
                "sandbox_unsupported_api_version",
                "The local Autumn sandbox (a test double, not Autumn) answers only X-API-Version 2.1.0 to 2.3.0, not "
                        + version);
    }

    /** Autumn treats a body that is not a JSON object as empty, so the schema reports the missing fields. */
    private static ObjectNode body(String text) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = Json.WIRE.readTree(text);
            return node != null && node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(decode(key), decode(value));
        }
        return query;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new java.util.ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(decode(part));
            }
        }
        return segments;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ApiError noSession() {
        return new ApiError(401, "no_auth_header", "Unauthorized - no session found");
    }

    private static Response ok(JsonNode body) {
        return new Response(200, APPLICATION_JSON, write(body), Map.of());
    }

    static Response error(ApiError e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", e.getMessage());
        body.put("code", e.code());
        body.put("env", "sandbox");
        return new Response(e.status(), APPLICATION_JSON, write(body), Map.of());
    }

    static String write(JsonNode node) {
        return Json.write(node);
    }
}
