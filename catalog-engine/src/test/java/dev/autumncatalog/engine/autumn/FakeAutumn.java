package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A small stateful Autumn for MockWebServer, written from the recordings (exchanges-2x/README.md): the 2.x RPC
 * feature and plan routes, the deletion_info routes, the server's defaults and normalisations, partial plan updates
 * that un-archive unless {@code archived} is sent, versions when the latest version has customers, delete refusals,
 * 401 {@code no_auth_header} for unknown routes. {@code FakeAutumnTest} checks its answers against the recorded ones.
 * It is test scaffolding, not the sandbox (the {@code autumn-sandbox} module owns that).
 */
final class FakeAutumn extends Dispatcher {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Set<String> INTERVALS =
            Set.of("one_off", "minute", "hour", "day", "week", "month", "quarter", "semi_annual", "year");
    private static final Set<String> PRICE_INTERVALS =
            Set.of("one_off", "week", "month", "quarter", "semi_annual", "year");

    private final String key;
    private final Map<String, ObjectNode> features = new LinkedHashMap<>();
    /** Every version of every plan, oldest first. */
    private final Map<String, List<ObjectNode>> plans = new LinkedHashMap<>();
    /** Customers per plan id and version. */
    private final Map<String, Map<Integer, Integer>> customers = new LinkedHashMap<>();

    private long clock = 1_795_333_616_000L;

    FakeAutumn(String key) {
        this.key = key;
    }

    synchronized void reset() {
        features.clear();
        plans.clear();
        customers.clear();
    }

