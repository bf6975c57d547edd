package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.sandbox.Schema.Choice;
import dev.autumncatalog.sandbox.Schema.Nullable;
import dev.autumncatalog.sandbox.Schema.NumberOrInf;
import dev.autumncatalog.sandbox.Schema.OneOf;
import dev.autumncatalog.sandbox.Schema.Required;
import dev.autumncatalog.sandbox.Schema.ServerSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sandbox's own model of Autumn's catalog JSON. Values inside a plan are records: each component is declared once
 * and, through its type and annotations, is the request schema ({@link Schema}), the wire shape and the state-file
 * shape ({@link Json}), and part of "the same item" for versioning (record equality). Features and plan versions are
 * mutable state, touched only under the sandbox's state lock.
 */
final class Model {
    private Model() {}

    /** A feature. {@code seq} orders {@code features.list} (creation order; a rename moves it to the end). */
    static final class Feature {
        String id;
        String name;
        String type; // boolean | metered | credit_system
        boolean consumable;
        List<String> eventNames = new ArrayList<>();
        List<CreditEntry> creditSchema; // only for credit systems
        Display display; // only when a request set one
        boolean archived;
        long seq;

        boolean isCreditSystem() {
            return "credit_system".equals(type);
        }

        boolean isBoolean() {
            return "boolean".equals(type);
        }

        /** Whether items on this feature carry a reset (consumable metered features and credit systems). */
        boolean resets() {
            return !isBoolean() && (consumable || isCreditSystem());
        }
    }

    /** One {@code credit_schema} entry, kept as sent (Autumn does not check the target). */
    record CreditEntry(
            @Required String meteredFeatureId, @Required BigDecimal creditCost) {
        CreditEntry {
            creditCost = Numbers.normaliseOrNull(creditCost);
        }
    }

    /** A feature's singular/plural display words. */
    record Display(@Nullable String singular, @Nullable String plural) {}

    /** One version of a plan. */
    static final class PlanVersion {
        String id;
        int version;
        String name;
        String description; // null for none ("" is stored as null)
        String group; // null for none
        boolean addOn;
        boolean autoEnable;
        boolean archived;
        BasePrice price;
        List<Item> items = new ArrayList<>();
        FreeTrial freeTrial;
        long createdAt;
        long seq;
        /**
         * Stored by a request that sent {@code unlimited} together with a usage price: the real server answers 500
         * and from then on fails {@code plans.list} for the whole org until the plan is deleted.
         */
        boolean poisoned;

        PlanVersion copy() {
            return Json.deepCopy(this, PlanVersion.class);
        }

        /** Free in Autumn's listing sense: no positive base price and no item price. */
        boolean isFree() {
            if (price != null && price.amount().signum() > 0) {
                return false;
            }
            return items.stream().allMatch(item -> item.price() == null);
        }
    }

    /** The plan's base price. */
    record BasePrice(
            @Required BigDecimal amount,
            @Required @OneOf(Choice.PRICE_INTERVAL) String interval,

            @Nullable @JsonInclude(value = Include.CUSTOM, valueFilter = IsOne.class)
            Integer intervalCount,

            @ServerSet String priceId) {
        BasePrice {
            amount = Numbers.normaliseOrNull(amount);
            intervalCount = intervalCount == null ? 1 : intervalCount;
        }

        BasePrice withPriceId(String id) {
            return Json.with(this, "priceId", id);
        }

        /** Equal ignoring the generated id. */
        boolean sameAs(BasePrice other) {
            return other != null && withPriceId(null).equals(other.withPriceId(null));
        }
    }

    /** A reset cycle; {@code interval_count} is on the wire only when it is not 1. */
    record Reset(
            @Required @OneOf(Choice.RESET_INTERVAL) String interval,

            @Nullable @JsonInclude(value = Include.CUSTOM, valueFilter = IsOne.class)
            Integer intervalCount) {
        Reset {
            intervalCount = intervalCount == null ? 1 : intervalCount;
        }
    }

