package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Autumn routes the sandbox serves: the RPC form ({@code POST /v1/plans.update}) and the REST forms of the catalog
 * ({@code /v1/products}, {@code /v1/plans}, {@code /v1/features}) and of customers, each mapped to its handler.
 */
final class Routes {
    /** A route's work: body and query in, 2.3.0 answer out. */
    interface Handler {
        JsonNode handle(ObjectNode body, Map<String, String> query);
    }

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
            "rewards.",
            "referral_programs.");

    private final Map<String, Handler> rpc = new HashMap<>();
    private final FeatureHandlers features;
    private final PlanHandlers plans;
    private final PlanUpdate planUpdate;
    private final CustomerHandlers customers;

    /** Every handler the routes call. */
    record Handlers(
            FeatureHandlers features,
            PlanHandlers plans,
            PlanUpdate planUpdate,
            CustomerHandlers customers,
            CheckHandlers check,
            TrackHandlers track,
            GrantHandlers grants) {}

    Routes(Handlers h) {
        this.features = h.features();
        this.plans = h.plans();
        this.planUpdate = h.planUpdate();
        this.customers = h.customers();
        rpc.put("features.list", (body, q) -> features.list());
        rpc.put("features.get", (body, q) -> features.get(requiredId(body, "feature_id")));
        rpc.put("features.create", (body, q) -> features.create(body, "feature_id"));
        rpc.put("features.update", (body, q) -> features.update(requiredId(body, "feature_id"), body));
        rpc.put("features.delete", (body, q) -> features.delete(requiredId(body, "feature_id")));
        rpc.put(
                "plans.list",
                (body, q) -> plans.list(bodyFlag(body, "include_archived"), bodyFlag(body, "all_versions"), false));
        rpc.put("plans.get", (body, q) -> {
            JsonNode version = body.get("version");
            return plans.get(
                    requiredId(body, "plan_id"), version != null && version.isNumber() ? version.intValue() : null);
        });
        rpc.put("plans.create", (body, q) -> plans.create(plan(body, PlanParams.Kind.CREATE, "plan_id")));
        rpc.put("plans.update", (body, q) -> planUpdate.update(plan(body, PlanParams.Kind.UPDATE, "plan_id"), false));
        rpc.put("plans.delete", (body, q) -> plans.delete(requiredId(body, "plan_id"), bodyFlag(body, "all_versions")));
        rpc.put(
                "plans.has_customers",
                (body, q) -> plans.hasCustomers(plan(body, PlanParams.Kind.HAS_CUSTOMERS, "plan_id")));
        rpc.put("customers.get_or_create", (body, q) -> customers.getOrCreate(body, "customer_id"));
        rpc.put("customers.get", (body, q) -> customers.get(body));
        rpc.put("entities.create", (body, q) -> customers.createEntity(body));
        rpc.put("entities.get", (body, q) -> customers.getEntity(body));
        rpc.put("entities.delete", (body, q) -> customers.deleteEntity(body));
        rpc.put("billing.attach", (body, q) -> customers.attach(body));
        rpc.put("balances.check", (body, q) -> h.check().check(body));
        rpc.put("balances.track", (body, q) -> h.track().track(body));
        rpc.put("balances.finalize", (body, q) -> h.track().finalizeLock(body));
        rpc.put("balances.create", (body, q) -> h.grants().create(body));
        // The pre-RPC paths of the same handlers.
        rpc.put("check", rpc.get("balances.check"));
        rpc.put("track", rpc.get("balances.track"));
    }

    /**
     * Routes the real server rate-limits in buckets of their own (per customer, or per minute), not in the general
     * 25-per-second one ({@code rateLimitConfigs.ts}): check, track, finalize, customer reads and creates, entity reads,
     * attach.
     */
    private static final List<String> OWN_BUCKET = List.of(
            "balances.check",
            "check",
            "balances.track",
            "track",
            "balances.finalize",
            "customers.get",
            "customers.get_or_create",
            "customers",
            "entities.get",
            "billing.attach");

    /** Whether {@code /v1/<first>…} counts against Autumn's general rate limit. */
    static boolean generalBucket(List<String> segments) {
        return !OWN_BUCKET.contains(segments.get(1));
    }

    /** Whether {@code /v1/<first>} is a real Autumn route that the sandbox does not serve. */
    static boolean notServed(String first) {
        return NOT_SERVED.stream().anyMatch(first::startsWith);
    }

    /** The handler for the request, or {@code null} when the sandbox has no such route. */
    Handler match(String method, List<String> s) {
        String first = s.get(1);
        if (s.size() == 2 && rpc.containsKey(first)) {
            return "POST".equals(method) ? rpc.get(first) : null;
        }
        if ("customers".equals(first)) {
            return customer(method, s);
        }
        if ("products".equals(first) || "plans".equals(first)) {
            return plan(method, s);
        }
        if ("features".equals(first)) {
            return feature(method, s);
        }
        return null;
    }

    private Handler customer(String method, List<String> s) {
        if (s.size() == 2 && "POST".equals(method)) {
            return (body, q) -> customers.getOrCreate(body, "id");
        }
        if (s.size() == 3 && "GET".equals(method)) {
            String id = s.get(2);
            return (body, q) -> customers.get(id);
        }
        return null;
    }

    private Handler plan(String method, List<String> s) {
        if (s.size() == 2) {
            if ("GET".equals(method)) {
                return (body, q) -> plans.list(flag(q, "include_archived"), flag(q, "all_versions"), true);
            }
            return "POST".equals(method) ? (body, q) -> plans.create(plan(body, PlanParams.Kind.CREATE, "id")) : null;
        }
        String id = s.get(2);
        if (s.size() == 3) {
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
        if (s.size() == 4 && "has_customers".equals(s.get(3)) && "POST".equals(method)) {
            return (body, q) -> plans.hasCustomers(PlanParams.parse(body, PlanParams.Kind.HAS_CUSTOMERS, null, id));
        }
        if (s.size() == 4 && "deletion_info".equals(s.get(3)) && "GET".equals(method)) {
            return (body, q) -> plans.deletionInfo(id);
        }
        return null;
    }

    private Handler feature(String method, List<String> s) {
        if (s.size() == 2) {
            if ("GET".equals(method)) {
                return (body, q) -> features.list();
            }
            return "POST".equals(method) ? (body, q) -> features.create(body, "id") : null;
        }
        String id = s.get(2);
        if (s.size() == 3) {
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
        if (s.size() == 4 && "deletion_info".equals(s.get(3)) && "GET".equals(method)) {
            return (body, q) -> features.deletionInfo(id);
        }
        return null;
    }

    private static PlanParams plan(ObjectNode body, PlanParams.Kind kind, String idKey) {
        return PlanParams.parse(body, kind, idKey, null);
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
}
