package dev.autumncatalog.client;

/**
 * A feature the client can {@link AutumnClient#check(String, FeatureRef) check}: a typed handle, or a plain id.
 *
 * <p>The handle's type says what Autumn may do with it, so the compiler refuses what Autumn would get wrong:
 *
 * <ul>
 *   <li>{@link MeteredFeature}: usage is counted; {@code check} and {@code track}.
 *   <li>{@link BooleanFlag}: on or off; {@code check} only (there is nothing to count).
 *   <li>{@link CreditSystem}: a pool its metered features draw from; {@code check} only (track the metered feature that
 *       spends the credits, never the pool itself).
 *   <li>{@link FeatureId}: an id the catalog does not know; {@code check}, and {@code track} after the client has
 *       learned from Autumn's {@code features.list} that it is metered.
 * </ul>
 *
 * <p>Generated code declares one constant per feature, with one static factory per kind. The factories are the stable
 * API for code generators; each checks the id and nothing else, and equal ids make equal handles:
 *
 * <pre>{@code
 * public final class Metered {
 *     public static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");
 *     public static final MeteredFeature AI_TOKENS = MeteredFeature.of("ai_tokens");
 * }
 * public final class Flags {
 *     public static final BooleanFlag SSO = BooleanFlag.of("sso");
 * }
 * public final class Credits {
 *     public static final CreditSystem CREDITS = CreditSystem.of("credits");
 * }
 * }</pre>
 *
 * <p>Handle a {@code FeatureRef} of unknown kind with a {@link Visitor}: adding a kind then fails to compile wherever
 * it is not handled.
 */
public sealed interface FeatureRef permits Trackable, BooleanFlag, CreditSystem {

    /** The feature id, as in Autumn ({@code api_calls}). */
    String id();

    /** Calls the visitor's method for this kind of feature. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of feature.
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        /** A metered feature (counted usage: API calls, tokens, seats). */
        R metered(MeteredFeature feature);

        /** A boolean feature (on or off). */
        R booleanFlag(BooleanFlag feature);

        /** A credit system (a pool metered features draw from). */
        R creditSystem(CreditSystem feature);

        /** A feature known by its id only. */
        R unchecked(FeatureId feature);
    }
}
