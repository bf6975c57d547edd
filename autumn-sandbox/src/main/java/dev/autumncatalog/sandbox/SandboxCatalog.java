package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The catalog state and Autumn 2.3.0's rules for it, as recorded against the real server: features, plan versions,
 * customers (a test control), and the answers for every route the sandbox serves. Every public-to-the-package method
 * takes the one lock, so requests are applied one at a time.
 */
final class SandboxCatalog {
    static final List<String> FEATURE_TYPES = List.of("boolean", "metered", "credit_system", "ai_credit_system");
    static final String POISON_MESSAGE = "included: must be a number (received number)";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Model.Feature> features = new LinkedHashMap<>();
    private final Map<String, List<Model.PlanVersion>> plans = new LinkedHashMap<>();
    private final LongSupplier clock;
    private final Supplier<String> ids;
    private long seq;
    private boolean dirty;

    SandboxCatalog(LongSupplier clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    // ---------------------------------------------------------------- state plumbing

    /**
     * The state as state-file JSON if anything changed since the last call, else {@code null}. Serialised under the
     * lock, so a concurrent request cannot change it half-way.
     */
    synchronized String takeChangedState() {
        if (!dirty) {
            return null;
        }
        dirty = false;
        StateFile.Snapshot snapshot = new StateFile.Snapshot();
        snapshot.seq = seq;
        snapshot.features = new ArrayList<>(features.values());
        for (List<Model.PlanVersion> versions : plans.values()) {
            snapshot.plans.addAll(versions);
        }
        return StateFile.toJson(snapshot);
    }

    synchronized void restore(StateFile.Snapshot snapshot) {
        features.clear();
        plans.clear();
        seq = snapshot.seq;
        for (Model.Feature feature : snapshot.features) {
            features.put(feature.id, feature);
        }
        for (Model.PlanVersion version : snapshot.plans) {
            plans.computeIfAbsent(version.id, id -> new ArrayList<>()).add(version);
        }
        for (List<Model.PlanVersion> versions : plans.values()) {
            versions.sort(Comparator.comparingInt(v -> v.version));
        }
    }

    synchronized void clear() {
        features.clear();
        plans.clear();
        dirty = true;
    }

    private long nextSeq() {
        return ++seq;
    }

    private String entitlementId() {
        return "ent_" + ids.get();
    }

    private String priceId() {
        return "pr_" + ids.get();
    }

    // ---------------------------------------------------------------- customers (test control)

    synchronized void addCustomers(String planId, Integer version, int count, String name) {
        List<Model.PlanVersion> versions = plans.get(planId);
        if (versions == null) {
            throw new IllegalArgumentException("the sandbox has no plan '" + planId + "'; plans: " + plans.keySet());
        }
        Model.PlanVersion target = latest(versions);
        if (version != null) {
            target = versions.stream()
                    .filter(v -> v.version == version)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("plan '" + planId + "' has no version " + version
                            + "; latest is " + latest(versions).version));
        }
        for (int i = 0; i < count; i++) {
            int number = totalCustomers() + 1;
            target.customers.add(name != null ? name : "Sandbox Customer " + number);
        }
        dirty = true;
    }

    synchronized int customerCount(String planId) {
        List<Model.PlanVersion> versions = plans.get(planId);
        if (versions == null) {
            return 0;
        }
        int count = 0;
        for (Model.PlanVersion version : versions) {
            count += version.customers.size();
        }
        return count;
    }

