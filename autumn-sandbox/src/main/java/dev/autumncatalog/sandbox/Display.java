package dev.autumncatalog.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The {@code display} texts Autumn generates for prices and items ({@code "1,000 API Calls"}, {@code "then $10 per
 * Seats"}), rebuilt from the recorded answers. They use the feature's current name, so a rename changes them.
 */
final class Display {
    private Display() {}

    /** {@code {primary_text, secondary_text}} of a plan's base price. */
    static String[] basePrice(Model.BasePrice price) {
        return new String[] {amount(price.amount()), interval(price.interval(), price.intervalCount())};
    }

    /** {@code {primary_text, secondary_text or null}} of an item. */
    static String[] item(Model.Item item, Model.Feature feature) {
        if (item.price() == null) {
            if (feature.isBoolean()) {
                return new String[] {feature.name, null};
            }
            String count = item.unlimited()
                    ? "Unlimited "
                    : item.included().signum() == 0 ? "0 " : withCommas(item.included()) + " ";
            return new String[] {count + label(feature, item.unlimited() ? null : item.included()), null};
        }
        String included =
                item.included().signum() > 0 ? withCommas(item.included()) + " " + label(feature, item.included()) : "";
        String priceText = priceText(item.price());
        BigDecimal units = item.price().billingUnits();
        String per = units.compareTo(BigDecimal.ONE) > 0
                ? withCommas(units) + " " + label(feature, units)
                : label(feature, BigDecimal.ONE);
        if (!included.isEmpty()) {
            return new String[] {included, "then " + priceText + " per " + per};
        }
        return new String[] {priceText + " per " + per, null};
    }

    private static String priceText(Model.ItemPrice price) {
        if (price.tiers() == null) {
            return amount(price.amount());
        }
        if (price.tiers().size() == 1) {
            return amount(price.tiers().get(0).amount());
        }
        List<Model.Tier> tiers = price.tiers();
        return amount(tiers.get(0).amount()) + " - "
                + amount(tiers.get(tiers.size() - 1).amount());
    }

    /** The feature's word for {@code units}: singular for exactly 1, plural otherwise, else its name. */
    private static String label(Model.Feature feature, BigDecimal units) {
        if (feature.display == null) {
            return feature.name;
        }
        boolean one = units != null && units.compareTo(BigDecimal.ONE) == 0;
        String word = one ? feature.display.singular() : feature.display.plural();
        return word == null || word.isEmpty() ? feature.name : word;
    }

    /** US-dollar amount as Autumn prints it: {@code $20}, {@code $0.008}, {@code -$5}, {@code $1,250.5}. */
    static String amount(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(Math.min(Math.max(amount.scale(), 0), 10), RoundingMode.HALF_EVEN);
        String sign = rounded.signum() < 0 ? "-" : "";
        return sign + "$" + withCommas(rounded.abs());
    }

    static String interval(String interval, int count) {
        if ("one_off".equals(interval)) {
            return "one-off";
        }
        String word = "semi_annual".equals(interval) ? "half year" : interval;
        return count == 1 ? "per " + word : "per " + count + " " + word + "s";
    }

    static String withCommas(BigDecimal value) {
        String plain = Numbers.normalise(value).abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + grouped + fraction;
    }
}
