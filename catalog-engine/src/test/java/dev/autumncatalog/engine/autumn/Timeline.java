package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Walks a recording in arrival order, keeping the features Autumn held at each moment (from every feature answer in
 * the 2.x shape), so that plans read back against the features of their time: renames, type changes and deletes
 * included.
 */
final class Timeline {
    private Timeline() {}

    /** Files recorded on the state another file left behind. */
    private static final Map<String, String> CONTINUES = Map.of(Recordings.REST, Recordings.RPC);

    /** Calls {@code visitor} for every exchange with the features known just before it. */
    static void walk(String file, BiConsumer<Exchange, Map<String, Feature>> visitor) {
        Map<String, Feature> features = new HashMap<>();
        String before = CONTINUES.get(file);
        if (before != null) {
            for (Exchange exchange : Recordings.load(before)) {
                learn(exchange, features);
            }
        }
        for (Exchange exchange : Recordings.load(file)) {
            visitor.accept(exchange, new HashMap<>(features));
            learn(exchange, features);
        }
    }

    /** Whether the exchange's bodies are in the 2.x plan/feature shapes (2.1+; a new org defaults to 2.3.0). */
    static boolean shapes2x(Exchange exchange) {
        String version = exchange.apiVersion();
        return version == null || version.equals("2.1.0") || version.equals("2.2.0") || version.equals("2.3.0");
    }

    /** The plan objects of a 2.x answer (lists, singles, catalog.update), with the request path's kind. */
    static List<JsonNode> plansIn(Exchange exchange) {
        List<JsonNode> plans = new ArrayList<>();
        if (!exchange.ok() || !shapes2x(exchange)) {
            return plans;
        }
        String path = exchange.path();
        JsonNode body = exchange.responseBody();
        boolean planRoute = path.startsWith("/v1/plans") || path.startsWith("/v1/products");
        if (path.equals("/v1/catalog.update")) {
            plans.addAll(Json.elements(body.get("plans")));
        } else if (planRoute && body.has("list")) {
            plans.addAll(Json.elements(body.get("list")));
        } else if (planRoute && body.has("items") && body.has("id")) {
            plans.add(body);
        }
        return plans;
    }

    /** The feature objects of a 2.x answer. */
    static List<JsonNode> featuresIn(Exchange exchange) {
        List<JsonNode> features = new ArrayList<>();
        if (!exchange.ok() || !shapes2x(exchange)) {
            return features;
        }
        String path = exchange.path();
        JsonNode body = exchange.responseBody();
        if (path.equals("/v1/catalog.update")) {
            features.addAll(Json.elements(body.get("features")));
        } else if (path.startsWith("/v1/features") && !path.endsWith("deletion_info")) {
            if (body.has("list")) {
                features.addAll(Json.elements(body.get("list")));
            } else if (body.has("type") && body.has("id")) {
                features.add(body);
            }
        }
        return features;
    }

    private static void learn(Exchange exchange, Map<String, Feature> features) {
        if (!exchange.ok()) {
            return;
        }
        String path = exchange.path();
        JsonNode request = exchange.requestBody();
        if (path.equals("/v1/features.delete")) {
            features.remove(request.path("feature_id").asText());
            return;
        }
        if (exchange.method().equals("DELETE") && path.startsWith("/v1/features/")) {
            features.remove(path.substring("/v1/features/".length()));
            return;
        }
        if (path.equals("/v1/features.update") && request.hasNonNull("new_feature_id")) {
            features.remove(request.path("feature_id").asText());
        }
        List<JsonNode> answered = featuresIn(exchange);
        if (answered.isEmpty()) {
            return;
        }
        if (path.equals("/v1/catalog.update")) {
            features.putAll(WireMapper.remoteLookup(
                    WireMapper.features(exchange.responseBody().get("features"))));
            return;
        }
        if (exchange.responseBody().has("list")) {
            features.clear();
            features.putAll(WireMapper.remoteLookup(WireMapper.features(exchange.responseBody())));
            return;
        }
        for (JsonNode node : answered) {
            Map<String, Feature> lookup = new HashMap<>(features);
            RemoteFeature feature = WireMapper.feature(node, lookup);
            features.put(feature.id(), feature.model());
        }
    }
}
