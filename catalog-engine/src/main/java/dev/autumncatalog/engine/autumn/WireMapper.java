package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public face of the wire format, for code outside the client (pull, benchmarks, tests): the catalog model in
 * Autumn's 2.x wire format ({@code X-API-Version: 2.3.0}, RPC routes) and back. {@link WireWriter} writes request
 * bodies, {@link WireReader} (with {@link ItemReader}) reads answers and finds what the DSL cannot express; this class
 * only forwards to them. See docs/DESIGN.md "Wire format" and "Canonical forms".
 *
 * <pre>{@code
 * ObjectNode body = WireMapper.planCreateBody(PRO);
 * RemotePlan remote = WireMapper.plan(answer, WireMapper.featureLookup(catalog.features()));
 * }</pre>
 */
public final class WireMapper {
    /** Not a key: {@link #warmUp()} scrubs its answers of it, as the client scrubs real ones of the real key. */
    private static final String WARM_UP_KEY = "warm-up";

    /**
     * A {@code features.list} answer in the real server's shape, as recorded in autumn-sandbox's test resources
     * ({@code autumn-api/exchanges-2x/13-atmn1-pull.jsonl}), with one feature.
     */
    private static final byte[] WARM_UP_FEATURES = ("{\"list\":[{\"id\":\"ai_tokens\",\"name\":\"AI Tokens\","
                    + "\"type\":\"metered\",\"consumable\":true,\"event_names\":[],\"archived\":false}]}")
            .getBytes(StandardCharsets.UTF_8);

    /** A {@code plans.list} answer in the same shape (the same recording), with one plan and one item. */
    private static final byte[] WARM_UP_PLANS = ("{\"list\":[{\"id\":\"paid\",\"name\":\"Paid Plan\","
                    + "\"description\":null,\"group\":null,\"version\":1,\"add_on\":false,\"auto_enable\":false,"
                    + "\"price\":{\"amount\":10,\"interval\":\"month\",\"price_id\":\"pr_1\","
                    + "\"display\":{\"primary_text\":\"$10\",\"secondary_text\":\"per month\"}},"
                    + "\"items\":[{\"feature_id\":\"ai_tokens\",\"included\":50000,\"unlimited\":false,"
                    + "\"pooled\":false,\"reset\":{\"interval\":\"month\"},\"price\":null,"
                    + "\"display\":{\"primary_text\":\"50,000 AI Tokens\"},\"entitlement_id\":\"ent_1\"}],"
                    + "\"created_at\":1795333119392,\"env\":\"sandbox\",\"archived\":false,"
                    + "\"config\":{\"ignore_past_due\":false},\"billing_controls\":{},\"metadata\":{},"
                    + "\"base_variant_id\":null}]}")
            .getBytes(StandardCharsets.UTF_8);

    private WireMapper() {}

    /**
     * A Jackson mapper set up for money: JSON decimals read as {@code BigDecimal} (never {@code double}), and {@code
     * BigDecimal} written as plain numbers ({@code 20}, not {@code 2E+1}).
     */
    public static ObjectMapper objectMapper() {
        return WireJson.objectMapper();
    }

    /** The shared mapper of {@link #objectMapper()}; do not reconfigure it. */
    static ObjectMapper json() {
        return WireJson.mapper();
    }

