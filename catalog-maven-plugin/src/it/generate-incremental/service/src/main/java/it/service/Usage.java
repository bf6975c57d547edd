package it.service;

import it.autumn.autumn.FeatureId;
import it.autumn.autumn.Features;
import it.autumn.autumn.ProductId;

/** Compiles only when the generated sources are on the compile source roots. */
public final class Usage {
    private Usage() {}

    public static String unit(String featureId) {
        switch (featureId) {
            case Features.API_CALLS:
                return "calls";
            default:
                return "units";
        }
    }

    /** Exhaustive: stops compiling when the catalog gains a product. */
    public static int rank(ProductId product) {
        return switch (product) {
            case FREE -> 0;
            case PRO -> 1;
        };
    }

    public static boolean metered(FeatureId feature) {
        return switch (feature.kind()) {
            case BOOLEAN -> false;
            case SINGLE_USE, CONTINUOUS_USE, CREDIT_SYSTEM -> true;
        };
    }
}
