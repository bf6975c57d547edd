package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
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