    private int totalCustomers() {
        int count = 0;
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                count += version.customers.size();
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- features

    synchronized ObjectNode featuresList() {
        List<Model.Feature> ordered = new ArrayList<>(features.values());
        // Autumn loads features ordered by creation and moves archived ones to the end.
        ordered.sort(Comparator.comparing((Model.Feature f) -> f.archived).thenComparingLong(f -> f.seq));
        ArrayNode list = JSON.arrayNode();
        for (Model.Feature feature : ordered) {
            list.add(render(feature));
        }
        return JSON.objectNode().set("list", list);
    }

    synchronized ObjectNode featuresGet(String featureId) {
        return render(feature(featureId));
    }

    synchronized ObjectNode featuresCreate(ObjectNode body, String idKey) {
        Inputs in = new Inputs();
        String id = in.requiredString(body, "", idKey);
        String name = in.requiredString(body, "", "name");
        String type = in.requiredEnum(body, "", "type", FEATURE_TYPES);
        Boolean consumable = in.optionalBoolean(body, "", "consumable");
        List<String> eventNames = eventNames(in, body);
        Model.Display display = display(in, body);
        List<Model.CreditEntry> schema = creditSchema(in, body);
        int mark = in.mark();
        if (mark == 0 && "credit_system".equals(type)) {
            if (!body.has("credit_schema") || body.get("credit_schema").isNull()) {
                in.issue("credit_schema", "Please specify the credit schema for the feature.");
            }
            if (Boolean.FALSE.equals(consumable)) {
                in.issue("consumable", "Credit system features must be consumable.");
            }
        }
        in.throwIfAny();
        notModelled(type);
        if (features.containsKey(id)) {
            throw new ApiError(409, "duplicate_feature_id", "Feature " + id + " already exists");
        }
        if ("credit_system".equals(type)) {
            checkCreditSchema(schema, id);
        }
        Model.Feature feature = new Model.Feature();
        feature.id = id;
        feature.name = name;
        feature.type = type;
        feature.consumable =
                "credit_system".equals(type) || ("metered".equals(type) && Boolean.TRUE.equals(consumable));
        feature.eventNames = eventNames == null ? new ArrayList<>() : eventNames;
        feature.creditSchema = "credit_system".equals(type) ? schema : null;
        feature.display = display;
        feature.seq = nextSeq();
        features.put(id, feature);
        dirty = true;
        return render(feature);
    }

    synchronized ObjectNode featuresUpdate(String featureId, ObjectNode body) {
        Inputs in = new Inputs();
        String newId = in.optionalString(body, "", "new_feature_id", true);
        if (newId == null
                && body.has("id")
                && body.get("id").isTextual()
                && !body.get("id").textValue().equals(featureId)) {
            newId = body.get("id").textValue(); // the REST form renames with "id"
        }
        String name = in.optionalString(body, "", "name", true);
        String type = in.optionalEnum(body, "", "type", FEATURE_TYPES);
        Boolean consumable = in.optionalBoolean(body, "", "consumable");
        List<String> eventNames = eventNames(in, body);
        Model.Display display = display(in, body);
        List<Model.CreditEntry> schema = creditSchema(in, body);
        Boolean archived = in.optionalBoolean(body, "", "archived");
        in.throwIfAny();
        Model.Feature feature = feature(featureId);
        if ("metered".equals(type) && consumable == null) {
            throw ApiError.invalidRequest(400, "Consumable is required when changing type to metered");
        }
        notModelled(type);
        String newType = type == null ? feature.type : type;
        boolean changingType = !newType.equals(feature.type);
        boolean changingId = newId != null && !newId.equals(feature.id);
        boolean changingUsage = !feature.isBoolean()
                && !"boolean".equals(newType)
                && !feature.isCreditSystem()
                && !"credit_system".equals(newType)
                && consumable != null
                && consumable != feature.consumable;
        checkFeatureBlockers(feature, newType, changingType, changingId ? newId : null, changingUsage, consumable);
        if ("credit_system".equals(newType) && (schema != null || changingType)) {
            checkCreditSchema(schema == null ? List.of() : schema, feature.id);
        }

        if (name != null) {
            feature.name = name;
        }
        if (eventNames != null) {
            feature.eventNames = eventNames;
        }
        if (body.has("display")) {
            feature.display = display;
        }
        if (archived != null) {
            feature.archived = archived;
        }
        if (changingType) {
            feature.type = newType;
            if ("credit_system".equals(newType)) {
                feature.consumable = true;
            } else if ("metered".equals(newType)) {
                feature.consumable = consumable;
            }
            if (!"credit_system".equals(newType)) {
                feature.creditSchema = null;
            }
        }
        if ("credit_system".equals(feature.type) && schema != null) {
            feature.creditSchema = schema;
        }
        if (changingUsage) {
            feature.consumable = consumable;
            reResetItems(feature);
        }
        if (changingId) {
            rename(feature, newId);
        }
        dirty = true;
        return render(feature);
    }

    synchronized ObjectNode featuresDelete(String featureId) {
        Model.Feature feature = feature(featureId);
        for (Model.Feature other : features.values()) {
            if (other.creditSchema != null) {
                for (Model.CreditEntry entry : other.creditSchema) {
                    if (featureId.equals(entry.meteredFeatureId)) {
                        throw ApiError.invalidRequest(
                                409, "Feature " + featureId + " is used by credit system " + other.id);
                    }
                }
            }
        }
        if (itemCount(featureId) > 0) {
            throw ApiError.invalidRequest(
                    409,
                    "Feature " + featureId
                            + " is used in a product. You must delete the product first, or archive it instead.");
        }
        features.remove(feature.id);
        dirty = true;
        return success();
    }

    synchronized ObjectNode featureDeletionInfo(String featureId) {
        feature(featureId);
        Model.PlanVersion first = null;
        int count = 0;
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                for (Model.Item item : version.items) {
                    if (featureId.equals(item.featureId)) {
                        count++;
                        if (first == null || version.seq < first.seq) {
                            first = version;
                        }
                    }
                }
            }
        }
        ObjectNode info = JSON.objectNode();
        if (first == null) {
            info.putNull("productName");
        } else {
            info.put("productName", first.name);
        }
        info.put("totalCount", count);
        return info;
    }

    private void notModelled(String type) {
        if ("ai_credit_system".equals(type)) {
            throw new ApiError(
                    501,
                    "sandbox_not_implemented",
                    "The local Autumn sandbox (a test double, not Autumn) does not model ai_credit_system features");
        }
    }

    private Model.Feature feature(String featureId) {
        Model.Feature feature = featureId == null ? null : features.get(featureId);
        if (feature == null) {
            throw ApiError.featureNotFound(featureId);
        }
        return feature;
    }

    private static List<String> eventNames(Inputs in, ObjectNode body) {
        ArrayNode array = in.optionalArray(body, "", "event_names");
        if (array == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
                names.add(array.get(i).textValue());
            } else {
                in.issue("event_names." + i, "must be a string (received " + Inputs.received(array.get(i)) + ")");
            }
        }
        return names;
    }

    private static Model.Display display(Inputs in, ObjectNode body) {
        ObjectNode node = in.optionalObject(body, "", "display", true);
        if (node == null) {
            return null;
        }
        Model.Display display = new Model.Display();
        display.singular = in.optionalString(node, "display", "singular", true);
        display.plural = in.optionalString(node, "display", "plural", true);
        return display;
    }

    private static List<Model.CreditEntry> creditSchema(Inputs in, ObjectNode body) {
        ArrayNode array = in.optionalArray(body, "", "credit_schema");
        if (array == null) {
            return null;
        }
        List<Model.CreditEntry> schema = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String prefix = "credit_schema." + i;
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                in.issue(prefix, "must be an object (received " + Inputs.received(node) + ")");
                continue;
            }
            String target = in.requiredString((ObjectNode) node, prefix, "metered_feature_id");
            BigDecimal cost = in.requiredNumber((ObjectNode) node, prefix, "credit_cost");
            schema.add(new Model.CreditEntry(target, cost));
        }
        return schema;
    }

    /** Autumn's credit-system rules; unknown and boolean targets are accepted, as the recordings show. */
    private void checkCreditSchema(List<Model.CreditEntry> schema, String selfId) {
        if (schema.isEmpty()) {
            throw new ApiError(400, "invalid_feature", "At least one metered feature is required for credit system");
        }
        List<String> seen = new ArrayList<>();
        for (Model.CreditEntry entry : schema) {
            if (seen.contains(entry.meteredFeatureId)) {
                throw new ApiError(
                        400, "invalid_feature", "Credit system contains multiple of the same metered_feature_id");
            }
            seen.add(entry.meteredFeatureId);
        }
        for (Model.CreditEntry entry : schema) {
            Model.Feature target = features.get(entry.meteredFeatureId);
            if (target == null || entry.meteredFeatureId.equals(selfId)) {
                continue;
            }
            if (target.isCreditSystem()) {
                throw new ApiError(
                        400,
                        "invalid_feature",
                        "Credit system schema cannot reference another credit system (" + target.id
                                + "). Only metered or AI credit features are allowed.");
            }
            if ("metered".equals(target.type) && !target.consumable) {
                throw new ApiError(
                        400,
                        "invalid_feature",
                        "Credit system schema cannot reference continuous feature " + target.id
                                + ". Only consumable (single-use) metered features are allowed.");
            }
        }
    }

    /** The first of the conditions that make Autumn refuse a type, id or usage-type change, in its order. */
    private void checkFeatureBlockers(
            Model.Feature feature,
            String newType,
            boolean changingType,
            String newId,
            boolean changingUsage,
            Boolean consumable) {
        boolean customers = featureHasCustomers(feature.id);
        Model.Feature entityUser = entityUser(feature.id);
        Model.Feature creditSystem = creditSystemUsing(feature.id);
        if (changingType) {
            if (feature.isCreditSystem() != "credit_system".equals(newType)) {
                throw ApiError.invalidRequest(
                        400,
                        "Cannot change type of feature " + feature.id + " from " + feature.type + " to " + newType);
            }
            if (customers) {
                throw invalidFeature("Cannot change type of feature " + feature.id
                        + " because it has been attached to a customer before");
            }
            if (entityUser != null) {
                throw invalidFeature("Cannot change type of feature " + feature.id
                        + " because it is used in an entity feature by " + entityUser.name);
            }
            if (hasUsagePrice(feature.id)) {
                throw invalidFeature(
                        "Cannot change type of feature " + feature.id + " because it has a usage price set");
            }
            if (creditSystem != null) {
                throw invalidFeature(
                        "Cannot change type of feature " + feature.id + " because it is used in a credit system");
            }
        }
        if (newId != null) {
            if (features.containsKey(newId)) {
                throw new ApiError(409, "duplicate_feature_id", "Feature " + newId + " already exists");
            }
            if (customers) {
                throw invalidFeature("Cannot change id of feature " + feature.id
                        + " because a customer is using it or has used it before");
            }
        }
        if (changingUsage) {
            String usage = Boolean.TRUE.equals(consumable) ? "single use" : "continuous use";
            if (creditSystem != null) {
                throw invalidFeature(
                        "Cannot set to " + usage + " because it is used in credit system " + creditSystem.id);
            }
            if (entityUser != null) {
                throw invalidFeature(
                        "Cannot set to " + usage + " because it is used as an entity by " + entityUser.name);
            }
            if (customers) {
                throw invalidFeature("Cannot set to " + usage + " because it is / was used by customers");
            }
        }
    }

    private static ApiError invalidFeature(String message) {
        return new ApiError(400, "invalid_feature", message);
    }

    private boolean featureHasCustomers(String featureId) {
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                if (!version.customers.isEmpty()) {
                    for (Model.Item item : version.items) {
                        if (featureId.equals(item.featureId)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private Model.Feature entityUser(String featureId) {
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                for (Model.Item item : version.items) {
                    if (featureId.equals(item.entityFeatureId)) {
                        return features.get(item.featureId);
                    }
                }
            }
        }
        return null;
    }

    private Model.Feature creditSystemUsing(String featureId) {
        for (Model.Feature other : features.values()) {
            if (other.creditSchema != null) {
                for (Model.CreditEntry entry : other.creditSchema) {
                    if (featureId.equals(entry.meteredFeatureId)) {
                        return other;
                    }
                }
            }
        }
        return null;
    }

    private boolean hasUsagePrice(String featureId) {
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                for (Model.Item item : version.items) {
                    if (featureId.equals(item.featureId) && item.price != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private int itemCount(String featureId) {
        int count = 0;
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                for (Model.Item item : version.items) {
                    if (featureId.equals(item.featureId)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** A consumable switch rewrites the items of every plan: non-consumable items lose their reset. */
    private void reResetItems(Model.Feature feature) {
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                for (Model.Item item : version.items) {
                    if (!feature.id.equals(item.featureId)) {
                        continue;
                    }
                    if (!feature.resets()) {
                        item.reset = null;
                    } else if (item.reset == null) {
                        item.reset = item.price != null
                                ? new Model.Reset(item.price.interval, item.price.intervalCount)
                                : new Model.Reset("one_off", 1);
                    }
                }
            }
        }
    }

    /** {@code new_feature_id}: plans and credit schemas follow, and the feature moves to the end of the list. */
    private void rename(Model.Feature feature, String newId) {
        String oldId = feature.id;
        features.remove(oldId);
        feature.id = newId;
        feature.seq = nextSeq();
        features.put(newId, feature);
        for (List<Model.PlanVersion> versions : plans.values()) {
            for (Model.PlanVersion version : versions) {
                for (Model.Item item : version.items) {
                    if (oldId.equals(item.featureId)) {
                        item.featureId = newId;
                    }
                    if (oldId.equals(item.entityFeatureId)) {
                        item.entityFeatureId = newId;
                    }
                }
            }
        }
        for (Model.Feature other : features.values()) {
            if (other.creditSchema != null) {
                for (Model.CreditEntry entry : other.creditSchema) {
                    if (oldId.equals(entry.meteredFeatureId)) {
                        entry.meteredFeatureId = newId;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- plans: reads

    /**
     * @param rest {@code GET /v1/products} keeps working when a poisoned plan breaks {@code plans.list}
     */
    synchronized ObjectNode plansList(boolean includeArchived, boolean allVersions, boolean rest) {
        List<Model.PlanVersion> shown = new ArrayList<>();
        for (List<Model.PlanVersion> versions : plans.values()) {
            if (allVersions) {
                for (Model.PlanVersion version : versions) {
                    if (includeArchived || !version.archived) {
                        shown.add(version);
                    }
                }
            } else {
                Model.PlanVersion latest = latest(versions);
                if (includeArchived || !latest.archived) {
                    shown.add(latest);
                }
            }
        }
        if (!rest && shown.stream().anyMatch(v -> v.poisoned)) {
            throw new ApiError(500, "invalid_inputs", POISON_MESSAGE);
        }
        if (allVersions) {
            shown.sort(Comparator.comparing((Model.PlanVersion v) -> v.id).thenComparingInt(v -> v.version));
        } else {
            // Autumn gives no stable order here; this mimics what the recordings mostly show.
            shown.sort(Comparator.comparing((Model.PlanVersion v) -> v.group == null ? "" : "~" + v.group)
                    .thenComparing(v -> !v.isFree())
                    .thenComparing(Comparator.comparingLong((Model.PlanVersion v) -> v.seq)
                            .reversed()));
        }
        ArrayNode list = JSON.arrayNode();
        for (Model.PlanVersion version : shown) {
            list.add(render(version));
        }
        return JSON.objectNode().set("list", list);
    }

    synchronized ObjectNode plansGet(String planId, Integer version) {
        Model.PlanVersion found = version == null ? latest(versions(planId)) : version(planId, version);
        if (found.poisoned) {
            throw new ApiError(500, "invalid_inputs", POISON_MESSAGE);
        }
        return render(found);
    }

    synchronized ObjectNode plansHasCustomers(PlanParams params) {
        Model.PlanVersion latest = latest(versions(params.planId));
        List<Model.Item> items = params.hasItems ? normaliseItems(params, false) : null;
        boolean willVersion = !latest.customers.isEmpty() && contentChanges(latest, params, items);
        ObjectNode answer = JSON.objectNode();
        answer.put("current_version", latest.version);
        answer.put("will_version", willVersion);
        answer.put("archived", latest.archived);
        return answer;
    }

    synchronized ObjectNode planDeletionInfo(String planId) {
        List<Model.PlanVersion> versions = versions(planId);
        Model.PlanVersion latest = latest(versions);
        int total = 0;
        String newest = null;
        for (Model.PlanVersion version : versions) {
            total += version.customers.size();
            if (!version.customers.isEmpty()) {
                newest = version.customers.get(version.customers.size() - 1);
            }
        }
        ObjectNode info = JSON.objectNode();
        info.put("numVersion", latest.version);
        info.put("hasCusProducts", total > 0);
        info.put("hasCusProductsLatest", !latest.customers.isEmpty());
        if (total > 0) {
            info.put("customerName", newest);
            info.put("totalCount", Integer.toString(total)); // a string, like the real server
        }
        return info;
    }

    private List<Model.PlanVersion> versions(String planId) {
        List<Model.PlanVersion> versions = planId == null ? null : plans.get(planId);
        if (versions == null) {
            throw ApiError.productNotFound(planId);
        }
        return versions;
    }

    private Model.PlanVersion version(String planId, int number) {
        for (Model.PlanVersion version : versions(planId)) {
            if (version.version == number) {
                return version;
            }
        }
        throw new ApiError(404, "product_not_found", "Product " + planId + " (version " + number + ") not found");
    }

    private static Model.PlanVersion latest(List<Model.PlanVersion> versions) {
        return versions.get(versions.size() - 1);
    }

    // ---------------------------------------------------------------- plans: writes

    synchronized ObjectNode plansCreate(PlanParams params) {
        if (plans.containsKey(params.planId)) {
            throw new ApiError(400, "product_already_exists", "Product " + params.planId + " already exists");
        }
        List<Model.Item> items = normaliseItems(params, true);
        Model.PlanVersion plan = new Model.PlanVersion();
        plan.id = params.planId;
        plan.version = 1;
        plan.name = params.name;
        plan.description = params.description;
        plan.group = params.group;
        plan.addOn = Boolean.TRUE.equals(params.addOn);
        plan.autoEnable = Boolean.TRUE.equals(params.autoEnable);
        plan.createdAt = clock.getAsLong();
        plan.seq = nextSeq();
        if (params.price != null) {
            plan.price = params.price.copy();
            plan.price.priceId = priceId();
        }
        plan.freeTrial = params.freeTrial;
        checkAutoEnable(plan, items);

        // Past this point the real server has written the plan row, so item-stage failures leave it behind.
        String itemProblem = itemStageProblem(params, items);
        if (itemProblem != null) {
            plan.price = null;
            plan.freeTrial = null;
            plans.put(plan.id, new ArrayList<>(List.of(plan)));
            dirty = true;
            throw ApiError.invalidInputs(itemProblem);
        }
        plan.items = withIds(items);
        plan.poisoned = poisoned(params);
        plans.put(plan.id, new ArrayList<>(List.of(plan)));
        dirty = true;
        if (plan.poisoned) {
            throw new ApiError(500, "invalid_inputs", POISON_MESSAGE);
        }
        return render(plan);
    }

    /**
     * @param rest the REST update treats {@code price} and {@code items} as one list: sending one removes the other
     */
    synchronized ObjectNode plansUpdate(PlanParams params, boolean rest) {
        if (params.forceVersion && params.disableVersion) {
            throw new ApiError(400, "conflicting_version_flags", "Cannot use both force_version and disable_version");
        }
        if (params.allVersions && params.disableVersion) {
            throw new ApiError(400, "conflicting_version_flags", "Cannot use both all_versions and disable_version");
        }
        if (params.allVersions && params.forceVersion) {
            throw new ApiError(400, "conflicting_version_flags", "Cannot use both all_versions and force_version");
        }
        List<Model.PlanVersion> versions = versions(params.planId);
        Model.PlanVersion latest = latest(versions);
        Model.PlanVersion target = params.version == null ? latest : version(params.planId, params.version);
        if (target != latest && Boolean.TRUE.equals(params.autoEnable)) {
            throw new ApiError(
                    400,
                    "historical_plan_version_cannot_be_default",
                    "Only the latest version of a plan can be marked as auto-enable.");
        }
        if (rest && (params.hasItems || params.hasPrice)) {
            if (!params.hasPrice) {
                params.hasPrice = true;
                params.price = null;
            }
            if (!params.hasItems) {
                params.hasItems = true;
            }
        }
        List<Model.Item> items = params.hasItems ? normaliseItems(params, true) : null;
        String itemProblem = params.hasItems ? itemStageProblem(params, items) : null;
        if (itemProblem != null) {
            throw ApiError.invalidInputs(itemProblem);
        }
        if (params.newPlanId != null && !params.newPlanId.equals(params.planId)) {
            if (versions.stream().anyMatch(v -> !v.customers.isEmpty())) {
                throw ApiError.invalidRequest(409, "Cannot change product ID because it has existing customers");
            }
            if (plans.containsKey(params.newPlanId)) {
                throw new ApiError(
                        500, "internal_error", "duplicate key value violates unique constraint \"unique_product\"");
            }
        }
        boolean poisoned = params.hasItems && poisoned(params);
        boolean changes = contentChanges(target, params, items);

        if (params.allVersions) {
            checkAutoEnable(apply(latest.copy(), params, items));
            applyToAllVersions(versions, latest, params, items);
        } else if (params.forceVersion
                || (!params.disableVersion && params.version == null && !latest.customers.isEmpty() && changes)) {
            Model.PlanVersion next = apply(latest.copy(), params, items);
            checkAutoEnable(next);
            next.version = latest.version + 1;
            next.createdAt = clock.getAsLong();
            next.seq = nextSeq();
            next.customers = new ArrayList<>();
            next.items = withIds(next.items);
            if (next.price != null) {
                next.price.priceId = priceId();
            }
            applyDetails(latest, params);
            latest.autoEnable = false;
            versions.add(next);
        } else {
            checkAutoEnable(apply(target.copy(), params, items));
            apply(target, params, items);
        }
        if (poisoned) {
            latest(versions).poisoned = true;
        }
        if (params.newPlanId != null && !params.newPlanId.equals(params.planId)) {
            plans.remove(params.planId);
            for (Model.PlanVersion version : versions) {
                version.id = params.newPlanId;
            }
            plans.put(params.newPlanId, versions);
        }
        dirty = true;
        if (poisoned) {
            throw new ApiError(500, "invalid_inputs", POISON_MESSAGE);
        }
        return render(latest(versions));
    }

    synchronized ObjectNode plansDelete(String planId, boolean allVersions) {
        List<Model.PlanVersion> versions = versions(planId);
        Model.PlanVersion latest = latest(versions);
        int count = 0;
        for (Model.PlanVersion version : allVersions ? versions : List.of(latest)) {
            count += version.customers.size();
        }
        if (count > 0) {
            throw ApiError.invalidRequest(
                    400,
                    "Product " + planId + " has " + count
                            + " customers (expired or active) on it and therefore cannot be deleted");
        }
        if (allVersions || versions.size() == 1) {
            plans.remove(planId);
        } else {
            versions.remove(versions.size() - 1);
        }
        dirty = true;
        return success();
    }

    /** Items normalised against their features; unknown features and usage-based one-off prices are refused first. */
    private List<Model.Item> normaliseItems(PlanParams params, boolean checkPrices) {
        List<Model.Item> items = new ArrayList<>();
        for (PlanParams.ItemParams in : params.items) {
            Model.Feature feature = features.get(in.featureId);
            if (feature == null) {
                throw ApiError.featureNotFound(in.featureId);
            }
            items.add(PlanParams.normalise(in, feature));
        }
        if (checkPrices) {
            for (PlanParams.ItemParams in : params.items) {
                if (in.price != null && !in.price.prepaid() && "one_off".equals(in.price.interval)) {
                    throw new ApiError(
                            400,
                            "invalid_price",
                            "Usage prices cannot be one-off if not set to prepaid (feature: " + in.featureId + ")");
                }
            }
        }
        return sortItems(items);
    }

    /** Rules the real server checks only after it has stored the plan row (so a create leaves an empty plan). */
    private String itemStageProblem(PlanParams params, List<Model.Item> items) {
        for (PlanParams.ItemParams in : params.items) {
            if (in.included != null && in.included.signum() < 0) {
                return "Included usage must be 0 or greater";
            }
        }
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Model.Item a = items.get(i);
                Model.Item b = items.get(j);
                if (!a.key().equals(b.key())) {
                    continue;
                }
                Model.Feature feature = features.get(a.featureId);
                if (feature != null && feature.isBoolean()) {
                    return "Feature " + a.featureId + " is duplicated";
                }
                boolean samePricing = a.price == null
                        ? b.price == null
                        : b.price != null && a.price.billingMethod.equals(b.price.billingMethod);
                if (samePricing) {
                    return "You're trying to create two items for the same feature (" + a.featureId
                            + ") with the same interval. Please make them into one item.";
                }
            }
        }
        return null;
    }

    private static boolean poisoned(PlanParams params) {
        for (PlanParams.ItemParams in : params.items) {
            if (Boolean.TRUE.equals(in.unlimited) && in.price != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The default-plan rules of Autumn's {@code validateDefaultFlag} (read from the server source; the recordings never
     * hit them): an auto-enable plan must be free, or a recurring plan with a card-less trial, and a group has at most
     * one free default and one default trial. On update they apply whenever the result is auto-enable.
     */
    private void checkAutoEnable(Model.PlanVersion plan) {
        checkAutoEnable(plan, plan.items);
    }

    private void checkAutoEnable(Model.PlanVersion plan, List<Model.Item> items) {
        if (!plan.autoEnable) {
            return;
        }
        boolean free = plan.price == null && items.stream().noneMatch(i -> i.price != null);
        if (!free) {
            boolean oneOff = (plan.price == null || "one_off".equals(plan.price.interval))
                    && items.stream().allMatch(i -> i.price == null || "one_off".equals(i.price.interval));
            boolean cardlessTrial = plan.freeTrial != null && !plan.freeTrial.cardRequired;
            if (oneOff || !cardlessTrial) {
                throw ApiError.invalidRequest(400, "Cannot make a plan auto-enable if it has prices on it.");
            }
        }
        for (List<Model.PlanVersion> versions : plans.values()) {
            Model.PlanVersion other = latest(versions);
            if (other.id.equals(plan.id)
                    || !other.autoEnable
                    || other.archived
                    || !Objects.equals(other.group, plan.group)) {
                continue;
            }
            boolean otherFree = other.price == null && other.items.stream().noneMatch(i -> i.price != null);
            if (free && otherFree) {
                throw ApiError.invalidRequest(
                        400,
                        "You have another default product (" + other.id
                                + "). Please remove default from that product first.");
            }
            if (!free && !otherFree && other.freeTrial != null) {
                throw ApiError.invalidRequest(
                        400,
                        "You have another default trial product in this group (" + other.id
                                + "). Please remove default from that product first.");
            }
        }
    }

    /** Whether the update's items, price or trial differ from {@code version} (what makes Autumn version a plan). */
    private static boolean contentChanges(Model.PlanVersion version, PlanParams params, List<Model.Item> items) {
        if (items != null && !sameItems(version.items, items)) {
            return true;
        }
        if (params.hasPrice && (params.price == null ? version.price != null : !params.price.sameAs(version.price))) {
            return true;
        }
        return params.hasFreeTrial
                && (params.freeTrial == null ? version.freeTrial != null : !params.freeTrial.sameAs(version.freeTrial));
    }

    private static boolean sameItems(List<Model.Item> a, List<Model.Item> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<Model.Item> rest = new ArrayList<>(b);
        for (Model.Item item : a) {
            boolean found = false;
            for (int i = 0; i < rest.size(); i++) {
                if (item.sameAs(rest.get(i))) {
                    rest.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Applies a partial update to one version in place; an omitted {@code archived} un-archives. */
    private Model.PlanVersion apply(Model.PlanVersion version, PlanParams params, List<Model.Item> items) {
        applyDetails(version, params);
        if (params.autoEnable != null) {
            version.autoEnable = params.autoEnable;
        }
        version.archived = Boolean.TRUE.equals(params.archived);
        if (params.hasPrice) {
            if (params.price == null) {
                version.price = null;
            } else if (!params.price.sameAs(version.price)) {
                version.price = params.price.copy();
                version.price.priceId = priceId();
            }
        }
        if (items != null) {
            version.items = withIds(items);
        }
        if (params.hasFreeTrial) {
            version.freeTrial = params.freeTrial == null ? null : params.freeTrial.copy();
        }
        return version;
    }

    /** Name, description, group and add-on: what a versioning update also writes to the version it leaves behind. */
    private static void applyDetails(Model.PlanVersion version, PlanParams params) {
        if (params.hasName && params.name != null) {
            version.name = params.name;
        }
        if (params.hasDescription) {
            version.description = params.description;
        }
        if (params.hasGroup) {
            version.group = params.group;
        }
        if (params.addOn != null) {
            version.addOn = params.addOn;
        }
    }

    /** {@code all_versions:true}: the difference from the latest version is applied to every version. */
    private void applyToAllVersions(
            List<Model.PlanVersion> versions, Model.PlanVersion latest, PlanParams params, List<Model.Item> items) {
        Map<String, Model.Item> before = new LinkedHashMap<>();
        for (Model.Item item : latest.items) {
            before.put(item.key(), item);
        }
        Map<String, Model.Item> after = new LinkedHashMap<>();
        if (items != null) {
            for (Model.Item item : items) {
                after.put(item.key(), item);
            }
        }
        Model.BasePrice oldPrice = latest.price;
        Model.FreeTrial oldTrial = latest.freeTrial;
        for (Model.PlanVersion version : versions) {
            if (version == latest) {
                apply(version, params, items);
                continue;
            }
            applyDetails(version, params);
            if (items != null) {
                List<Model.Item> merged = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (Model.Item item : version.items) {
                    String key = item.key();
                    keys.add(key);
                    Model.Item now = after.get(key);
                    Model.Item was = before.get(key);
                    if (now != null) {
                        merged.add(was != null && was.sameAs(now) ? item : now.copy());
                    } else if (was == null) {
                        merged.add(item);
                    }
                }
                for (Map.Entry<String, Model.Item> entry : after.entrySet()) {
                    if (!before.containsKey(entry.getKey()) && !keys.contains(entry.getKey())) {
                        merged.add(entry.getValue().copy());
                    }
                }
                version.items = withIds(sortItems(merged));
            }
            if (params.hasPrice && (params.price == null ? oldPrice != null : !params.price.sameAs(oldPrice))) {
                version.price = params.price == null ? null : params.price.copy();
                if (version.price != null) {
                    version.price.priceId = priceId();
                }
            }
            if (params.hasFreeTrial
                    && (params.freeTrial == null ? oldTrial != null : !params.freeTrial.sameAs(oldTrial))) {
                version.freeTrial = params.freeTrial == null ? null : params.freeTrial.copy();
            }
        }
    }

    /** Every item write gives every item fresh ids, as the real server does. */
    private List<Model.Item> withIds(List<Model.Item> items) {
        List<Model.Item> fresh = new ArrayList<>();
        for (Model.Item item : items) {
            Model.Item copy = item.copy();
            copy.entitlementId = entitlementId();
            copy.priceId = copy.price == null ? null : priceId();
            fresh.add(copy);
        }
        return fresh;
    }

    /** The order the server answers with: usage-based priced items, prepaid ones, other items, boolean items. */
    private List<Model.Item> sortItems(List<Model.Item> items) {
        List<Model.Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(this::rank));
        return sorted;
    }

    private int rank(Model.Item item) {
        if (item.price != null) {
            return item.price.prepaid() ? 1 : 0;
        }
        Model.Feature feature = features.get(item.featureId);
        return feature != null && feature.isBoolean() ? 3 : 2;
    }

    private static ObjectNode success() {
        return JSON.objectNode().put("success", true);
    }

    private ObjectNode render(Model.Feature feature) {
        return Wire.feature(feature);
    }

    private ObjectNode render(Model.PlanVersion plan) {
        return Wire.plan(plan, features::get);
    }
}
