package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a request to the catalog, the way Autumn's Hono app does: route match (an unknown route or a {@code GET} on an
 * RPC path answers 401 {@code no_auth_header}), secret key, {@code X-API-Version}, idempotency key, body, handler.
 */
final class Router {
    static final String APPLICATION_JSON = "application/json";

    private static final List<String> KNOWN_VERSIONS = List.of("1.2.0", "2.0.0", "2.1.0", "2.2.0", "2.3.0");
    private static final List<String> SERVED_VERSIONS = List.of("2.1.0", "2.2.0", "2.3.0");
    private static final Set<String> RPC = Set.of(
            "features.list",
            "features.get",
            "features.create",
            "features.update",
            "features.delete",
            "plans.list",
            "plans.get",
            "plans.create",
            "plans.update",
            "plans.delete",
            "plans.has_customers");
    /** Real Autumn routes the sandbox knows it does not serve; they get an honest 501 instead of a fake answer. */
    private static final List<String> NOT_SERVED = List.of(
            "plans.preview_update",
            "catalog.",
            "customers",
            "billing.",
            "attach",
            "checkout",
            "entities",
            "balances",
            "events",
            "track",
            "check",
            "rewards.",
            "referral_programs.");

    /** An answer. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {}

    /** A request as the router needs it; header names are lower case. */
    record Request(String method, String rawPath, String query, Map<String, String> headers, String body) {}

    private final FeatureHandlers features;
    private final PlanHandlers plans;
    private final PlanUpdate planUpdate;
    private final List<String> secretKeys;
    private final Set<String> idempotencyKeys = new HashSet<>();

    Router(FeatureHandlers features, PlanHandlers plans, PlanUpdate planUpdate, List<String> secretKeys) {
        this.features = features;
        this.plans = plans;
        this.planUpdate = planUpdate;
        this.secretKeys = List.copyOf(secretKeys);
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
        List<String> segments = segments(request.rawPath());
        if (segments.isEmpty() || !"v1".equals(segments.get(0)) || segments.size() < 2) {
            throw noSession();
        }
        String first = segments.get(1);
        Handler handler = match(request.method(), segments);
        if (handler == null) {
            if (segments.size() == 2 && notServed(first)) {
                throw new ApiError(
                        501,
                        "sandbox_not_implemented",
                        "The local Autumn sandbox (a test double, not Autumn) does not implement " + request.method()
                                + " /v1/" + first + "; it serves features.*, plans.* and their REST forms."
                                + " Use AutumnSandbox.addCustomer(planId) for customers.");
            }
            throw noSession();
        }
        authenticate(request.headers().get("authorization"));
        checkVersion(request.headers().get("x-api-version"));
        String idempotencyKey = request.headers().get("idempotency-key");
        if (idempotencyKey != null) {
            synchronized (idempotencyKeys) {
                if (!idempotencyKeys.add(idempotencyKey)) {
                    throw new ApiError(
                            409,
                            "duplicate_idempotency_key",
                            "Another request with idempotency key " + idempotencyKey + " has already been received");
                }
            }
        }
        Response response;
        try {
            response = ok(handler.handle(body(request.body()), query(request.query())));
        } catch (ApiError e) {
            response = error(e);
        }
        if (idempotencyKey != null && response.status() >= 400 && response.status() != 409) {
            synchronized (idempotencyKeys) {
                idempotencyKeys.remove(idempotencyKey); // Autumn frees the key after a failure
            }
        }
        return response;
    }

