package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The normaliser proof: for every plan and feature that the real Autumn created or returned in the recordings, the
 * client's wire mapping agrees with the server.
 *
 * <ol>
 *   <li>request → model equals answer → model (items as a multiset: the server reorders them), so what the server
 *       stores reads back as what was sent;
 *   <li>answer → model → request body equals the recorded request, modulo the server-filled defaults documented in
 *       exchanges-2x/README.md ({@link ServerDefaults});
 *   <li>every plan and feature object in every 2.x answer reads back, writes, and reads back again unchanged, and its
 *       body equals the answer modulo those defaults.
 * </ol>
 *
 * Sources: atmn catalog.update bodies (10 seed, 12 rich, 16 rich v2), the per-entity RPC creates of 20, 30 and 40, the
 * REST creates of 21 (2.3.0), and every 2.x answer of those files.
 */
class NormaliserProofTest {
    private static final List<String> FILES = List.of(
            Recordings.SEED,
            Recordings.RICH,
            Recordings.RICH_V2,
            Recordings.RPC,
            Recordings.REST,
            Recordings.VERSIONING,
            Recordings.ERRORS);

    /**
     * Requests that the server normalises on the way in (README "Values that do not round-trip"; the DSL's canonical
     * forms make them impossible to write): excluded from request == answer, with the documented outcome asserted.
     */
    private static final Set<String> NORMALISED_ON_THE_WAY_IN =
            Set.of("e_seats_reset", "e_bool_reset", "e_unlimited_included");

    private record Pair(String label, String id, JsonNode request, JsonNode response, Map<String, Feature> features) {}

