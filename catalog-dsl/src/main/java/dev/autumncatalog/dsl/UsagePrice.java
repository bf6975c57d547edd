package dev.autumncatalog.dsl;

/** The usage price of a {@link PricedFeatureItem}: one amount per billing unit, or tiers. */
public sealed interface UsagePrice permits PerUnitPrice, TieredPrice {}
