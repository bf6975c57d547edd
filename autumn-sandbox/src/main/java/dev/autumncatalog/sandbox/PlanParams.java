package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plan request body ({@code plans.create}, {@code plans.update}, {@code has_customers} and their REST forms) after
 * the schema checks Autumn 2.3.0 runs before it looks at any stored state. Field-by-field presence is kept because
 * {@code plans.update} is partial: an omitted field is kept, {@code price:null} removes the price.
 */
final class PlanParams {
    static final List<String> PRICE_INTERVALS = List.of("one_off", "week", "month", "quarter", "semi_annual", "year");
    static final List<String> RESET_INTERVALS =
            List.of("one_off", "minute", "hour", "day", "week", "month", "quarter", "semi_annual", "year");
    static final List<String> BILLING_METHODS = List.of("prepaid", "usage_based");
    static final List<String> TIER_BEHAVIORS = List.of("graduated", "volume");
    static final List<String> TRIAL_DURATIONS = List.of("day", "month", "year");
    static final List<String> ROLLOVER_DURATIONS = List.of("month", "forever");
    private static final Pattern ID = Pattern.compile("^[a-zA-Z0-9_-]+$");

    /** Which request the body belongs to; decides required fields and defaults. */
    enum Kind {
        CREATE,
        UPDATE,
        HAS_CUSTOMERS
    }

    String planId;
    String newPlanId;
    String name;
    boolean hasName;
    String description;
    boolean hasDescription;
    String group;
    boolean hasGroup;
    Boolean addOn;
    Boolean autoEnable;
    Boolean archived;
    boolean hasPrice;
    Model.BasePrice price;
    boolean hasItems;
    List<ItemParams> items = new ArrayList<>();
    boolean hasFreeTrial;
    Model.FreeTrial freeTrial;
    Integer version;
    boolean disableVersion;
    boolean forceVersion;
    boolean allVersions;

    /** One item as sent, before it is normalised against its feature. */
    static final class ItemParams {
        String featureId;
        BigDecimal included;
        Boolean unlimited;
        Boolean pooled;
        Model.Reset reset;
        Model.ItemPrice price;
        String entityFeatureId;
        Model.Rollover rollover;
        boolean proration;
    }