    /**
     * A plan item: as a request sends it (then {@link PlanParams#normalise} fills Autumn's defaults) and as Autumn
     * stores and answers it. Components are in the order Autumn's schema reports their problems.
     */
    record Item(
            @Required String featureId,
            @Nullable BigDecimal included,
            Boolean unlimited,
            Boolean pooled,
            @Nullable @JsonInclude(Include.NON_NULL) String entityFeatureId,
            @Nullable Reset reset,
            @Nullable ItemPrice price,
            @Nullable @JsonInclude(Include.NON_NULL) Rollover rollover,
            /** Checked by the schema and the price rules, never stored or answered. */
            @Nullable @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            ObjectNode proration,

            @ServerSet String entitlementId,
            @ServerSet @JsonInclude(Include.NON_NULL) String priceId) {
        Item {
            included = Numbers.normaliseOrNull(included);
        }

        Item with(String component, Object value) {
            return Json.with(this, component, value);
        }

        /** Identity for "the same item" across versions: feature, reset cycle and entity. */
        String key() {
            return featureId + "|" + (reset == null ? "-" : reset.interval() + "/" + reset.intervalCount()) + "|"
                    + Objects.toString(entityFeatureId, "-");
        }

        /** Equal content, ignoring generated ids. */
        boolean sameAs(Item other) {
            return withoutIds().equals(other.withoutIds());
        }

        private Item withoutIds() {
            return with("entitlementId", null).with("priceId", null);
        }
    }

    /** An item's price. Exactly one of {@code amount} and {@code tiers} is set once the rules have passed. */
    record ItemPrice(
            @Nullable @JsonInclude(Include.NON_NULL) BigDecimal amount,
            @JsonInclude(Include.NON_NULL) List<Tier> tiers,

            @OneOf(Choice.TIER_BEHAVIOR) @JsonInclude(Include.NON_NULL)
            String tierBehavior,

            @Required @OneOf(Choice.PRICE_INTERVAL) String interval,

            @Nullable @JsonInclude(value = Include.CUSTOM, valueFilter = IsOne.class)
            Integer intervalCount,

            @Nullable BigDecimal billingUnits,
            @Required @OneOf(Choice.BILLING_METHOD) String billingMethod,
            @Nullable BigDecimal maxPurchase) {
        ItemPrice {
            amount = Numbers.normaliseOrNull(amount);
            tiers = tiers == null ? null : List.copyOf(tiers);
            if (tiers != null && tierBehavior == null) {
                tierBehavior = "graduated";
            }
            intervalCount = intervalCount == null ? 1 : intervalCount;
            billingUnits = billingUnits == null ? BigDecimal.ONE : Numbers.normalise(billingUnits);
            maxPurchase = Numbers.normaliseOrNull(maxPurchase);
        }

        boolean prepaid() {
            return "prepaid".equals(billingMethod);
        }
    }

    /** A price tier; {@code to == null} is {@code "inf"} on the wire. */
    record Tier(
            @NumberOrInf @JsonSerialize(nullsUsing = InfWriter.class) @JsonDeserialize(using = InfReader.class)
            BigDecimal to,

            @Required BigDecimal amount,
            @Nullable @JsonInclude(Include.NON_NULL) BigDecimal flatAmount) {
        Tier {
            to = Numbers.normaliseOrNull(to);
            amount = Numbers.normaliseOrNull(amount);
            flatAmount = Numbers.normaliseOrNull(flatAmount);
        }
    }

    /** Rollover of unused included units, kept as sent ({@code forever} has length 0). */
    record Rollover(
            @Nullable BigDecimal max,
            @Nullable BigDecimal maxPercentage,
            @Required @OneOf(Choice.ROLLOVER_DURATION) String expiryDurationType,
            @Nullable BigDecimal expiryDurationLength) {
        Rollover {
            max = Numbers.normaliseOrNull(max);
            maxPercentage = Numbers.normaliseOrNull(maxPercentage);
            expiryDurationLength = "forever".equals(expiryDurationType) || expiryDurationLength == null
                    ? BigDecimal.ZERO
                    : Numbers.normalise(expiryDurationLength);
        }
    }

    /** A plan's free trial; a card is required unless said otherwise. */
    record FreeTrial(
            @Required BigDecimal durationLength,
            @OneOf(Choice.TRIAL_DURATION) String durationType,
            Boolean cardRequired) {
        FreeTrial {
            durationLength = Numbers.normaliseOrNull(durationLength);
            durationType = durationType == null ? "month" : durationType;
            cardRequired = cardRequired == null || cardRequired;
        }
    }

    /** Jackson include filter: leave out a count of 1, as Autumn does. */
    static final class IsOne {
        @Override
        public boolean equals(Object value) {
            return Integer.valueOf(1).equals(value);
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** Writes a missing tier bound as {@code "inf"}. */
    static final class InfWriter extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString("inf");
        }
    }

    /** Reads {@code "inf"} as a missing tier bound. */
    static final class InfReader extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken().isNumeric()) {
                return in.getDecimalValue();
            }
            return null; // "inf"
        }
    }
}
