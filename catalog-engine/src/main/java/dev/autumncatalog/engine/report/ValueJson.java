package dev.autumncatalog.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.engine.model.ItemVisitor;
import dev.autumncatalog.engine.model.UsagePriceVisitor;
import dev.autumncatalog.engine.plan.Value;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A plan field's {@link Value} as JSON: numbers, booleans, strings and objects, never display text (which {@link
 * PlanJson} writes beside it). The encoding of every kind is in {@code docs/PLAN-FORMAT.md}.
 */
final class ValueJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ValueJson() {}

    /** {@code count}, {@code money}, {@code cycle}, …: how to read {@link #of(Value)}. */
    static String kind(Value value) {
        return value.accept(KIND);
    }

    /** The value as JSON; {@code null} gives JSON {@code null}. */
    static JsonNode of(Value value) {
        return value == null ? NODES.nullNode() : value.accept(ENCODE);
    }

    private static final Value.Visitor<String> KIND = new Value.Visitor<>() {
        @Override
        public String text(Value.Text value) {
            return "text";
        }

        @Override
        public String flag(Value.Flag value) {
            return "flag";
        }

        @Override
        public String count(Value.Count value) {
            return "count";
        }

        @Override
        public String included(Value.Included value) {
            return "included";
        }

        @Override
        public String decimal(Value.Decimal value) {
            return "decimal";
        }

        @Override
        public String money(Value.Money value) {
            return "money";
        }

        @Override
        public String period(Value.Period value) {
            return "cycle";
        }

        @Override
        public String kind(Value.Kind value) {
            return "featureType";
        }

        @Override
        public String featureRef(Value.FeatureRef value) {
            return "feature";
        }

        @Override
        public String method(Value.Method value) {
            return "billingMethod";
        }

        @Override
        public String behavior(Value.Behavior value) {
            return "tierBehavior";
        }

        @Override
        public String tier(Value.TierValue value) {
            return "tier";
        }

        @Override
        public String rollover(Value.RolloverValue value) {
            return "rollover";
        }

        @Override
        public String trial(Value.Trial value) {
            return "trial";
        }

        @Override
        public String duration(Value.Duration value) {
            return "duration";
        }

        @Override
        public String wholeItem(Value.WholeItem value) {
            return "item";
        }
    };

    private static final Value.Visitor<JsonNode> ENCODE = new Value.Visitor<>() {
        @Override
        public JsonNode text(Value.Text value) {
            return NODES.textNode(value.value());
        }

        @Override
        public JsonNode flag(Value.Flag value) {
            return NODES.booleanNode(value.value());
        }

        @Override
        public JsonNode count(Value.Count value) {
            return NODES.numberNode(value.value());
        }

        @Override
        public JsonNode included(Value.Included value) {
            return ValueJson.included(value.count(), value.unlimited());
        }

        @Override
        public JsonNode decimal(Value.Decimal value) {
            return NODES.numberNode(value.value());
        }

        @Override
        public JsonNode money(Value.Money value) {
            return NODES.numberNode(value.amount());
        }

        @Override
        public JsonNode period(Value.Period value) {
            return cycle(value.cycle());
        }

        @Override
        public JsonNode kind(Value.Kind value) {
            return NODES.textNode(word(value.type()));
        }

        @Override
        public JsonNode featureRef(Value.FeatureRef value) {
            return NODES.textNode(value.id());
        }

        @Override
        public JsonNode method(Value.Method value) {
            return NODES.textNode(word(value.method()));
        }

        @Override
        public JsonNode behavior(Value.Behavior value) {
            return NODES.textNode(word(value.behavior()));
        }

        @Override
        public JsonNode tier(Value.TierValue value) {
            return ValueJson.tier(value.upTo(), value.amount(), value.flatAmount());
        }

        @Override
        public JsonNode rollover(Value.RolloverValue value) {
            return ValueJson.rollover(value.max(), value.maxPercentage(), value.months());
        }

        @Override
        public JsonNode trial(Value.Trial value) {
            FreeTrial trial = value.trial();
            ObjectNode node = NODES.objectNode();
            node.put("length", trial.length());
            node.put("unit", word(trial.unit()));
            node.put("cardRequired", trial.cardRequired());
            return node;
        }

        @Override
        public JsonNode duration(Value.Duration value) {
            ObjectNode node = NODES.objectNode();
            node.put("length", value.length());
            node.put("unit", word(value.unit()));
            return node;
        }

        @Override
        public JsonNode wholeItem(Value.WholeItem value) {
            return ItemVisitor.visit(value.item(), ITEM);
        }
    };

    /** A whole item: its {@code type} and the same fields, under the same names, as its field changes. */
    private static final ItemVisitor<JsonNode> ITEM = new ItemVisitor<>() {
        @Override
        public JsonNode priceItem(PriceItem item) {
            ObjectNode node = NODES.objectNode();
            node.put("type", "price");
            node.set("amount", NODES.numberNode(normalise(item.amount())));
            node.set("interval", cycle(item.billing()));
            return node;
        }

        @Override
        public JsonNode featureItem(FeatureItem item) {
            ObjectNode node = NODES.objectNode();
            node.put("type", "feature");
            node.put("feature", item.feature().id());
            node.set("included", included(item.included(), item.isUnlimited()));
            node.set("reset", item.reset() == null ? NODES.nullNode() : cycle(item.reset()));
            node.put(
                    "entity",
                    item.entityFeature() == null ? null : item.entityFeature().id());
            return node;
        }

        @Override
        public JsonNode pricedFeatureItem(PricedFeatureItem item) {
            ObjectNode node = NODES.objectNode();
            node.put("type", "pricedFeature");
            node.put("feature", item.feature().id());
            node.put("included", item.included());
            UsagePriceVisitor.visit(item.price(), new UsagePriceVisitor<Void>() {
                @Override
                public Void perUnit(PerUnitPrice price) {
                    node.set("price", NODES.numberNode(normalise(price.amount())));
                    return null;
                }

                @Override
                public Void tiered(TieredPrice price) {
                    node.put("tierBehavior", word(price.behavior()));
                    ArrayNode tiers = node.putArray("tiers");
                    for (Tier tier : price.tiers()) {
                        tiers.add(tier(tier.upTo(), tier.amount(), tier.flatAmount()));
                    }
                    return null;
                }
            });
            node.put("billingUnits", item.billingUnits());
            node.put("billingMethod", word(item.billingMethod()));
            node.set("billing", cycle(item.billing()));
            node.set("reset", cycle(item.effectiveReset()));
            node.put("maxPurchase", item.maxPurchase());
            Rollover rollover = item.rollover();
            node.set(
                    "rollover",
                    rollover == null
                            ? NODES.nullNode()
                            : rollover(rollover.max(), rollover.maxPercentage(), rollover.months()));
            node.put(
                    "entity",
                    item.entityFeature() == null ? null : item.entityFeature().id());
            return node;
        }
    };

    /** A number, or {@code "unlimited"}. */
    private static JsonNode included(long count, boolean unlimited) {
        return unlimited ? NODES.textNode("unlimited") : NODES.numberNode(count);
    }

    /** {@code {"interval": "month", "count": 3}}; {@code {"interval": "one_off", "count": 1}} for one-off. */
    private static JsonNode cycle(Cycle cycle) {
        ObjectNode node = NODES.objectNode();
        node.put("interval", cycle.isOneOff() ? "one_off" : cycle.interval().word());
        node.put("count", cycle.count());
        return node;
    }

    private static JsonNode tier(Long upTo, BigDecimal amount, BigDecimal flatAmount) {
        ObjectNode node = NODES.objectNode();
        node.put("upTo", upTo);
        node.set("amount", NODES.numberNode(normalise(amount)));
        node.set("flatAmount", flatAmount == null ? NODES.nullNode() : NODES.numberNode(normalise(flatAmount)));
        return node;
    }

    private static JsonNode rollover(Long max, BigDecimal maxPercentage, int months) {
        ObjectNode node = NODES.objectNode();
        node.put("max", max);
        node.set(
                "maxPercentage", maxPercentage == null ? NODES.nullNode() : NODES.numberNode(normalise(maxPercentage)));
        node.put("months", months);
        return node;
    }

    /** {@code single_use}, {@code pay_per_use}, {@code day}: the enum constant in lower case. */
    private static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
