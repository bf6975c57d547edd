package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plans.update} and Autumn's versioning: a partial update, in place or as a new version when customers sit on
 * the latest version and its items, price or trial change; the version flags ({@code disable_version}, {@code
 * version}, {@code all_versions}, {@code force_version}); renames; and the REST form that treats price and items as one.
 */
final class PlanUpdate {
    private final CatalogState state;
    private final PlanRules rules;
    private final PlanHandlers.CustomerCounts customers;

    PlanUpdate(CatalogState state, PlanRules rules, PlanHandlers.CustomerCounts customers) {
        this.state = state;
        this.rules = rules;
        this.customers = customers;
    }

    /**
     * @param rest the REST update treats {@code price} and {@code items} as one list: sending one removes the other
     */
    ObjectNode update(PlanParams params, boolean rest) {
        checkFlags(params);
        List<Model.PlanVersion> versions = state.versions(params.planId);
        Model.PlanVersion latest = CatalogState.latest(versions);
        Model.PlanVersion target = params.version == null ? latest : state.version(params.planId, params.version);
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
            params.hasItems = true;
        }
        List<Model.Item> items = params.hasItems ? rules.normaliseItems(params, true) : null;
        String itemProblem = params.hasItems ? rules.itemStageProblem(params, items) : null;
        if (itemProblem != null) {
            throw ApiError.invalidInputs(itemProblem);
        }
        boolean renaming = params.newPlanId != null && !params.newPlanId.equals(params.planId);
        if (renaming) {
            if (versions.stream().anyMatch(v -> customers.on(v) > 0)) {
                throw ApiError.invalidRequest(409, "Cannot change product ID because it has existing customers");
            }
            if (state.plans.containsKey(params.newPlanId)) {
                throw new ApiError(
                        500, "internal_error", "duplicate key value violates unique constraint \"unique_product\"");
            }
        }
        boolean poisoned = params.hasItems && PlanRules.poisoned(params);
        boolean changes = contentChanges(target, params, items);

        if (params.allVersions) {
            rules.checkAutoEnable(apply(latest.copy(), params, items));
            applyToAllVersions(versions, latest, params, items);
        } else if (params.forceVersion
                || (!params.disableVersion && params.version == null && customers.on(latest) > 0 && changes)) {
            Model.PlanVersion next = apply(latest.copy(), params, items);
            rules.checkAutoEnable(next);
            next.version = latest.version + 1;
            next.createdAt = state.now();
            next.seq = state.nextSeq();
            next.items = rules.withIds(next.items);
            next.price = rules.withId(next.price);
            applyDetails(latest, params);
            latest.autoEnable = false;
            versions.add(next);
        } else {
            rules.checkAutoEnable(apply(target.copy(), params, items));
            apply(target, params, items);
        }
        if (poisoned) {
            CatalogState.latest(versions).poisoned = true;
        }
        if (renaming) {
            state.plans.remove(params.planId);
            versions.forEach(version -> version.id = params.newPlanId);
            state.plans.put(params.newPlanId, versions);
        }
        state.changed();
        if (poisoned) {
            throw new ApiError(500, "invalid_inputs", PlanRules.POISON_MESSAGE);
        }
        return state.render(CatalogState.latest(versions));
    }

    private static void checkFlags(PlanParams params) {
        if (params.forceVersion && params.disableVersion) {
            throw new ApiError(400, "conflicting_version_flags", "Cannot use both force_version and disable_version");
        }
        if (params.allVersions && params.disableVersion) {
            throw new ApiError(400, "conflicting_version_flags", "Cannot use both all_versions and disable_version");
        }
        if (params.allVersions && params.forceVersion) {
            throw new ApiError(400, "conflicting_version_flags", "Cannot use both all_versions and force_version");
        }
    }

    /** Whether the update's items, price or trial differ from {@code version} (what makes Autumn version a plan). */
    static boolean contentChanges(Model.PlanVersion version, PlanParams params, List<Model.Item> items) {
        if (items != null && !sameItems(version.items, items)) {
            return true;
        }
        if (params.hasPrice && (params.price == null ? version.price != null : !params.price.sameAs(version.price))) {
            return true;
        }
        return params.hasFreeTrial
                && (params.freeTrial == null ? version.freeTrial != null : !params.freeTrial.equals(version.freeTrial));
    }

    private static boolean sameItems(List<Model.Item> a, List<Model.Item> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<Model.Item> rest = new ArrayList<>(b);
        for (Model.Item item : a) {
            int match = -1;
            for (int i = 0; i < rest.size() && match < 0; i++) {
                if (item.sameAs(rest.get(i))) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            rest.remove(match);
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
                version.price = rules.withId(params.price);
            }
        }
        if (items != null) {
            version.items = rules.withIds(items);
        }
        if (params.hasFreeTrial) {
            version.freeTrial = params.freeTrial;
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
        Map<String, Model.Item> before = byKey(latest.items);
        Map<String, Model.Item> after = byKey(items == null ? List.of() : items);
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
                        merged.add(was != null && was.sameAs(now) ? item : now);
                    } else if (was == null) {
                        merged.add(item);
                    }
                }
                for (Map.Entry<String, Model.Item> entry : after.entrySet()) {
                    if (!before.containsKey(entry.getKey()) && !keys.contains(entry.getKey())) {
                        merged.add(entry.getValue());
                    }
                }
                version.items = rules.withIds(rules.sortItems(merged));
            }
            if (params.hasPrice && (params.price == null ? oldPrice != null : !params.price.sameAs(oldPrice))) {
                version.price = rules.withId(params.price);
            }
            if (params.hasFreeTrial
                    && (params.freeTrial == null ? oldTrial != null : !params.freeTrial.equals(oldTrial))) {
                version.freeTrial = params.freeTrial;
            }
        }
    }

    private static Map<String, Model.Item> byKey(List<Model.Item> items) {
        Map<String, Model.Item> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.put(item.key(), item));
        return byKey;
    }
}
