package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code plans.*} reads, create and delete, as Autumn 2.3.0 answered them in the recordings; updates and versioning
 * live in {@link PlanUpdate}.
 */
final class PlanHandlers {
    private final CatalogState state;
    private final PlanRules rules;
    private final CustomerCounts customers;

    /** How many customers sit on a plan version; the versioning and deletion rules ask. */
    interface CustomerCounts {
        int on(Model.PlanVersion version);

        /** The newest customer's display name on any version of the plan, or {@code null}. */
        String newestName(String planId);
    }

    PlanHandlers(CatalogState state, PlanRules rules, CustomerCounts customers) {
        this.state = state;
        this.rules = rules;
        this.customers = customers;
    }

    /**
     * @param rest {@code GET /v1/products} keeps working when a poisoned plan breaks {@code plans.list}
     */
    ObjectNode list(boolean includeArchived, boolean allVersions, boolean rest) {
        List<Model.PlanVersion> shown = new ArrayList<>();
        for (List<Model.PlanVersion> versions : state.plans.values()) {
            for (Model.PlanVersion version : allVersions ? versions : List.of(CatalogState.latest(versions))) {
                if (includeArchived || !version.archived) {
                    shown.add(version);
                }
            }
        }
        if (!rest && shown.stream().anyMatch(v -> v.poisoned)) {
            throw new ApiError(500, "invalid_inputs", PlanRules.POISON_MESSAGE);
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
        ArrayNode list = Json.NODES.arrayNode();
        shown.forEach(version -> list.add(state.render(version)));
        return Json.object().set("list", list);
    }

    ObjectNode get(String planId, Integer version) {
        Model.PlanVersion found =
                version == null ? CatalogState.latest(state.versions(planId)) : state.version(planId, version);
        if (found.poisoned) {
            throw new ApiError(500, "invalid_inputs", PlanRules.POISON_MESSAGE);
        }
        return state.render(found);
    }

    ObjectNode hasCustomers(PlanParams params) {
        Model.PlanVersion latest = CatalogState.latest(state.versions(params.planId));
        List<Model.Item> items = params.hasItems ? rules.normaliseItems(params, false) : null;
        boolean willVersion = customers.on(latest) > 0 && PlanUpdate.contentChanges(latest, params, items);
        ObjectNode answer = Json.object();
        answer.put("current_version", latest.version);
        answer.put("will_version", willVersion);
        answer.put("archived", latest.archived);
        return answer;
    }

    ObjectNode deletionInfo(String planId) {
        List<Model.PlanVersion> versions = state.versions(planId);
        Model.PlanVersion latest = CatalogState.latest(versions);
        int total = versions.stream().mapToInt(customers::on).sum();
        ObjectNode info = Json.object();
        info.put("numVersion", latest.version);
        info.put("hasCusProducts", total > 0);
        info.put("hasCusProductsLatest", customers.on(latest) > 0);
        if (total > 0) {
            info.put("customerName", customers.newestName(planId));
            info.put("totalCount", Integer.toString(total)); // a string, like the real server
        }
        return info;
    }

    ObjectNode create(PlanParams params) {
        if (state.plans.containsKey(params.planId)) {
            throw new ApiError(400, "product_already_exists", "Product " + params.planId + " already exists");
        }
        List<Model.Item> items = rules.normaliseItems(params, true);
        Model.PlanVersion plan = new Model.PlanVersion();
        plan.id = params.planId;
        plan.version = 1;
        plan.name = params.name;
        plan.description = params.description;
        plan.group = params.group;
        plan.addOn = Boolean.TRUE.equals(params.addOn);
        plan.autoEnable = Boolean.TRUE.equals(params.autoEnable);
        plan.createdAt = state.now();
        plan.seq = state.nextSeq();
        plan.price = rules.withId(params.price);
        plan.freeTrial = params.freeTrial;
        rules.checkAutoEnable(plan, items);

        // Past this point the real server has written the plan row, so item-stage failures leave it behind.
        String itemProblem = rules.itemStageProblem(params, items);
        if (itemProblem != null) {
            plan.price = null;
            plan.freeTrial = null;
            state.plans.put(plan.id, new ArrayList<>(List.of(plan)));
            state.changed();
            throw ApiError.invalidInputs(itemProblem);
        }
        plan.items = rules.withIds(items);
        plan.poisoned = PlanRules.poisoned(params);
        state.plans.put(plan.id, new ArrayList<>(List.of(plan)));
        state.changed();
        if (plan.poisoned) {
            throw new ApiError(500, "invalid_inputs", PlanRules.POISON_MESSAGE);
        }
        return state.render(plan);
    }

    ObjectNode delete(String planId, boolean allVersions) {
        List<Model.PlanVersion> versions = state.versions(planId);
        Model.PlanVersion latest = CatalogState.latest(versions);
        int count = 0;
        for (Model.PlanVersion version : allVersions ? versions : List.of(latest)) {
            count += customers.on(version);
        }
        if (count > 0) {
            throw ApiError.invalidRequest(
                    400,
                    "Product " + planId + " has " + count
                            + " customers (expired or active) on it and therefore cannot be deleted");
        }
        if (allVersions || versions.size() == 1) {
            state.plans.remove(planId);
        } else {
            versions.remove(versions.size() - 1);
        }
        state.changed();
        return CatalogState.success();
    }
}