    /** One more customer on the latest version of a plan. */
    synchronized void addCustomer(String planId) {
        List<ObjectNode> versions = plans.get(planId);
        if (versions == null) {
            throw new IllegalArgumentException("no plan " + planId);
        }
        customers.computeIfAbsent(planId, id -> new LinkedHashMap<>()).merge(versions.size(), 1, Integer::sum);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return error(401, "no_secret_key", "Secret key not found in Authorization header");
        }
        if (!auth.equals("Bearer " + key)) {
            return error(401, "invalid_secret_key", "Invalid secret key: am_sk_test_****");
        }
        String version = request.getHeaders().get("X-API-Version");
        if (version != null && !version.matches("(1\\.2|2\\.[0-3])\\.0")) {
            return error(400, "invalid_api_version", "\"" + version + "\" is not a valid API version");
        }
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        try {
            if (method.equals("GET") && path.matches("/v1/products/[^/]+/deletion_info")) {
                return planDeletionInfo(path.split("/")[3]);
            }
            if (method.equals("GET") && path.matches("/v1/features/[^/]+/deletion_info")) {
                return featureDeletionInfo(path.split("/")[3]);
            }
            if (!method.equals("POST")) {
                return error(401, "no_auth_header", "Unauthorized - no session found");
            }
            JsonNode body = request.getBody() == null || request.getBody().size() == 0
                    ? NODES.objectNode()
                    : Json.parse(request.getBody().utf8());
            switch (path) {
                case "/v1/features.list":
                    return ok(list(new ArrayList<>(features.values())));
                case "/v1/features.get":
                    return featureGet(body);
                case "/v1/features.create":
                    return featureCreate(body);
                case "/v1/features.update":
                    return featureUpdate(body);
                case "/v1/features.delete":
                    return featureDelete(body);
                case "/v1/plans.list":
                    return plansList(body);
                case "/v1/plans.get":
                    return planGet(body);
                case "/v1/plans.create":
                    return planCreate(body);
                case "/v1/plans.update":
                    return planUpdate(body);
                case "/v1/plans.delete":
                    return planDelete(body);
                case "/v1/plans.has_customers":
                    return planHasCustomers(body);
                default:
                    return error(401, "no_auth_header", "Unauthorized - no session found");
            }
        } catch (Refusal refusal) {
            return refusal.response;
        }
    }

    // ------------------------------------------------------------------ features

    private MockResponse featureGet(JsonNode body) {
        return ok(feature(text(body, "feature_id")));
    }

    private ObjectNode feature(String id) {
        ObjectNode feature = id == null ? null : features.get(id);
        if (feature == null) {
            throw new Refusal(error(404, "feature_not_found", "Feature " + id + " not found"));
        }
        return feature;
    }

    private MockResponse featureCreate(JsonNode body) {
        String id = text(body, "feature_id");
        if (id == null) {
            throw invalid("feature_id: must be a string (received undefined)");
        }
        String name = text(body, "name");
        if (name == null || name.isEmpty()) {
            throw invalid("name: must be a string (received undefined)");
        }
        String type = text(body, "type");
        if (!Set.of("boolean", "metered", "credit_system").contains(String.valueOf(type))) {
            throw invalid("type: must be one of: boolean, metered, credit_system, ai_credit_system");
        }
        if (features.containsKey(id)) {
            throw new Refusal(error(409, "duplicate_feature_id", "Feature " + id + " already exists"));
        }
        ObjectNode feature = NODES.objectNode();
        feature.put("id", id);
        feature.put("name", name);
        feature.put("type", type);
        feature.put("consumable", consumable(type, body.path("consumable").asBoolean(false)));
        if (type.equals("credit_system")) {
            feature.set("credit_schema", creditSchema(body.get("credit_schema")));
        }
        feature.set("event_names", body.has("event_names") ? body.get("event_names") : NODES.arrayNode());
        feature.put("archived", false);
        features.put(id, feature);
        return ok(feature);
    }

    private static boolean consumable(String type, boolean requested) {
        return type.equals("credit_system") || (type.equals("metered") && requested);
    }

    private ArrayNode creditSchema(JsonNode schema) {
        if (schema == null || !schema.isArray() || schema.isEmpty()) {
            throw new Refusal(
                    error(400, "invalid_feature", "At least one metered feature is required for credit system"));
        }
        for (JsonNode entry : schema) {
            ObjectNode member = features.get(entry.path("metered_feature_id").asText());
            if (member != null
                    && member.path("type").asText().equals("metered")
                    && !member.path("consumable").asBoolean()) {
                throw new Refusal(error(
                        400,
                        "invalid_feature",
                        "Credit system schema cannot reference continuous feature "
                                + member.get("id").asText()
                                + ". Only consumable (single-use) metered features are allowed."));
            }
        }
        return (ArrayNode) schema.deepCopy();
    }

    private MockResponse featureUpdate(JsonNode body) {
        ObjectNode feature = feature(text(body, "feature_id"));
        if (body.has("name")) {
            feature.put("name", text(body, "name"));
        }
        if (body.has("type")) {
            String type = text(body, "type");
            if (!type.equals(feature.get("type").asText())
                    && usedByPlan(feature.get("id").asText()) > 0) {
                throw new Refusal(error(
                        400,
                        "invalid_feature",
                        "Cannot change type of feature " + feature.get("id").asText() + " because it is in use"));
            }
            feature.put("type", type);
        }
        String type = feature.get("type").asText();
        if (body.has("consumable") || body.has("type")) {
            feature.put("consumable", consumable(type, body.path("consumable").asBoolean(false)));
        }
        if (type.equals("credit_system") && body.has("credit_schema")) {
            feature.set("credit_schema", creditSchema(body.get("credit_schema")));
        }
        if (!type.equals("credit_system")) {
            feature.remove("credit_schema");
        }
        if (body.has("event_names")) {
            feature.set("event_names", body.get("event_names"));
        }
        if (body.has("archived")) {
            feature.put("archived", body.get("archived").asBoolean());
        }
        String newId = text(body, "new_feature_id");
        if (newId != null && !newId.equals(feature.get("id").asText())) {
            if (features.containsKey(newId)) {
                throw new Refusal(error(409, "duplicate_feature_id", "Feature " + newId + " already exists"));
            }
            String oldId = feature.get("id").asText();
            feature.put("id", newId);
            Map<String, ObjectNode> renamed = new LinkedHashMap<>();
            features.forEach((id, f) -> {
                if (!id.equals(oldId)) {
                    renamed.put(id, f);
                }
            });
            renamed.put(newId, feature); // a renamed feature moves to the end of the list (README)
            features.clear();
            features.putAll(renamed);
            for (List<ObjectNode> versions : plans.values()) {
                for (ObjectNode plan : versions) {
                    for (JsonNode item : plan.get("items")) {
                        if (item.path("feature_id").asText().equals(oldId)) {
                            ((ObjectNode) item).put("feature_id", newId);
                        }
                        if (item.path("entity_feature_id").asText().equals(oldId)) {
                            ((ObjectNode) item).put("entity_feature_id", newId);
                        }
                    }
                }
            }
            for (ObjectNode other : features.values()) {
                for (JsonNode entry : other.path("credit_schema")) {
                    if (entry.path("metered_feature_id").asText().equals(oldId)) {
                        ((ObjectNode) entry).put("metered_feature_id", newId);
                    }
                }
            }
        }
        return ok(feature);
    }

    private MockResponse featureDelete(JsonNode body) {
        String id = feature(text(body, "feature_id")).get("id").asText();
        for (ObjectNode other : features.values()) {
            for (JsonNode entry : other.path("credit_schema")) {
                if (entry.path("metered_feature_id").asText().equals(id)) {
                    throw new Refusal(error(
                            409,
                            "invalid_request",
                            "Feature " + id + " is used by credit system "
                                    + other.get("id").asText()));
                }
            }
        }
        if (usedByPlan(id) > 0) {
            throw new Refusal(error(
                    409,
                    "invalid_request",
                    "Feature " + id
                            + " is used in a product. You must delete the product first, or archive it instead."));
        }
        features.remove(id);
        return success();
    }

    private MockResponse featureDeletionInfo(String id) {
        feature(id);
        ObjectNode info = NODES.objectNode();
        String productName = null;
        for (List<ObjectNode> versions : plans.values()) {
            for (ObjectNode plan : versions) {
                for (JsonNode item : plan.get("items")) {
                    if (item.path("feature_id").asText().equals(id) && productName == null) {
                        productName = plan.get("name").asText();
                    }
                }
            }
        }
        info.put("productName", productName);
        info.put("totalCount", usedByPlan(id));
        return ok(info);
    }

    private int usedByPlan(String featureId) {
        int count = 0;
        for (List<ObjectNode> versions : plans.values()) {
            for (ObjectNode plan : versions) {
                for (JsonNode item : plan.get("items")) {
                    if (item.path("feature_id").asText().equals(featureId)
                            || item.path("entity_feature_id").asText().equals(featureId)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ plans

    private MockResponse plansList(JsonNode body) {
        boolean archived = body.path("include_archived").asBoolean(false);
        boolean all = body.path("all_versions").asBoolean(false);
        List<ObjectNode> list = new ArrayList<>();
        for (List<ObjectNode> versions : plans.values()) {
            for (ObjectNode plan : all ? versions : versions.subList(versions.size() - 1, versions.size())) {
                if (archived || !plan.get("archived").asBoolean()) {
                    list.add(plan);
                }
            }
        }
        return ok(list(list));
    }

    private MockResponse planGet(JsonNode body) {
        String id = text(body, "plan_id");
        ObjectNode latest = latest(id);
        if (!body.hasNonNull("version")) {
            return ok(latest);
        }
        int version = body.get("version").asInt();
        List<ObjectNode> versions = plans.get(id);
        if (version < 1 || version > versions.size()) {
            throw new Refusal(
                    error(404, "product_not_found", "Product " + id + " (version " + version + ") not found"));
        }
        return ok(versions.get(version - 1));
    }

    private ObjectNode latest(String id) {
        List<ObjectNode> versions = id == null ? null : plans.get(id);
        if (versions == null) {
            throw new Refusal(error(404, "product_not_found", "Product " + id + " not found"));
        }
        return versions.get(versions.size() - 1);
    }

    private MockResponse planCreate(JsonNode body) {
        String id = text(body, "plan_id");
        if (id == null || !ID.matcher(id).matches()) {
            throw invalid("plan_id: must contain only letters, numbers, underscores, hyphens");
        }
        String name = text(body, "name");
        if (name == null || name.isEmpty()) {
            throw invalid("name: name must be a non-empty string");
        }
        if (body.has("group") && body.get("group").isNull()) {
            throw invalid("group: must be a string (received null)");
        }
        if (plans.containsKey(id)) {
            throw new Refusal(error(400, "product_already_exists", "Product " + id + " already exists"));
        }
        ObjectNode plan = NODES.objectNode();
        plan.put("id", id);
        plan.put("name", name);
        plan.set("description", blankToNull(body.get("description")));
        plan.set("group", blankToNull(body.get("group")));
        plan.put("version", 1);
        plan.put("add_on", body.path("add_on").asBoolean(false));
        plan.put("auto_enable", body.path("auto_enable").asBoolean(false));
        plan.set("price", basePrice(body.get("price")));
        plan.set("items", items(body.get("items")));
        if (body.hasNonNull("free_trial")) {
            plan.set("free_trial", trial(body.get("free_trial")));
        }
        plan.put("created_at", clock++);
        plan.put("env", "sandbox");
        plan.put("archived", false);
        plan.set("config", NODES.objectNode().put("ignore_past_due", false));
        plan.set("billing_controls", NODES.objectNode());
        plan.set("metadata", NODES.objectNode());
        plan.putNull("base_variant_id");
        reorder(plan);
        List<ObjectNode> versions = new ArrayList<>();
        versions.add(plan);
        plans.put(id, versions);
        return ok(plan);
    }

    private MockResponse planUpdate(JsonNode body) {
        String id = text(body, "plan_id");
        ObjectNode current = latest(id);
        for (String field : List.of("group", "description")) {
            if (body.has(field) && body.get(field).isNull()) {
                throw invalid(field + ": must be a string (received null)");
            }
        }
        ObjectNode next = current.deepCopy();
        if (body.has("name")) {
            next.put("name", text(body, "name"));
        }
        if (body.has("description")) {
            next.set("description", blankToNull(body.get("description")));
        }
        if (body.has("group")) {
            next.set("group", blankToNull(body.get("group")));
        }
        if (body.has("add_on")) {
            next.put("add_on", body.get("add_on").asBoolean());
        }
        if (body.has("auto_enable")) {
            next.put("auto_enable", body.get("auto_enable").asBoolean());
        }
        if (body.has("price")) {
            next.set("price", basePrice(body.get("price")));
        }
        if (body.has("items")) {
            next.set("items", items(body.get("items")));
        }
        if (body.has("free_trial")) {
            if (body.get("free_trial").isNull()) {
                next.remove("free_trial");
            } else {
                next.set("free_trial", trial(body.get("free_trial")));
            }
        }
        // The schema defaults archived to false: an update without it un-archives (README trap).
        next.put("archived", body.path("archived").asBoolean(false));
        reorder(next);
        boolean versionable = customersOn(id, versionOf(current)) > 0
                && !body.path("disable_version").asBoolean(false)
                && billingDiffers(current, next);
        if (versionable) {
            current.put("auto_enable", false);
            next.put("version", versionOf(current) + 1);
            next.put("created_at", clock++);
            plans.get(id).add(next);
        } else {
            List<ObjectNode> versions = plans.get(id);
            versions.set(versions.size() - 1, next);
        }
        String newId = text(body, "new_plan_id");
        if (newId != null && !newId.equals(id)) {
            if (plans.containsKey(newId)) {
                throw new Refusal(error(500, "internal_error", "duplicate key value violates unique constraint"));
            }
            List<ObjectNode> versions = plans.remove(id);
            versions.forEach(plan -> plan.put("id", newId));
            plans.put(newId, versions);
            Map<Integer, Integer> onPlan = customers.remove(id);
            if (onPlan != null) {
                customers.put(newId, onPlan);
            }
        }
        return ok(next);
    }

    private MockResponse planDelete(JsonNode body) {
        String id = text(body, "plan_id");
        ObjectNode current = latest(id);
        boolean all = body.path("all_versions").asBoolean(false);
        int count = all
                ? customers.getOrDefault(id, Map.of()).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum()
                : customersOn(id, versionOf(current));
        if (count > 0) {
            throw new Refusal(error(
                    400,
                    "invalid_request",
                    "Product " + id + " has " + count
                            + " customers (expired or active) on it and therefore cannot be deleted"));
        }
        List<ObjectNode> versions = plans.get(id);
        if (all || versions.size() == 1) {
            plans.remove(id);
            customers.remove(id);
        } else {
            versions.remove(versions.size() - 1);
        }
        return success();
    }

    private MockResponse planHasCustomers(JsonNode body) {
        String id = text(body, "plan_id");
        ObjectNode current = latest(id);
        ObjectNode proposed = current.deepCopy();
        if (body.has("price")) {
            proposed.set("price", basePrice(body.get("price")));
        }
        if (body.has("items")) {
            proposed.set("items", items(body.get("items")));
        }
        if (body.has("free_trial")) {
            if (body.get("free_trial").isNull()) {
                proposed.remove("free_trial");
            } else {
                proposed.set("free_trial", trial(body.get("free_trial")));
            }
        }
        ObjectNode answer = NODES.objectNode();
        answer.put("current_version", versionOf(current));
        answer.put("will_version", customersOn(id, versionOf(current)) > 0 && billingDiffers(current, proposed));
        answer.put("archived", current.get("archived").asBoolean());
        return ok(answer);
    }

    private MockResponse planDeletionInfo(String id) {
        List<ObjectNode> versions = plans.get(id);
        if (versions == null) {
            throw new Refusal(error(404, "product_not_found", "Product " + id + " not found"));
        }
        int total = customers.getOrDefault(id, Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        ObjectNode info = NODES.objectNode();
        info.put("numVersion", versions.size());
        info.put("hasCusProducts", total > 0);
        info.put("hasCusProductsLatest", customersOn(id, versions.size()) > 0);
        if (total > 0) {
            info.put("customerName", "Customer One");
            info.put("totalCount", String.valueOf(total)); // a SQL COUNT: a string (README)
        }
        return ok(info);
    }

    private int customersOn(String id, int version) {
        return customers.getOrDefault(id, Map.of()).getOrDefault(version, 0);
    }

    private static int versionOf(ObjectNode plan) {
        return plan.get("version").asInt();
    }

    private static boolean billingDiffers(ObjectNode a, ObjectNode b) {
        return !Json.canonical(sortedItems(a)).equals(Json.canonical(sortedItems(b)))
                || !Json.canonical(a.path("price")).equals(Json.canonical(b.path("price")))
                || !Json.canonical(a.path("free_trial")).equals(Json.canonical(b.path("free_trial")));
    }

    private static JsonNode sortedItems(ObjectNode plan) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : plan.get("items")) {
            ObjectNode copy = item.deepCopy();
            copy.remove(List.of("entitlement_id", "price_id"));
            items.add(copy);
        }
        items.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private JsonNode basePrice(JsonNode price) {
        if (price == null || price.isNull()) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.set("amount", price.get("amount"));
        String interval = price.path("interval").asText();
        if (!PRICE_INTERVALS.contains(interval)) {
            throw invalid("price.interval: invalid interval '" + interval + "'");
        }
        out.put("interval", interval);
        if (price.path("interval_count").asInt(1) != 1) {
            out.set("interval_count", price.get("interval_count"));
        }
        return out;
    }

    private ArrayNode items(JsonNode items) {
        ArrayNode out = NODES.arrayNode();
        if (items == null || items.isNull()) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            out.add(item(items.get(i), i));
        }
        return out;
    }

    private ObjectNode item(JsonNode item, int index) {
        String featureId = item.path("feature_id").asText();
        ObjectNode feature = features.get(featureId);
        if (feature == null) {
            throw new Refusal(error(404, "feature_not_found", "Feature " + featureId + " not found"));
        }
        String type = feature.get("type").asText();
        boolean consumable = feature.get("consumable").asBoolean() && !type.equals("boolean");
        boolean unlimited = item.path("unlimited").asBoolean(false);
        JsonNode price = item.get("price");
        boolean priced = price != null && !price.isNull();
        ObjectNode out = NODES.objectNode();
        out.put("feature_id", featureId);
        long included =
                type.equals("boolean") || unlimited ? 0 : item.path("included").asLong(0);
        if (included < 0) {
            throw invalid("Included usage must be 0 or greater");
        }
        out.put("included", included);
        out.put("unlimited", unlimited);
        out.put("pooled", item.path("pooled").asBoolean(false));
        JsonNode reset = item.get("reset");
        if (reset != null
                && !reset.isNull()
                && !INTERVALS.contains(reset.path("interval").asText())) {
            throw invalid("items." + index + ".reset.interval: invalid interval");
        }
        if (!consumable) {
            out.putNull("reset");
        } else if (reset != null && !reset.isNull()) {
            out.set("reset", cycle(reset));
        } else if (priced) {
            out.set("reset", cycle(price));
        } else {
            out.set("reset", NODES.objectNode().put("interval", "one_off"));
        }
        if (priced) {
            ObjectNode p = NODES.objectNode();
            boolean hasAmount = price.hasNonNull("amount");
            boolean hasTiers = price.hasNonNull("tiers");
            if (hasAmount == hasTiers) {
                throw invalid("items." + index + ": 'amount' and 'tiers' cannot both be defined in 'price'.");
            }
            String method = price.path("billing_method").asText(null);
            if (!"prepaid".equals(method) && !"usage_based".equals(method)) {
                throw invalid("items." + index + ".price.billing_method: required");
            }
            String interval = price.path("interval").asText();
            if (!PRICE_INTERVALS.contains(interval)) {
                throw invalid("items." + index + ".price.interval: invalid interval");
            }
            if (method.equals("usage_based")
                    && consumable
                    && !Json.canonical(out.get("reset")).equals(Json.canonical(cycle(price)))) {
                throw invalid(
                        "items." + index + ": reset.interval and price.interval can only differ for prepaid prices.");
            }
            if (method.equals("usage_based") && interval.equals("one_off")) {
                throw new Refusal(error(400, "invalid_price", "Usage-based prices cannot be one-off"));
            }
            if (hasAmount) {
                p.set("amount", price.get("amount"));
            } else {
                if (price.get("tiers").isEmpty()) {
                    throw invalid("items." + index + ": tiers must not be empty");
                }
                if (!"inf".equals(price.get("tiers").get(0).path("to").asText())
                        && price.get("tiers").get(0).path("to").asLong() <= included) {
                    throw invalid("items." + index + ": tiers[0].to must be greater than included.");
                }
                p.set("tiers", price.get("tiers"));
                p.put("tier_behavior", price.path("tier_behavior").asText("graduated"));
                if (p.get("tier_behavior").asText().equals("volume") && method.equals("usage_based")) {
                    throw invalid("items." + index + ": volume tiers are only allowed for prepaid prices");
                }
            }
            p.put("interval", interval);
            if (price.path("interval_count").asInt(1) != 1) {
                p.set("interval_count", price.get("interval_count"));
            }
            p.put("billing_units", price.path("billing_units").asLong(1));
            p.put("billing_method", method);
            p.set("max_purchase", price.hasNonNull("max_purchase") ? price.get("max_purchase") : NODES.nullNode());
            if (item.hasNonNull("proration") && method.equals("usage_based")) {
                throw invalid("items." + index + ": proration is only allowed for prepaid prices");
            }
            out.set("price", p);
        } else {
            out.putNull("price");
        }
        if (item.hasNonNull("rollover")) {
            out.set("rollover", item.get("rollover"));
        }
        out.put("entitlement_id", "ent_" + clock++);
        if (priced) {
            out.put("price_id", "pr_" + clock++);
        }
        if (item.hasNonNull("entity_feature_id")) {
            out.set("entity_feature_id", item.get("entity_feature_id"));
        }
        return out;
    }

    private static ObjectNode cycle(JsonNode node) {
        ObjectNode cycle = NODES.objectNode();
        cycle.put("interval", node.path("interval").asText());
        if (node.path("interval_count").asInt(1) != 1) {
            cycle.set("interval_count", node.get("interval_count"));
        }
        return cycle;
    }

    private ObjectNode trial(JsonNode trial) {
        ObjectNode out = NODES.objectNode();
        out.set("duration_length", trial.get("duration_length"));
        String type = trial.path("duration_type").asText("month");
        if (!Set.of("day", "month", "year").contains(type)) {
            throw invalid("free_trial.duration_type: invalid");
        }
        out.put("duration_type", type);
        out.put("card_required", trial.path("card_required").asBoolean(true));
        out.set("on_end", trial.hasNonNull("on_end") ? trial.get("on_end") : NODES.nullNode());
        return out;
    }

    /** Priced items first, as every recorded answer has them. */
    private static void reorder(ObjectNode plan) {
        List<JsonNode> items = Json.elements(plan.get("items"));
        List<JsonNode> ordered = new ArrayList<>();
        items.stream().filter(i -> !i.path("price").isNull()).forEach(ordered::add);
        items.stream().filter(i -> i.path("price").isNull()).forEach(ordered::add);
        ArrayNode array = NODES.arrayNode();
        ordered.forEach(array::add);
        plan.set("items", array);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode blankToNull(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? NODES.nullNode() : node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ObjectNode list(List<ObjectNode> entries) {
        ObjectNode list = NODES.objectNode();
        ArrayNode array = list.putArray("list");
        entries.forEach(array::add);
        return list;
    }

    private static MockResponse ok(JsonNode body) {
        return Responses.ok(body);
    }

    private static MockResponse success() {
        return ok(NODES.objectNode().put("success", true));
    }

    private static MockResponse error(int status, String code, String message) {
        ObjectNode body = NODES.objectNode();
        body.put("message", message);
        body.put("code", code);
        body.put("env", "sandbox");
        return Responses.json(status, body);
    }

    private static Refusal invalid(String message) {
        return new Refusal(error(400, "invalid_inputs", message));
    }

    /** An error answer, thrown to leave a handler. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MockResponse response;

        Refusal(MockResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