    /**
     * @param idKey {@code plan_id} on the RPC routes, {@code id} on REST; {@code null} when the id comes from the path
     */
    static PlanParams parse(ObjectNode body, Kind kind, String idKey, String pathId) {
        Inputs in = new Inputs();
        PlanParams p = new PlanParams();
        if (idKey == null) {
            p.planId = pathId;
        } else if (kind == Kind.CREATE) {
            p.planId = in.requiredString(body, "", idKey);
            if (p.planId != null && !ID.matcher(p.planId).matches()) {
                in.issue(idKey, "must contain only letters, numbers, underscores, hyphens");
            }
        } else {
            p.planId = in.requiredString(body, "", idKey);
        }
        if (kind == Kind.UPDATE) {
            p.newPlanId = in.optionalString(body, "", "new_plan_id", false);
            if (p.newPlanId != null && !ID.matcher(p.newPlanId).matches()) {
                in.issue("new_plan_id", "must contain only letters, numbers, underscores, hyphens");
            }
        }
        if (kind == Kind.CREATE) {
            p.name = in.requiredString(body, "", "name");
            p.hasName = true;
        } else {
            p.hasName = body.has("name");
            p.name = in.optionalString(body, "", "name", false);
        }
        if (p.name != null && p.name.isEmpty()) {
            in.issue("name", "cannot be empty");
        }
        p.hasDescription = body.has("description");
        p.description = emptyToNull(in.optionalString(body, "", "description", false));
        p.hasGroup = body.has("group");
        p.group = emptyToNull(in.optionalString(body, "", "group", false));
        p.addOn = in.optionalBoolean(body, "", "add_on");
        p.autoEnable = in.optionalBoolean(body, "", "auto_enable");
        if (kind == Kind.UPDATE) {
            p.archived = in.optionalBoolean(body, "", "archived");
            BigDecimal version = in.optionalNumber(body, "", "version", true);
            p.version = version == null ? null : version.intValue();
            p.disableVersion = Boolean.TRUE.equals(in.optionalBoolean(body, "", "disable_version"));
            p.forceVersion = Boolean.TRUE.equals(in.optionalBoolean(body, "", "force_version"));
            p.allVersions = Boolean.TRUE.equals(in.optionalBoolean(body, "", "all_versions"));
        }
        p.hasPrice = body.has("price");
        ObjectNode price = in.optionalObject(body, "", "price", true);
        if (price != null) {
            p.price = basePrice(in, price);
        }
        p.hasItems = body.has("items");
        ArrayNode items = in.optionalArray(body, "", "items");
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode node = items.get(i);
                String prefix = "items." + i;
                if (!node.isObject()) {
                    in.issue(prefix, "must be an object (received " + Inputs.received(node) + ")");
                    continue;
                }
                ItemParams item = item(in, (ObjectNode) node, prefix);
                if (item != null) {
                    p.items.add(item);
                }
            }
        }
        p.hasFreeTrial = body.has("free_trial");
        ObjectNode trial = in.optionalObject(body, "", "free_trial", true);
        if (trial != null) {
            p.freeTrial = freeTrial(in, trial);
        }
        in.throwIfAny();
        return p;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Model.BasePrice basePrice(Inputs in, ObjectNode node) {
        Model.BasePrice price = new Model.BasePrice();
        price.amount = in.requiredNumber(node, "price", "amount");
        price.interval = in.requiredEnum(node, "price", "interval", PRICE_INTERVALS);
        BigDecimal count = in.optionalNumber(node, "price", "interval_count", true);
        price.intervalCount = count == null ? 1 : count.intValue();
        return price;
    }

    private static Model.FreeTrial freeTrial(Inputs in, ObjectNode node) {
        Model.FreeTrial trial = new Model.FreeTrial();
        trial.durationLength = in.requiredNumber(node, "free_trial", "duration_length");
        String type = in.optionalEnum(node, "free_trial", "duration_type", TRIAL_DURATIONS);
        trial.durationType = type == null ? "month" : type;
        Boolean card = in.optionalBoolean(node, "free_trial", "card_required");
        trial.cardRequired = card == null || card;
        if (trial.durationLength != null && trial.durationLength.signum() <= 0) {
            in.issue("free_trial.duration_length", "must be greater than 0");
        }
        return trial;
    }

    private static ItemParams item(Inputs in, ObjectNode node, String prefix) {
        int mark = in.mark();
        ItemParams item = new ItemParams();
        item.featureId = in.requiredString(node, prefix, "feature_id");
        item.included = in.optionalNumber(node, prefix, "included", true);
        item.unlimited = in.optionalBoolean(node, prefix, "unlimited");
        item.pooled = in.optionalBoolean(node, prefix, "pooled");
        item.entityFeatureId = in.optionalString(node, prefix, "entity_feature_id", true);
        ObjectNode reset = in.optionalObject(node, prefix, "reset", true);
        if (reset != null) {
            String resetPrefix = prefix + ".reset";
            item.reset = new Model.Reset();
            item.reset.interval = in.requiredEnum(reset, resetPrefix, "interval", RESET_INTERVALS);
            BigDecimal count = in.optionalNumber(reset, resetPrefix, "interval_count", true);
            item.reset.intervalCount = count == null ? 1 : count.intValue();
        }
        ObjectNode price = in.optionalObject(node, prefix, "price", true);
        if (price != null) {
            item.price = itemPrice(in, price, prefix + ".price");
        }
        ObjectNode rollover = in.optionalObject(node, prefix, "rollover", true);
        if (rollover != null) {
            String rolloverPrefix = prefix + ".rollover";
            item.rollover = new Model.Rollover();
            item.rollover.max = in.optionalNumber(rollover, rolloverPrefix, "max", true);
            item.rollover.maxPercentage = in.optionalNumber(rollover, rolloverPrefix, "max_percentage", true);
            item.rollover.expiryDurationType =
                    in.requiredEnum(rollover, rolloverPrefix, "expiry_duration_type", ROLLOVER_DURATIONS);
            BigDecimal length = in.optionalNumber(rollover, rolloverPrefix, "expiry_duration_length", true);
            item.rollover.expiryDurationLength =
                    "forever".equals(item.rollover.expiryDurationType) || length == null ? BigDecimal.ZERO : length;
        }
        item.proration = in.optionalObject(node, prefix, "proration", true) != null;
        if (!in.cleanSince(mark)) {
            return null;
        }
        refine(in, item, node, prefix);
        return item;
    }

    private static Model.ItemPrice itemPrice(Inputs in, ObjectNode node, String prefix) {
        Model.ItemPrice price = new Model.ItemPrice();
        price.amount = in.optionalNumber(node, prefix, "amount", true);
        ArrayNode tiers = in.optionalArray(node, prefix, "tiers");
        if (tiers != null) {
            price.tiers = new ArrayList<>();
            for (int i = 0; i < tiers.size(); i++) {
                String tierPrefix = prefix + ".tiers." + i;
                JsonNode tierNode = tiers.get(i);
                if (!tierNode.isObject()) {
                    in.issue(tierPrefix, "must be an object (received " + Inputs.received(tierNode) + ")");
                    continue;
                }
                ObjectNode t = (ObjectNode) tierNode;
                Model.Tier tier = new Model.Tier();
                JsonNode to = t.get("to");
                if (to != null && to.isTextual() && "inf".equals(to.textValue())) {
                    tier.to = null;
                } else if (to != null && to.isNumber()) {
                    tier.to = to.decimalValue();
                } else {
                    in.issue(tierPrefix + ".to", "must be a number or \"inf\" (received " + Inputs.received(to) + ")");
                }
                tier.amount = in.requiredNumber(t, tierPrefix, "amount");
                tier.flatAmount = in.optionalNumber(t, tierPrefix, "flat_amount", true);
                price.tiers.add(tier);
            }
        }
        String behavior = in.optionalEnum(node, prefix, "tier_behavior", TIER_BEHAVIORS);
        price.interval = in.requiredEnum(node, prefix, "interval", PRICE_INTERVALS);
        BigDecimal count = in.optionalNumber(node, prefix, "interval_count", true);
        price.intervalCount = count == null ? 1 : count.intValue();
        BigDecimal units = in.optionalNumber(node, prefix, "billing_units", true);
        price.billingUnits = units == null ? BigDecimal.ONE : units;
        price.billingMethod = in.requiredEnum(node, prefix, "billing_method", BILLING_METHODS);
        price.maxPurchase = in.optionalNumber(node, prefix, "max_purchase", true);
        if (price.tiers != null) {
            price.tierBehavior = behavior == null ? "graduated" : behavior;
        } else {
            price.tierBehavior = behavior;
        }
        return price;
    }

    /** The item-level rules of Autumn's schema, reported as {@code items.N: …}, in the order the server lists them. */
    private static void refine(Inputs in, ItemParams item, ObjectNode node, String prefix) {
        Model.ItemPrice price = item.price;
        if (price == null) {
            return;
        }
        boolean hasTiers = price.tiers != null && !price.tiers.isEmpty();
        if (price.amount != null && price.tiers != null) {
            in.issue(prefix, "'amount' and 'tiers' cannot both be defined in 'price'.");
        } else if (price.amount == null && !hasTiers) {
            in.issue(prefix, "If 'price' is present, either 'amount' or 'tiers' must be defined.");
        }
        if (price.tiers != null && price.tiers.isEmpty()) {
            in.issue(prefix, "tiers cannot be empty.");
        }
        if (item.reset != null
                && !price.prepaid()
                && (!item.reset.interval.equals(price.interval) || item.reset.intervalCount != price.intervalCount)) {
            in.issue(prefix, "reset.interval and price.interval can only differ for prepaid prices.");
        }
        if (hasTiers && price.tiers.get(0).to != null) {
            BigDecimal included = item.included == null ? BigDecimal.ZERO : item.included;
            if (price.tiers.get(0).to.compareTo(included) <= 0) {
                in.issue(prefix, "tiers[0].to must be greater than included.");
            }
        }
        if ("volume".equals(price.tierBehavior) && !price.prepaid()) {
            in.issue(prefix, "volume-based pricing is only supported for prepaid features.");
        }
        if (item.proration && !price.prepaid()) {
            in.issue(prefix, "proration is only supported for prepaid features.");
        }
    }

    /**
     * The item as Autumn stores it: defaults filled, the reset derived from the feature (consumable items without a
     * reset get their prepaid price's interval or {@code one_off}; other items never have one), boolean items without
     * included usage. Unlimited together with a price is stored as a limited item, as the real server does.
     */
    static Model.Item normalise(ItemParams in, Model.Feature feature) {
        Model.Item item = new Model.Item();
        item.featureId = in.featureId;
        item.pooled = Boolean.TRUE.equals(in.pooled);
        item.entityFeatureId = in.entityFeatureId;
        item.rollover = in.rollover == null ? null : in.rollover.copy();
        item.price = in.price == null ? null : in.price.copy();
        boolean unlimited = Boolean.TRUE.equals(in.unlimited) && in.price == null;
        if (feature.isBoolean()) {
            item.included = BigDecimal.ZERO;
            item.unlimited = false;
            item.reset = null;
            return item;
        }
        item.unlimited = unlimited;
        item.included =
                unlimited || in.included == null || Boolean.TRUE.equals(in.unlimited) ? BigDecimal.ZERO : in.included;
        if (feature.resets()) {
            if (in.reset != null) {
                item.reset = in.reset.copy();
            } else if (in.price != null) {
                item.reset = new Model.Reset(in.price.interval, in.price.intervalCount);
            } else {
                item.reset = new Model.Reset("one_off", 1);
            }
        }
        return item;
    }
}