    private static List<Pair> planPairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String file : FILES) {
            Timeline.walk(file, (exchange, features) -> {
                if (!exchange.ok()
                        || !Timeline.shapes2x(exchange)
                        || !exchange.method().equals("POST")) {
                    return;
                }
                String path = exchange.path();
                if (path.equals("/v1/plans.create") || path.equals("/v1/products")) {
                    pairs.add(new Pair(
                            exchange.label(),
                            exchange.responseBody().get("id").asText(),
                            exchange.requestBody(),
                            exchange.responseBody(),
                            features));
                } else if (path.equals("/v1/catalog.update")) {
                    Map<String, Feature> withNew = withCatalogFeatures(exchange, features);
                    for (JsonNode request : Json.elements(exchange.requestBody().get("plans"))) {
                        String id = request.get("plan_id").asText();
                        pairs.add(new Pair(
                                exchange.label() + " " + id,
                                id,
                                request,
                                byId(exchange.responseBody().get("plans"), id),
                                withNew));
                    }
                }
            });
        }
        return pairs;
    }

    private static List<Pair> featurePairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String file : FILES) {
            Timeline.walk(file, (exchange, features) -> {
                if (!exchange.ok()
                        || !Timeline.shapes2x(exchange)
                        || !exchange.method().equals("POST")) {
                    return;
                }
                String path = exchange.path();
                if (path.equals("/v1/features.create") || path.equals("/v1/features")) {
                    pairs.add(new Pair(
                            exchange.label(),
                            exchange.responseBody().get("id").asText(),
                            exchange.requestBody(),
                            exchange.responseBody(),
                            features));
                } else if (path.equals("/v1/catalog.update")) {
                    Map<String, Feature> withNew = withCatalogFeatures(exchange, features);
                    for (JsonNode request : Json.elements(exchange.requestBody().get("features"))) {
                        String id = request.get("feature_id").asText();
                        pairs.add(new Pair(
                                exchange.label() + " " + id,
                                id,
                                request,
                                byId(exchange.responseBody().get("features"), id),
                                withNew));
                    }
                }
            });
        }
        return pairs;
    }

    @Test
    void recordedPlanCreates_requestAndAnswerReadBackEqual() {
        List<Pair> pairs = planPairs();
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        int invalid = 0;
        for (Pair pair : pairs) {
            RemotePlan sent = WireMapper.plan(pair.request(), pair.features());
            RemotePlan stored = WireMapper.plan(pair.response(), pair.features());
            if (NORMALISED_ON_THE_WAY_IN.contains(pair.id())) {
                assertNormalisedOnTheWayIn(soft, pair, sent, stored);
                continue;
            }
            soft.assertThat(stored.unsupported()).as(pair.label()).isEqualTo(sent.unsupported());
            soft.assertThat(asMultiset(stored.model())).as(pair.label()).isEqualTo(asMultiset(sent.model()));
            compared++;
            if (stored.model() == null) {
                invalid++;
                soft.assertThat(stored.unsupported())
                        .as(pair.label() + " says why")
                        .isNotEmpty();
            }
        }
        soft.assertAll();
        report("plan creates: request == answer", compared, invalid + " of them unrepresentable on both sides");
        // catalog.update plans: 10: 2, 12: 3, 16: 3, 30: 4; plans.create: 20: 6, 30: 3, 40: 14 (17 accepted less 3
        // normalised on the way in); REST 21: 1. Unrepresentable on both sides: none since pull keeps what a protective
        // rule refuses (the 3 negative amounts of 40 read on both sides, and validate reports them).
        assertThat(compared).isEqualTo(36);
        assertThat(invalid).isZero();
    }

    @Test
    void recordedFeatureCreates_requestAndAnswerReadBackEqual() {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (Pair pair : featurePairs()) {
            RemoteFeature sent = WireMapper.feature(pair.request(), pair.features());
            RemoteFeature stored = WireMapper.feature(pair.response(), pair.features());
            soft.assertThat(stored.model()).as(pair.label()).isEqualTo(sent.model());
            soft.assertThat(stored.unsupported()).as(pair.label()).isEqualTo(sent.unsupported());
            soft.assertThat(stored.archived()).as(pair.label()).isFalse();
            compared++;
        }
        soft.assertAll();
        report("feature creates: request == answer", compared, "");
        assertThat(compared).isEqualTo(33);
    }

    @Test
    void recordedPlanCreates_clientBodyIsTheRecordedRequestModuloServerDefaults() {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (Pair pair : planPairs()) {
            RemotePlan stored = WireMapper.plan(pair.response(), pair.features());
            if (NORMALISED_ON_THE_WAY_IN.contains(pair.id())
                    || stored.model() == null
                    || !stored.unsupported().isEmpty()) {
                continue;
            }
            JsonNode body = WireMapper.planCreateBody(stored.model());
            soft.assertThat(ServerDefaults.plan(body, pair.features()))
                    .as(pair.label())
                    .isEqualTo(ServerDefaults.plan(pair.request(), pair.features()));
            compared++;
        }
        soft.assertAll();
        report("plan creates: body(model(answer)) == request", compared, "");
        // 36 since the 3 negative amounts of 40 read (a protective rule refuses them; validate reports them).
        assertThat(compared).isEqualTo(36);
    }

    @Test
    void recordedFeatureCreates_clientBodyIsTheRecordedRequestModuloServerDefaults() {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (Pair pair : featurePairs()) {
            RemoteFeature stored = WireMapper.feature(pair.response(), pair.features());
            if (stored.model() == null || !stored.unsupported().isEmpty()) {
                continue;
            }
            JsonNode body = WireMapper.featureCreateBody(stored.model());
            soft.assertThat(ServerDefaults.feature(body))
                    .as(pair.label())
                    .isEqualTo(ServerDefaults.feature(pair.request()));
            compared++;
        }
        soft.assertAll();
        report("feature creates: body(model(answer)) == request", compared, "");
        // 33 less the one flagged: an unknown schema member (event names are said by the DSL since issue 13; id 'bad
        // id!' and a negative credit cost read as Autumn holds them since pull keeps what a protective rule refuses).
        assertThat(compared).isEqualTo(32);
    }

    @Test
    void everyRecordedAnswer_readsBackWritesAndReadsBackUnchanged() {
        SoftAssertions soft = new SoftAssertions();
        int[] plans = new int[3]; // objects, unsupported or unrepresentable, body compared
        int[] features = new int[3];
        Set<String> planIds = new TreeSet<>();
        Set<String> featureIds = new TreeSet<>();
        Set<String> reasons = new TreeSet<>();
        for (String file : FILES) {
            Timeline.walk(file, (exchange, known) -> {
                Map<String, Feature> lookup = withCatalogFeatures(exchange, known);
                List<JsonNode> featureNodes = Timeline.featuresIn(exchange);
                // A list resolves credit schemas within itself.
                Map<String, Feature> featureLookup = new HashMap<>(lookup);
                if (featureNodes.size() > 1) {
                    featureLookup.putAll(WireMapper.remoteLookup(WireMapper.features(toArray(featureNodes))));
                }
                for (JsonNode node : featureNodes) {
                    features[0]++;
                    featureIds.add(file + ":" + node.get("id").asText());
                    RemoteFeature remote = WireMapper.feature(node, featureLookup);
                    if (remote.model() == null || !remote.unsupported().isEmpty()) {
                        features[1]++;
                        reasons.add("feature " + remote.id() + ": " + remote.unsupported());
                        soft.assertThat(remote.unsupported())
                                .as(exchange.label())
                                .isNotEmpty();
                        continue;
                    }
                    JsonNode body = WireMapper.featureUpdateBody(remote.model(), remote.archived());
                    RemoteFeature again = WireMapper.feature(body, featureLookup);
                    soft.assertThat(again).as(exchange.label()).isEqualTo(remote);
                    soft.assertThat(ServerDefaults.feature(body))
                            .as(exchange.label() + " " + remote.id())
                            .isEqualTo(ServerDefaults.feature(node));
                    features[2]++;
                }
                for (JsonNode node : Timeline.plansIn(exchange)) {
                    plans[0]++;
                    planIds.add(file + ":" + node.get("id").asText());
                    RemotePlan remote = WireMapper.plan(node, lookup);
                    if (remote.model() == null || !remote.unsupported().isEmpty()) {
                        plans[1]++;
                        reasons.add("plan " + remote.id() + ": " + remote.unsupported());
                        soft.assertThat(remote.unsupported())
                                .as(exchange.label())
                                .isNotEmpty();
                        continue;
                    }
                    JsonNode body =
                            WireMapper.planUpdateBody(remote.model(), remote.archived(), VersionChoice.CREATE_VERSION);
                    RemotePlan again = WireMapper.plan(body, lookup);
                    soft.assertThat(again.model()).as(exchange.label()).isEqualTo(remote.model());
                    soft.assertThat(again.unsupported()).as(exchange.label()).isEmpty();
                    soft.assertThat(ServerDefaults.plan(body, lookup))
                            .as(exchange.label() + " " + remote.id())
                            .isEqualTo(ServerDefaults.plan(node, lookup));
                    plans[2]++;
                }
            });
        }
        soft.assertAll();
        reasons.forEach(reason -> System.out.println("[normaliser proof]   flagged " + reason));
        report(
                "answers: plan objects",
                plans[0],
                plans[2] + " round-tripped, " + plans[1] + " flagged unsupported, " + planIds.size()
                        + " distinct file:plan ids");
        report(
                "answers: feature objects",
                features[0],
                features[2] + " round-tripped, " + features[1] + " flagged unsupported, " + featureIds.size()
                        + " distinct file:feature ids");
        // 220 since the negative amounts of 40 read as Autumn holds them (12 listings; flagged before).
        assertThat(plans[2]).isEqualTo(220);
        assertThat(plans[1])
                .as("nothing flagged: the negative amounts of 40 read")
                .isZero();
        // 111 since issue 13: features with event names round-trip (they were flagged before); 115 since the id 'bad
        // id!' and the negative credit cost read as Autumn holds them (a protective rule refuses them; validate says
        // so).
        assertThat(features[2]).isEqualTo(115);
    }

    private static void assertNormalisedOnTheWayIn(SoftAssertions soft, Pair pair, RemotePlan sent, RemotePlan stored) {
        soft.assertThat(stored.model()).as(pair.label()).isNotNull();
        FeatureItem item = (FeatureItem) stored.model().items().get(0);
        switch (pair.id()) {
            case "e_seats_reset":
                soft.assertThat(item.reset()).as("seats reset dropped").isNull();
                soft.assertThat(((FeatureItem) sent.model().items().get(0)).reset())
                        .isNotNull();
                break;
            case "e_bool_reset":
                soft.assertThat(item.included())
                        .as("boolean included forced to 0")
                        .isZero();
                soft.assertThat(item.reset()).as("boolean reset dropped").isNull();
                break;
            default: // e_unlimited_included: the DSL refuses the request (unlimited xor included); it holds it since
                // issue 14
                soft.assertThat(new dev.autumncatalog.dsl.Catalog(List.of(), List.of(sent.model())).validate())
                        .as("the DSL refuses the request")
                        .isNotEmpty();
                soft.assertThat(item.isUnlimited()).isTrue();
                soft.assertThat(item.included()).isZero();
        }
    }

    private static Map<String, Feature> withCatalogFeatures(Exchange exchange, Map<String, Feature> known) {
        if (!exchange.path().equals("/v1/catalog.update") || !exchange.ok()) {
            return known;
        }
        Map<String, Feature> lookup = new HashMap<>(known);
        lookup.putAll(WireMapper.remoteLookup(
                WireMapper.features(exchange.responseBody().get("features"))));
        return lookup;
    }

    private static JsonNode toArray(List<JsonNode> nodes) {
        com.fasterxml.jackson.databind.node.ArrayNode array =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.path("id").asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    /** The product with items as a multiset (the server reorders items). */
    private static Object asMultiset(Product product) {
        if (product == null) {
            return null;
        }
        Map<Item, Integer> items = new HashMap<>();
        product.items().forEach(item -> items.merge(item, 1, Integer::sum));
        return List.of(
                product.id(),
                product.name(),
                String.valueOf(product.description()),
                String.valueOf(product.group()),
                product.isAddOn(),
                product.isDefault(),
                String.valueOf(product.freeTrial()),
                items);
    }

    private static void report(String what, int count, String detail) {
        System.out.println("[normaliser proof] " + what + ": " + count + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }
}
