package dev.autumncatalog.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the sandbox stores: features and plan versions as Autumn keeps them after normalising a request (defaults
 * filled, resets derived). Mutable and only touched under {@link SandboxCatalog}'s lock; Jackson writes the fields as
 * they are into the state file.
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
    static final class CreditEntry {
        String meteredFeatureId;
        BigDecimal creditCost;

        CreditEntry() {}

        CreditEntry(String meteredFeatureId, BigDecimal creditCost) {
            this.meteredFeatureId = meteredFeatureId;
            this.creditCost = creditCost;
        }
    }

    /** A feature's singular/plural display words. */
    static final class Display {
        String singular;
        String plural;
    }

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
        /** Customer names on this version, newest last; a test control, Autumn counts customer products. */
        List<String> customers = new ArrayList<>();
        /**
         * Stored by a request that sent {@code unlimited} together with a usage price: the real server answers 500
         * and from then on fails {@code plans.list} for the whole org until the plan is deleted.
         */
        boolean poisoned;

        PlanVersion copy() {
            PlanVersion copy = new PlanVersion();
            copy.id = id;
            copy.version = version;
            copy.name = name;
            copy.description = description;
            copy.group = group;
            copy.addOn = addOn;
            copy.autoEnable = autoEnable;
            copy.archived = archived;
            copy.price = price == null ? null : price.copy();
            for (Item item : items) {
                copy.items.add(item.copy());
            }
            copy.freeTrial = freeTrial == null ? null : freeTrial.copy();
            copy.createdAt = createdAt;
            copy.seq = seq;
            copy.customers = new ArrayList<>(customers);
            copy.poisoned = poisoned;
            return copy;
        }

        /** Free in Autumn's listing sense: no positive base price and no item price. */
        boolean isFree() {
            if (price != null && price.amount.signum() > 0) {
                return false;
            }
            for (Item item : items) {
                if (item.price != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The plan's base price. */
    static final class BasePrice {
        BigDecimal amount;
        String interval;
        int intervalCount = 1;
        String priceId;

        BasePrice copy() {
            BasePrice copy = new BasePrice();
            copy.amount = amount;
            copy.interval = interval;
            copy.intervalCount = intervalCount;
            copy.priceId = priceId;
            return copy;
        }

        boolean sameAs(BasePrice other) {
            return other != null
                    && amount.compareTo(other.amount) == 0
                    && interval.equals(other.interval)
                    && intervalCount == other.intervalCount;
        }
    }

    /** A reset cycle. */
    static final class Reset {
        String interval;
        int intervalCount = 1;

        Reset() {}

        Reset(String interval, int intervalCount) {
            this.interval = interval;
            this.intervalCount = intervalCount;
        }

        Reset copy() {
            return new Reset(interval, intervalCount);
        }

        boolean sameAs(Reset other) {
            return other != null && interval.equals(other.interval) && intervalCount == other.intervalCount;
        }
    }

    /** A plan item, normalised. */
    static final class Item {
        String featureId;
        BigDecimal included = BigDecimal.ZERO;
        boolean unlimited;
        boolean pooled;
        Reset reset;
        ItemPrice price;
        String entityFeatureId;
        Rollover rollover;
        String entitlementId;
        String priceId;

        Item copy() {
            Item copy = new Item();
            copy.featureId = featureId;
            copy.included = included;
            copy.unlimited = unlimited;
            copy.pooled = pooled;
            copy.reset = reset == null ? null : reset.copy();
            copy.price = price == null ? null : price.copy();
            copy.entityFeatureId = entityFeatureId;
            copy.rollover = rollover == null ? null : rollover.copy();
            copy.entitlementId = entitlementId;
            copy.priceId = priceId;
            return copy;
        }

        /** Identity for "the same item" across versions: feature, reset cycle and entity. */
        String key() {
            return featureId + "|" + (reset == null ? "-" : reset.interval + "/" + reset.intervalCount) + "|"
                    + Objects.toString(entityFeatureId, "-");
        }

        /** Equal content, ignoring generated ids. */
        boolean sameAs(Item other) {
            return featureId.equals(other.featureId)
                    && included.compareTo(other.included) == 0
                    && unlimited == other.unlimited
                    && pooled == other.pooled
                    && (reset == null ? other.reset == null : reset.sameAs(other.reset))
                    && (price == null ? other.price == null : price.sameAs(other.price))
                    && Objects.equals(entityFeatureId, other.entityFeatureId)
                    && (rollover == null ? other.rollover == null : rollover.sameAs(other.rollover));
        }
    }

    /** An item's price. Exactly one of {@code amount} and {@code tiers} is set. */
    static final class ItemPrice {
        BigDecimal amount;
        List<Tier> tiers;
        String tierBehavior;
        String interval;
        int intervalCount = 1;
        BigDecimal billingUnits = BigDecimal.ONE;
        String billingMethod;
        BigDecimal maxPurchase;

        ItemPrice copy() {
            ItemPrice copy = new ItemPrice();
            copy.amount = amount;
            if (tiers != null) {
                copy.tiers = new ArrayList<>();
                for (Tier tier : tiers) {
                    copy.tiers.add(tier.copy());
                }
            }
            copy.tierBehavior = tierBehavior;
            copy.interval = interval;
            copy.intervalCount = intervalCount;
            copy.billingUnits = billingUnits;
            copy.billingMethod = billingMethod;
            copy.maxPurchase = maxPurchase;
            return copy;
        }

        boolean prepaid() {
            return "prepaid".equals(billingMethod);
        }

        boolean sameAs(ItemPrice other) {
            if (other == null) {
                return false;
            }
            if (tiers == null ? other.tiers != null : other.tiers == null || tiers.size() != other.tiers.size()) {
                return false;
            }
            if (tiers != null) {
                for (int i = 0; i < tiers.size(); i++) {
                    if (!tiers.get(i).sameAs(other.tiers.get(i))) {
                        return false;
                    }
                }
            }
            return sameNumber(amount, other.amount)
                    && Objects.equals(tierBehavior, other.tierBehavior)
                    && interval.equals(other.interval)
                    && intervalCount == other.intervalCount
                    && sameNumber(billingUnits, other.billingUnits)
                    && billingMethod.equals(other.billingMethod)
                    && sameNumber(maxPurchase, other.maxPurchase);
        }
    }

    /** A price tier; {@code to == null} means {@code "inf"}. */
    static final class Tier {
        BigDecimal to;
        BigDecimal amount;
        BigDecimal flatAmount;

        Tier copy() {
            Tier copy = new Tier();
            copy.to = to;
            copy.amount = amount;
            copy.flatAmount = flatAmount;
            return copy;
        }

        boolean sameAs(Tier other) {
            return sameNumber(to, other.to)
                    && sameNumber(amount, other.amount)
                    && sameNumber(flatAmount, other.flatAmount);
        }
    }

    /** Rollover of unused included units, kept as sent. */
    static final class Rollover {
        BigDecimal max;
        BigDecimal maxPercentage;
        String expiryDurationType;
        BigDecimal expiryDurationLength;

        Rollover copy() {
            Rollover copy = new Rollover();
            copy.max = max;
            copy.maxPercentage = maxPercentage;
            copy.expiryDurationType = expiryDurationType;
            copy.expiryDurationLength = expiryDurationLength;
            return copy;
        }

        boolean sameAs(Rollover other) {
            return other != null
                    && sameNumber(max, other.max)
                    && sameNumber(maxPercentage, other.maxPercentage)
                    && Objects.equals(expiryDurationType, other.expiryDurationType)
                    && sameNumber(expiryDurationLength, other.expiryDurationLength);
        }
    }

    /** A plan's free trial. */
    static final class FreeTrial {
        BigDecimal durationLength;
        String durationType;
        boolean cardRequired;

        FreeTrial copy() {
            FreeTrial copy = new FreeTrial();
            copy.durationLength = durationLength;
            copy.durationType = durationType;
            copy.cardRequired = cardRequired;
            return copy;
        }

        boolean sameAs(FreeTrial other) {
            return other != null
                    && sameNumber(durationLength, other.durationLength)
                    && durationType.equals(other.durationType)
                    && cardRequired == other.cardRequired;
        }
    }

    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
