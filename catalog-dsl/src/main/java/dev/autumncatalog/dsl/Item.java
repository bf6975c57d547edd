package dev.autumncatalog.dsl;

/**
 * One line of a product: a fixed price, a feature allowance, or a usage-priced feature.
 *
 * <pre>{@code
 * priceItem(20).monthly()
 * featureItem(API_CALLS).included(10_000).monthly()
 * pricedFeatureItem(API_CALLS).included(10_000).price("0.01").payPerUse().monthly()
 * }</pre>
 */
public sealed interface Item permits PriceItem, FeatureItem, PricedFeatureItem {
    /** The feature this item grants or prices, or {@code null} for a fixed price. */
    Feature feature();

    /** A short readable label for messages: {@code price}, {@code feature api_calls}. */
    String label();
}
