package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** {@code features.*}: Autumn 2.3.0's feature answers and rules, as recorded against the real server. */
final class FeatureHandlers {
    static final List<String> FEATURE_TYPES = List.of("boolean", "metered", "credit_system", "ai_credit_system");

    private final CatalogState state;
    private final Predicate<String> usedByCustomers;

    /**
     * @param usedByCustomers whether a customer holds, or held, a balance of the feature (Autumn then refuses type,
     *     id and usage-type changes)
     */
    FeatureHandlers(CatalogState state, Predicate<String> usedByCustomers) {
        this.state = state;
        this.usedByCustomers = usedByCustomers;
    }

    ObjectNode list() {
        List<Model.Feature> ordered = new ArrayList<>(state.features.values());
        // Autumn loads features ordered by creation and moves archived ones to the end.
        ordered.sort(Comparator.comparing((Model.Feature f) -> f.archived).thenComparingLong(f -> f.seq));
        ArrayNode list = Json.NODES.arrayNode();
        ordered.forEach(feature -> list.add(state.render(feature)));
        return Json.object().set("list", list);
    }

    ObjectNode get(String featureId) {
        return state.render(state.feature(featureId));
    }

    ObjectNode create(ObjectNode body, String idKey) {
        Inputs in = new Inputs();
        String id = in.requiredString(body, "", idKey);
        String name = in.requiredString(body, "", "name");
        String type = in.requiredEnum(body, "", "type", FEATURE_TYPES);
        Boolean consumable = in.optionalBoolean(body, "", "consumable");
        List<String> eventNames = eventNames(in, body);
        Model.Display display = display(in, body);
        List<Model.CreditEntry> schema = creditSchema(in, body);
        if (in.mark() == 0 && "credit_system".equals(type)) {
            if (!body.has("credit_schema") || body.get("credit_schema").isNull()) {
                in.issue("credit_schema", "Please specify the credit schema for the feature.");
            }
            if (Boolean.FALSE.equals(consumable)) {
                in.issue("consumable", "Credit system features must be consumable.");
            }
        }
        in.throwIfAny();
        notModelled(type);
        if (state.features.containsKey(id)) {
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
        feature.seq = state.nextSeq();
        state.features.put(id, feature);
        state.changed();
        return state.render(feature);
    }

    ObjectNode update(String featureId, ObjectNode body) {
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
        Model.Feature feature = state.feature(featureId);
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
        checkBlockers(feature, newType, changingType, changingId ? newId : null, changingUsage, consumable);
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
        state.changed();
        return state.render(feature);
    }

    ObjectNode delete(String featureId) {
        Model.Feature feature = state.feature(featureId);
        Model.Feature creditSystem = state.creditSystemUsing(featureId);
        if (creditSystem != null) {
            throw ApiError.invalidRequest(409, "Feature " + featureId + " is used by credit system " + creditSystem.id);
        }
        if (state.itemCount(featureId) > 0) {
            throw ApiError.invalidRequest(
                    409,
                    "Feature " + featureId
                            + " is used in a product. You must delete the product first, or archive it instead.");
        }
        state.features.remove(feature.id);
        state.changed();
        return CatalogState.success();
    }

    ObjectNode deletionInfo(String featureId) {
        state.feature(featureId);
        Model.PlanVersion first = null;
        int count = 0;
        for (Model.PlanVersion version : state.allVersions()) {
            for (Model.Item item : version.items) {
                if (featureId.equals(item.featureId())) {
                    count++;
                    if (first == null || version.seq < first.seq) {
                        first = version;
                    }
                }
            }
        }
        ObjectNode info = Json.object();
        if (first == null) {
            info.putNull("productName");
        } else {
            info.put("productName", first.name);
        }
        info.put("totalCount", count);
        return info;
    }

    private static void notModelled(String type) {
        if ("ai_credit_system".equals(type)) {
            throw new ApiError(
                    501,
                    "sandbox_not_implemented",
                    "The local Autumn sandbox (a test double, not Autumn) does not model ai_credit_system features");
        }
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
        return node == null ? null : Schema.read(in, node, "display", Model.Display.class);
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
            Model.CreditEntry entry = Schema.read(in, (ObjectNode) node, prefix, Model.CreditEntry.class);
            if (entry != null) {
                schema.add(entry);
            }
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
            if (seen.contains(entry.meteredFeatureId())) {
                throw new ApiError(
                        400, "invalid_feature", "Credit system contains multiple of the same metered_feature_id");
            }
            seen.add(entry.meteredFeatureId());
        }
        for (Model.CreditEntry entry : schema) {
            Model.Feature target = state.features.get(entry.meteredFeatureId());
            if (target == null || entry.meteredFeatureId().equals(selfId)) {
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
    private void checkBlockers(
            Model.Feature feature,
            String newType,
            boolean changingType,
            String newId,
            boolean changingUsage,
            Boolean consumable) {
        boolean customers = usedByCustomers.test(feature.id);
        Model.Feature entityUser = state.entityUser(feature.id);
        Model.Feature creditSystem = state.creditSystemUsing(feature.id);
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
            if (state.hasUsagePrice(feature.id)) {
                throw invalidFeature(
                        "Cannot change type of feature " + feature.id + " because it has a usage price set");
            }
            if (creditSystem != null) {
                throw invalidFeature(
                        "Cannot change type of feature " + feature.id + " because it is used in a credit system");
            }
        }
        if (newId != null) {
            if (state.features.containsKey(newId)) {
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

    /** A consumable switch rewrites the items of every plan: non-consumable items lose their reset. */
    private void reResetItems(Model.Feature feature) {
        for (Model.PlanVersion version : state.allVersions()) {
            version.items.replaceAll(item -> {
                if (!feature.id.equals(item.featureId())) {
                    return item;
                }
                if (!feature.resets()) {
                    return item.with("reset", null);
                }
                if (item.reset() != null) {
                    return item;
                }
                return item.with(
                        "reset",
                        item.price() != null
                                ? new Model.Reset(
                                        item.price().interval(), item.price().intervalCount())
                                : new Model.Reset("one_off", 1));
            });
        }
    }

    /** {@code new_feature_id}: plans and credit schemas follow, and the feature moves to the end of the list. */
    private void rename(Model.Feature feature, String newId) {
        String oldId = feature.id;
        state.features.remove(oldId);
        feature.id = newId;
        feature.seq = state.nextSeq();
        state.features.put(newId, feature);
        for (Model.PlanVersion version : state.allVersions()) {
            version.items.replaceAll(item -> {
                Model.Item renamed = oldId.equals(item.featureId()) ? item.with("featureId", newId) : item;
                return oldId.equals(renamed.entityFeatureId()) ? renamed.with("entityFeatureId", newId) : renamed;
            });
        }
        for (Model.Feature other : state.features.values()) {
            if (other.creditSchema != null) {
                other.creditSchema.replaceAll(entry ->
                        oldId.equals(entry.meteredFeatureId()) ? Json.with(entry, "meteredFeatureId", newId) : entry);
            }
        }
    }
}
