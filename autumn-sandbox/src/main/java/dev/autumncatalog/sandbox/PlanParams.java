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
 * the schema checks Autumn 2.3.0 runs before it looks at any stored state. Plan-level presence is kept because {@code
 * plans.update} is partial: an omitted field is kept, {@code price:null} removes the price. Prices, items and trials
 * are read by {@link Schema} from the model's records.
 */
final class PlanParams {
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
    List<Model.Item> items = new ArrayList<>();
    boolean hasFreeTrial;
    Model.FreeTrial freeTrial;
    Integer version;
    boolean disableVersion;
    boolean forceVersion;
    boolean allVersions;

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
            p.price = Schema.read(in, price, "price", Model.BasePrice.class);
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
                Model.Item item = Schema.read(in, (ObjectNode) node, prefix, Model.Item.class);
                if (item != null) {
                    refine(in, item, prefix);
                    p.items.add(item);
                }
            }
        }
        p.hasFreeTrial = body.has("free_trial");
        ObjectNode trial = in.optionalObject(body, "", "free_trial", true);
        if (trial != null) {
            p.freeTrial = Schema.read(in, trial, "free_trial", Model.FreeTrial.class);
            JsonNode length = trial.get("duration_length");
            if (length != null && length.isNumber() && length.decimalValue().signum() <= 0) {
                in.issue("free_trial.duration_length", "must be greater than 0");
            }
        }
        in.throwIfAny();
        return p;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The item-level rules of Autumn's schema, reported as {@code items.N: …}, in the order the server lists them. */
    private static void refine(Inputs in, Model.Item item, String prefix) {
        Model.ItemPrice price = item.price();
        if (price == null) {
            return;
        }
        List<Model.Tier> tiers = price.tiers();
        boolean hasTiers = tiers != null && !tiers.isEmpty();
        if (price.amount() != null && tiers != null) {
            in.issue(prefix, "'amount' and 'tiers' cannot both be defined in 'price'.");
        } else if (price.amount() == null && !hasTiers) {
            in.issue(prefix, "If 'price' is present, either 'amount' or 'tiers' must be defined.");
        }
        if (tiers != null && tiers.isEmpty()) {
            in.issue(prefix, "tiers cannot be empty.");
        }
        Model.Reset reset = item.reset();
        if (reset != null
                && !price.prepaid()
                && (!reset.interval().equals(price.interval())
                        || !reset.intervalCount().equals(price.intervalCount()))) {
            in.issue(prefix, "reset.interval and price.interval can only differ for prepaid prices.");
        }
        if (hasTiers && tiers.get(0).to() != null) {
            BigDecimal included = item.included() == null ? BigDecimal.ZERO : item.included();
            if (tiers.get(0).to().compareTo(included) <= 0) {
                in.issue(prefix, "tiers[0].to must be greater than included.");
            }
        }
        if ("volume".equals(price.tierBehavior()) && !price.prepaid()) {
            in.issue(prefix, "volume-based pricing is only supported for prepaid features.");
        }
        if (item.proration() != null && !price.prepaid()) {
            in.issue(prefix, "proration is only supported for prepaid features.");
        }
    }

    /**
     * The item as Autumn stores it: defaults filled, the reset derived from the feature (consumable items without a
     * reset get their price's interval or {@code one_off}; other items never have one), boolean items without
     * included usage. Unlimited together with a price is stored as a limited item, as the real server does.
     */
    static Model.Item normalise(Model.Item in, Model.Feature feature) {
        Model.ItemPrice price = in.price();
        if (price != null && price.tiers() == null && price.tierBehavior() != null) {
            price = Json.with(price, "tierBehavior", null); // answered only beside tiers
        }
        Model.Item item = in.with("pooled", Boolean.TRUE.equals(in.pooled()))
                .with("price", price)
                .with("proration", null);
        boolean unlimited = Boolean.TRUE.equals(in.unlimited()) && in.price() == null;
        if (feature.isBoolean()) {
            return item.with("included", BigDecimal.ZERO)
                    .with("unlimited", false)
                    .with("reset", null);
        }
        item = item.with("unlimited", unlimited)
                .with(
                        "included",
                        unlimited || in.included() == null || Boolean.TRUE.equals(in.unlimited())
                                ? BigDecimal.ZERO
                                : in.included());
        if (!feature.resets()) {
            return item.with("reset", null);
        }
        if (in.reset() != null) {
            return item;
        }
        return item.with(
                "reset",
                in.price() != null
                        ? new Model.Reset(in.price().interval(), in.price().intervalCount())
                        : new Model.Reset("one_off", 1));
    }
}