    private static boolean notServed(String name) {
        for (String prefix : NOT_SERVED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A route's work: body and query in, 2.3.0 answer out. */
    private interface Handler {
        JsonNode handle(ObjectNode body, Map<String, String> query);
    }

    private Handler match(String method, List<String> s) {
        String first = s.get(1);
        if (s.size() == 2 && RPC.contains(first)) {
            return "POST".equals(method) ? rpc(first) : null;
        }
        boolean products = "products".equals(first) || "plans".equals(first);
        boolean featuresRoute = "features".equals(first);
        if (s.size() == 2 && products) {
            if ("GET".equals(method)) {
                return (body, q) -> plans.list(flag(q, "include_archived"), flag(q, "all_versions"), true);
            }
            if ("POST".equals(method)) {
                return (body, q) -> plans.create(PlanParams.parse(body, PlanParams.Kind.CREATE, "id", null));
            }
            return null;
        }
        if (s.size() == 3 && products) {
            String id = s.get(2);
            switch (method) {
                case "GET":
                    return (body, q) -> plans.get(id, intOrNull(q.get("version")));
                case "POST":
                case "PATCH":
                    return (body, q) -> {
                        PlanParams params = PlanParams.parse(body, PlanParams.Kind.UPDATE, null, id);
                        if (q.containsKey("version")) {
                            params.version = intOrNull(q.get("version"));
                        }
                        params.disableVersion |= flag(q, "disable_version");
                        return planUpdate.update(params, true);
                    };
                case "DELETE":
                    return (body, q) -> plans.delete(id, flag(q, "all_versions"));
                default:
                    return null;
            }
        }
        if (s.size() == 4 && products && "has_customers".equals(s.get(3)) && "POST".equals(method)) {
            String id = s.get(2);
            return (body, q) -> plans.hasCustomers(PlanParams.parse(body, PlanParams.Kind.HAS_CUSTOMERS, null, id));
        }
        if (s.size() == 4 && products && "deletion_info".equals(s.get(3)) && "GET".equals(method)) {
            String id = s.get(2);
            return (body, q) -> plans.deletionInfo(id);
        }
        if (s.size() == 2 && featuresRoute) {
            if ("GET".equals(method)) {
                return (body, q) -> features.list();
            }
            if ("POST".equals(method)) {
                return (body, q) -> features.create(body, "id");
            }
            return null;
        }
        if (s.size() == 3 && featuresRoute) {
            String id = s.get(2);
            switch (method) {
                case "GET":
                    return (body, q) -> features.get(id);
                case "POST":
                    return (body, q) -> features.update(id, body);
                case "DELETE":
                    return (body, q) -> features.delete(id);
                default:
                    return null;
            }
        }
        if (s.size() == 4 && featuresRoute && "deletion_info".equals(s.get(3)) && "GET".equals(method)) {
            String id = s.get(2);
            return (body, q) -> features.deletionInfo(id);
        }
        return null;
    }

    private Handler rpc(String name) {
        switch (name) {
            case "features.list":
                return (body, q) -> features.list();
            case "features.get":
                return (body, q) -> features.get(requiredId(body, "feature_id"));
            case "features.create":
                return (body, q) -> features.create(body, "feature_id");
            case "features.update":
                return (body, q) -> features.update(requiredId(body, "feature_id"), body);
            case "features.delete":
                return (body, q) -> features.delete(requiredId(body, "feature_id"));
            case "plans.list":
                return (body, q) ->
                        plans.list(bodyFlag(body, "include_archived"), bodyFlag(body, "all_versions"), false);
            case "plans.get":
                return (body, q) -> {
                    String id = requiredId(body, "plan_id");
                    JsonNode version = body.get("version");
                    return plans.get(id, version != null && version.isNumber() ? version.intValue() : null);
                };
            case "plans.create":
                return (body, q) -> plans.create(PlanParams.parse(body, PlanParams.Kind.CREATE, "plan_id", null));
            case "plans.update":
                return (body, q) ->
                        planUpdate.update(PlanParams.parse(body, PlanParams.Kind.UPDATE, "plan_id", null), false);
            case "plans.delete":
                return (body, q) -> plans.delete(requiredId(body, "plan_id"), bodyFlag(body, "all_versions"));
            case "plans.has_customers":
                return (body, q) ->
                        plans.hasCustomers(PlanParams.parse(body, PlanParams.Kind.HAS_CUSTOMERS, "plan_id", null));
            default:
                return null;
        }
    }

    private void authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiError(401, "no_secret_key", "Secret key not found in Authorization header");
        }
        String key = authorization.substring("Bearer ".length()).trim();
        if (!secretKeys.contains(key)) {
            throw new ApiError(401, "invalid_secret_key", "Invalid secret key: " + mask(key));
        }
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

    private static String requiredId(ObjectNode body, String key) {
        Inputs in = new Inputs();
        String id = in.requiredString(body, "", key);
        in.throwIfAny();
        return id;
    }

    private static boolean bodyFlag(ObjectNode body, String key) {
        JsonNode node = body.get(key);
        return node != null && node.asBoolean(false);
    }

    private static boolean flag(Map<String, String> query, String key) {
        return "true".equals(query.get(key));
    }

    private static Integer intOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
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