    /**
     * Does once, on the calling thread, the first-time work of a catalog fetch that would otherwise fall on the first
     * request: Jackson writes a request body and reads two list answers (a feature and a plan, in the shape the real
     * server answers), which are scrubbed and mapped to the model as real answers are. Sends nothing and changes no
     * state; {@link AutumnHttpClient#warmUp()} calls it on a spare thread while the catalog loads.
     *
     * <pre>{@code
     * RemoteCatalog sample = WireMapper.warmUp(); // one feature, one plan, both fully understood
     * }</pre>
     *
     * @return what it read, so that a test can check the samples still map without loss
     */
    public static RemoteCatalog warmUp() {
        try {
            WireJson.mapper()
                    .writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("include_archived", true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
        JsonNode features = Answer.of(200, WARM_UP_FEATURES, null, null, WARM_UP_KEY).json;
        List<RemoteFeature> remoteFeatures = WireReader.features(features);
        Map<String, Feature> lookup = WireReader.remoteLookup(remoteFeatures);
        JsonNode plans = Answer.of(200, WARM_UP_PLANS, null, null, WARM_UP_KEY).json;
        List<RemotePlan> remotePlans = new ArrayList<>();
        for (JsonNode plan : ListAnswers.entries(plans, "plans")) {
            remotePlans.add(WireReader.plan(plan, lookup));
        }
        return new RemoteCatalog(remoteFeatures, remotePlans);
    }

    // ------------------------------------------------------------------ model → wire

    /** The {@code features.create} body: {@code {feature_id, name, type, consumable?, credit_schema?}}. */
    public static ObjectNode featureCreateBody(Feature feature) {
        return WireWriter.featureCreateBody(feature);
    }

    /** The {@code features.update} body: the create body plus {@code archived}. */
    public static ObjectNode featureUpdateBody(Feature feature, boolean archived) {
        return WireWriter.featureUpdateBody(feature, archived);
    }

    /** The {@code features.update} body that sets only the archived flag. */
    public static ObjectNode featureArchiveBody(String featureId, boolean archived) {
        return WireWriter.featureArchiveBody(featureId, archived);
    }

    /** The {@code features.get}, {@code features.delete} body: {@code {feature_id}}. */
    public static ObjectNode featureIdBody(String featureId) {
        return WireWriter.featureIdBody(featureId);
    }

    /**
     * The {@code plans.create} body.
     *
     * @throws IllegalArgumentException when the product has more than one fixed price (a plan holds one)
     */
    public static ObjectNode planCreateBody(Product product) {
        return WireWriter.planCreateBody(product);
    }

    /** The {@code plans.update} body: every field of the plan, {@code archived} always. */
    public static ObjectNode planUpdateBody(Product product, boolean archived, VersionChoice versionChoice) {
        return WireWriter.planUpdateBody(product, archived, versionChoice);
    }

    /** The {@code plans.has_customers} body: the plan as {@code plans.update} would send it, without flags. */
    public static ObjectNode planCustomersBody(Product product) {
        return WireWriter.planCustomersBody(product);
    }

    /** The {@code plans.update} body that sets only the archived flag. */
    public static ObjectNode planArchiveBody(String planId, boolean archived) {
        return WireWriter.planArchiveBody(planId, archived);
    }

    /** The {@code plans.get} body: {@code {plan_id}}. */
    public static ObjectNode planIdBody(String planId) {
        return WireWriter.planIdBody(planId);
    }

    /** The {@code plans.delete} body: {@code {plan_id, all_versions: true}}. */
    public static ObjectNode planDeleteBody(String planId) {
        return WireWriter.planDeleteBody(planId);
    }

    // ------------------------------------------------------------------ wire → model

    /** A lookup of features by id for {@link #plan(JsonNode, Map)}, from models. Later entries win. */
    public static Map<String, Feature> featureLookup(Iterable<? extends Feature> features) {
        return WireReader.featureLookup(features);
    }

    /** A lookup from remote features: a feature the DSL cannot express maps to {@code null}. */
    public static Map<String, Feature> remoteLookup(Iterable<RemoteFeature> features) {
        return WireReader.remoteLookup(features);
    }

    /** Reads a {@code features.list} answer ({@code {list: […]}}) or a bare array, in the server's order. */
    public static List<RemoteFeature> features(JsonNode listOrArray) {
        return WireReader.features(listOrArray);
    }

    /**
     * Reads one feature (an answer, or a {@code features.create} body).
     *
     * @throws IllegalArgumentException when the object has no id
     */
    public static RemoteFeature feature(JsonNode node, Map<String, Feature> lookup) {
        return WireReader.feature(node, lookup);
    }

    /**
     * Reads one plan (an answer, or a {@code plans.create} body).
     *
     * @throws IllegalArgumentException when the object has no id
     */
    public static RemotePlan plan(JsonNode node, Map<String, Feature> lookup) {
        return WireReader.plan(node, lookup);
    }

    /** Every feature id a plan object names (items and entity features). */
    public static Set<String> referencedFeatureIds(JsonNode plan) {
        return WireReader.referencedFeatureIds(plan);
    }
}
