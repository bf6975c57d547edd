package dev.autumncatalog.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The plan rules Autumn checks against stored state (feature lookups, duplicate items, auto-enable), and how it stores
 * items (order, fresh ids). Shared by create, update and {@code has_customers}.
 */
final class PlanRules {
    static final String POISON_MESSAGE = "included: must be a number (received number)";

    private final CatalogState state;

    PlanRules(CatalogState state) {
        this.state = state;
    }

    /** Items normalised against their features; unknown features and usage-based one-off prices are refused first. */
    List<Model.Item> normaliseItems(PlanParams params, boolean checkPrices) {
        List<Model.Item> items = new ArrayList<>();
        for (Model.Item in : params.items) {
            items.add(PlanParams.normalise(in, state.feature(in.featureId())));
        }
        if (checkPrices) {
            for (Model.Item in : params.items) {
                if (in.price() != null
                        && !in.price().prepaid()
                        && "one_off".equals(in.price().interval())) {
                    throw new ApiError(
                            400,
                            "invalid_price",
                            "Usage prices cannot be one-off if not set to prepaid (feature: " + in.featureId() + ")");
                }
            }
        }
        return sortItems(items);
    }

    /** Rules the real server checks only after it has stored the plan row (so a create leaves an empty plan). */
    String itemStageProblem(PlanParams params, List<Model.Item> items) {
        for (Model.Item in : params.items) {
            if (in.included() != null && in.included().signum() < 0) {
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
                Model.Feature feature = state.features.get(a.featureId());
                if (feature != null && feature.isBoolean()) {
                    return "Feature " + a.featureId() + " is duplicated";
                }
                boolean samePricing = a.price() == null
                        ? b.price() == null
                        : b.price() != null
                                && a.price().billingMethod().equals(b.price().billingMethod());
                if (samePricing) {
                    return "You're trying to create two items for the same feature (" + a.featureId()
                            + ") with the same interval. Please make them into one item.";
                }
            }
        }
        return null;
    }

    /** {@code unlimited} with a price: stored, answered 500, and from then on {@code plans.list} fails. */
    static boolean poisoned(PlanParams params) {
        return params.items.stream().anyMatch(in -> Boolean.TRUE.equals(in.unlimited()) && in.price() != null);
    }

    /**
     * The default-plan rules of Autumn's {@code validateDefaultFlag} (read from the server source; the recordings show
     * the price rule): an auto-enable plan must be free, or a recurring plan with a card-less trial, and a group has at
     * most one free default and one default trial. On update they apply whenever the result is auto-enable.
     */
    void checkAutoEnable(Model.PlanVersion plan) {
        checkAutoEnable(plan, plan.items);
    }

    void checkAutoEnable(Model.PlanVersion plan, List<Model.Item> items) {
        if (!plan.autoEnable) {
            return;
        }
        boolean free = plan.price == null && items.stream().noneMatch(i -> i.price() != null);
        if (!free) {
            boolean oneOff = (plan.price == null || "one_off".equals(plan.price.interval()))
                    && items.stream()
                            .allMatch(i -> i.price() == null
                                    || "one_off".equals(i.price().interval()));
            boolean cardlessTrial = plan.freeTrial != null && !plan.freeTrial.cardRequired();
            if (oneOff || !cardlessTrial) {
                throw ApiError.invalidRequest(400, "Cannot make a plan auto-enable if it has prices on it.");
            }
        }
        for (List<Model.PlanVersion> versions : state.plans.values()) {
            Model.PlanVersion other = CatalogState.latest(versions);
            if (other.id.equals(plan.id)
                    || !other.autoEnable
                    || other.archived
                    || !Objects.equals(other.group, plan.group)) {
                continue;
            }
            boolean otherFree = other.price == null && other.items.stream().noneMatch(i -> i.price() != null);
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

    /** Every item write gives every item fresh ids, as the real server does. */
    List<Model.Item> withIds(List<Model.Item> items) {
        List<Model.Item> fresh = new ArrayList<>();
        for (Model.Item item : items) {
            fresh.add(item.with("entitlementId", state.newId("ent_"))
                    .with("priceId", item.price() == null ? null : state.newId("pr_")));
        }
        return fresh;
    }

    /** A fresh {@code price_id}, or {@code null} for no price. */
    Model.BasePrice withId(Model.BasePrice price) {
        return price == null ? null : price.withPriceId(state.newId("pr_"));
    }

    /** The order the server answers with: usage-based priced items, prepaid ones, other items, boolean items. */
    List<Model.Item> sortItems(List<Model.Item> items) {
        List<Model.Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(this::rank));
        return sorted;
    }

    private int rank(Model.Item item) {
        if (item.price() != null) {
            return item.price().prepaid() ? 1 : 0;
        }
        Model.Feature feature = state.features.get(item.featureId());
        return feature != null && feature.isBoolean() ? 3 : 2;
    }
}
