package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The push the fault matrix breaks: an Autumn holding {@link #SEED} (with customers and archived entities) and a
 * catalog {@link #TARGET} that differs from it by twelve changes of every kind, and that also holds an unrelated
 * feature and plan unchanged ({@link #UNTOUCHED}).
 *
 * <pre>
 *   + feature tokens            ~ feature messages (rename)      ↺ feature beta (un-archive)
 *   + feature ai_credits (credit system)   ~ feature credits (credit schema)
 *   + plan pro                  ~ plan team (price; has customers: creates version 2)
 *   ~ plan free (rename; has customers: no version)   ↺ plan old_pro (un-archive)
 *   - plan legacy (archive: it has customers)         - plan trial (delete)
 *   - feature old_flag (delete: nothing uses it)
 * </pre>
 */
final class PushScenario {
    // Unchanged by the target.
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature SSO = feature("sso").name("SSO").booleanFlag();
    /** Unrelated to every change: never written. */
    static final Feature SUPPORT = feature("support").name("Support").booleanFlag();

    // Seed versions.
    static final Feature MESSAGES = feature("messages").name("Messages").singleUse();
    static final Feature OLD_FLAG = feature("old_flag").name("Old flag").booleanFlag();
    static final Feature BETA = feature("beta").name("Beta").booleanFlag();
    static final Feature CREDITS = feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1));

    /** Unrelated to every change: never written. */
    static final Product STARTER = product("starter")
            .name("Starter")
            .item(featureItem(SSO))
            .item(featureItem(SUPPORT))
            .item(featureItem(API_CALLS).included(500).monthly());

    static final Product FREE = product("free")
            .name("Free")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly())
            .item(featureItem(CREDITS).included(50).monthly());
    static final Product TEAM = product("team")
            .name("Team")
            .item(priceItem(50).monthly())
            .item(featureItem(SEATS).included(5))
            .item(featureItem(SSO));
    static final Product OLD_PRO = product("old_pro")
            .name("Old Pro")
            .item(priceItem(15).monthly())
            .item(featureItem(API_CALLS).included(5_000).monthly());
    static final Product LEGACY = product("legacy")
            .name("Legacy")
            .item(priceItem(9).monthly())
            .item(featureItem(MESSAGES).included(100).monthly());
    static final Product TRIAL = product("trial")
            .name("Trial")
            .item(featureItem(API_CALLS).included(10).noReset());

    static final Catalog SEED = new Catalog(
            List.of(API_CALLS, SEATS, SSO, SUPPORT, MESSAGES, OLD_FLAG, BETA, CREDITS),
            List.of(STARTER, FREE, TEAM, OLD_PRO, LEGACY, TRIAL));

    // Target versions.
    static final Feature TOKENS = feature("tokens").name("Tokens").singleUse();
    static final Feature MESSAGES_2 = feature("messages").name("Chat messages").singleUse();
    static final Feature CREDITS_2 =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 2), cost(MESSAGES_2, 1));
    static final Feature AI_CREDITS = feature("ai_credits").name("AI credits").creditSystem(cost(TOKENS, "0.5"));

    static final Product FREE_2 = product("free")
            .name("Free forever")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly())
            .item(featureItem(CREDITS_2).included(50).monthly());
    static final Product TEAM_2 = product("team")
            .name("Team")
            .item(priceItem(60).monthly())
            .item(featureItem(SEATS).included(5))
            .item(featureItem(SSO));
    static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(BETA))
            .item(featureItem(TOKENS).included(10_000).monthly())
            .item(pricedFeatureItem(AI_CREDITS).price("0.01").payPerUse().monthly());

    static final Catalog TARGET = new Catalog(
            List.of(API_CALLS, SEATS, SSO, SUPPORT, MESSAGES_2, BETA, TOKENS, CREDITS_2, AI_CREDITS),
            List.of(STARTER, FREE_2, TEAM_2, OLD_PRO, PRO));

    /** The entities the target contains unchanged and no change may write. */
    static final Set<String> UNTOUCHED = Set.of("support", "starter");

    /** Plan versions once the target is reached: team versions once; free's rename does not version. */
    static final Map<String, Integer> VERSIONS = Map.of("starter", 1, "free", 1, "team", 2, "old_pro", 1, "pro", 1);

    /** The ids the plan from the seed to the target changes. */
    static Set<String> changedIds() {
        return Set.of(
                "messages",
                "beta",
                "tokens",
                "credits",
                "ai_credits",
                "old_flag",
                "free",
                "team",
                "old_pro",
                "pro",
                "legacy",
                "trial");
    }

    /** Every feature and plan id of the target. */
    static Set<String> targetIds() {
        Set<String> ids = new HashSet<>();
        TARGET.features().forEach(f -> ids.add(f.id()));
        TARGET.products().forEach(p -> ids.add(p.id()));
        return ids;
    }

    static final PlanOptions OPTIONS = PlanOptions.defaults("sandbox", false)
            .withAllowRemovals(true)
            .withVersionPolicy(VersionPolicy.CREATE_VERSION);

    private PushScenario() {}

    /** Empties the sandbox and brings it to the seed: customers on free, team and legacy; beta and old_pro archived. */
    static void seed(AutumnSandbox sandbox, AutumnApi api) {
        sandbox.clearCatalog();
        CatalogSync sync = new CatalogSync(api, MAVEN_LIKE);
        sync.push(sync.plan(SEED, PlanOptions.defaults("sandbox", false)), PushOptions.batch());
        api.archiveFeature("beta", true);
        api.archivePlan("old_pro", true);
        sandbox.addCustomer("free").addCustomer("team").addCustomer("legacy");
    }
}
