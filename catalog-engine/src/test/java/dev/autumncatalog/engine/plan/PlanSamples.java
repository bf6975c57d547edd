package dev.autumncatalog.engine.plan;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plans of the golden files and of docs/PLAN-FORMAT.md. */
public final class PlanSamples {
    public static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    public static final Feature AI_TOKENS =
            feature("ai_tokens").name("AI Tokens").singleUse();
    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    public static final Feature MESSAGES = feature("messages").name("Messages").singleUse();
    public static final Feature OLD_FLAG = feature("old_flag").name("Old flag").booleanFlag();
    public static final Feature SUPPORT =
            feature("support").name("Priority support").booleanFlag();

    public static final Product FREE_BEFORE = product("free")
            .name("Free")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly());
    public static final Product TEAM_BEFORE = product("team")
            .name("Team")
            .item(priceItem(50).monthly())
            .item(featureItem(SEATS).included(5));
    public static final Product LEGACY = product("legacy")
            .name("Legacy")
            .item(priceItem("9.99").monthly())
            .item(featureItem(API_CALLS).included(100).monthly());
    public static final Product OLD_PRO = product("old_pro")
            .name("Old Pro")
            .item(priceItem(15).monthly())
            .item(featureItem(API_CALLS).unlimited());

    private PlanSamples() {}

    /** Every removal allowed and a version policy chosen: nothing blocks. */
    public static Plan sample() {
        Feature creditsBefore = feature("credits").name("Credits").creditSystem(cost(AI_TOKENS, "0.01"));
        RemoteCatalog remote = new RemoteCatalog(
                List.of(live(API_CALLS), live(AI_TOKENS), live(SEATS), live(creditsBefore), live(OLD_FLAG)),
                List.of(
                        new RemotePlan("free", FREE_BEFORE, false, 1, List.of()),
                        new RemotePlan("team", TEAM_BEFORE, false, 2, List.of()),
                        new RemotePlan("legacy", LEGACY, false, 1, List.of()),
                        new RemotePlan("old_pro", OLD_PRO, true, 1, List.of())));
        Catalog desired = desired();
        LiveFacts facts = new LiveFacts(
                Map.of("team", new PlanCustomers(2, true, false), "free", new PlanCustomers(1, false, false)),
                Map.of("legacy", true),
                Map.of("old_flag", new FeatureUsage(null, 0)));
        PlanOptions options = PlanOptions.defaults("acme", false)
                .withAllowRemovals(true)
                .withVersionPolicy(VersionPolicy.CREATE_VERSION);
        return new Planner().plan(desired, remote, options, facts);
    }

    private static Catalog desired() {
        Feature credits = feature("credits").name("AI Credits").creditSystem(cost(AI_TOKENS, "0.02"));
        Product free = product("free")
                .name("Free")
                .defaultProduct()
                .item(featureItem(API_CALLS).included(2_000).monthly());
        Product pro = product("pro")
                .name("Pro")
                .item(priceItem(20).monthly())
                .item(featureItem(API_CALLS).included(10_000).monthly())
                .item(featureItem(MESSAGES).included(500).monthly());
        Product team = product("team")
                .name("Team")
                .item(priceItem(50).monthly())
                .item(featureItem(SEATS).included(10));
        return new Catalog(List.of(API_CALLS, AI_TOKENS, SEATS, MESSAGES, credits), List.of(free, pro, team, OLD_PRO));
    }

    /**
     * The safe defaults (no removals, no version policy, no drops) on a richer Autumn: content the DSL cannot express,
     * a plan it cannot read, an archived feature that comes back renamed.
     */
    public static Plan blocked() {
        Feature creditsBefore = feature("credits").name("Credits").creditSystem(cost(AI_TOKENS, "0.01"));
        Product enterprise =
                product("enterprise").name("Enterprise").item(priceItem(500).yearly());
        Product starter = product("starter").name("Starter").item(priceItem(5).monthly());
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        live(API_CALLS),
                        live(AI_TOKENS),
                        live(SEATS),
                        live(creditsBefore),
                        live(OLD_FLAG),
                        new RemoteFeature(
                                "support", feature("support").name("Support").booleanFlag(), true, List.of())),
                List.of(
                        new RemotePlan("free", FREE_BEFORE, false, 1, List.of()),
                        new RemotePlan("team", TEAM_BEFORE, false, 2, List.of()),
                        new RemotePlan("legacy", LEGACY, false, 1, List.of()),
                        new RemotePlan("old_pro", OLD_PRO, true, 1, List.of()),
                        new RemotePlan("enterprise", enterprise, false, 4, List.of("metadata {\"tier\":\"gold\"}")),
                        new RemotePlan("custom", null, false, 1, List.of("variant 'annual'")),
                        new RemotePlan("starter", starter, false, 1, List.of("billing controls {spend_limit: 100}"))));
        Product custom = product("custom")
                .name("Custom")
                .description("Tailored \"usage\" pricing")
                .group("sales")
                .addOn()
                .item(priceItem("99.9").every(3, dev.autumncatalog.dsl.Interval.MONTH))
                .item(pricedFeatureItem(AI_TOKENS)
                        .included(1_000)
                        .tiers(tier(50_000, "0.01"), lastTier("0.005"))
                        .per(100)
                        .payPerUse()
                        .every(3, dev.autumncatalog.dsl.Interval.MONTH))
                .item(featureItem(SUPPORT))
                .freeTrial(freeTrial(14).days().noCardRequired());
        Catalog base = desired();
        List<Feature> features = new ArrayList<>(base.features());
        features.add(SUPPORT);
        List<Product> products = new ArrayList<>(base.products());
        // free also gets messages, which this push creates: Autumn cannot assess it yet, so versioning is estimated
        products.set(0, products.get(0).item(featureItem(MESSAGES).included(10).monthly()));
        products.add(enterprise.name("Enterprise+"));
        products.add(custom);
        products.add(starter);
        LiveFacts facts = new LiveFacts(
                Map.of("team", new PlanCustomers(2, true, false), "custom", new PlanCustomers(1, false, false)),
                Map.of("legacy", true, "free", true),
                Map.of("old_flag", new FeatureUsage(null, 0)));
        return new Planner().plan(new Catalog(features, products), remote, PlanOptions.defaults("acme", true), facts);
    }

    private static RemoteFeature live(Feature feature) {
        return new RemoteFeature(feature.id(), feature, false, List.of());
    }
}
