package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Serves the recorded answers of one recording to the requests that match a recorded request, in recorded order: a
 * request is matched against the exchanges after the last one served, so time only moves forward (exchanges may be
 * skipped; a list may be answered after the other list that went out with it). Bodies match modulo the documented server defaults ({@link ServerDefaults}); partial update and
 * has_customers bodies of the recording match a full client body that agrees on every recorded field. A request that
 * matches nothing gets 418 {@code replay_miss} and is listed in {@link #misses()}.
 */
final class ReplayDispatcher extends Dispatcher {
    private static final Set<String> PARTIAL_ROUTES =
            Set.of("/v1/plans.update", "/v1/plans.has_customers", "/v1/features.update");

    private final List<Exchange> exchanges;
    private final Map<String, Feature> features = new HashMap<>();
    private final List<String> misses = new ArrayList<>();
    private final List<Exchange> served = new ArrayList<>();
    private int cursor;
    /** List exchanges a list request skipped over: its sibling, sent at the same time, may still ask for them. */
    private final List<Exchange> passedLists = new ArrayList<>();

    ReplayDispatcher(String file) {
        this.exchanges = Recordings.load(file);
        // Feature kinds, to know which resets the server drops or fills.
        Timeline.walk(file, (exchange, known) -> features.putAll(known));
        for (Exchange exchange : exchanges) {
            for (JsonNode node : Timeline.featuresIn(exchange)) {
                RemoteFeature feature = WireMapper.feature(node, new HashMap<>(features));
                if (feature.model() != null) {
                    features.put(feature.id(), feature.model());
                }
            }
        }
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        JsonNode body = request.getBody() == null || request.getBody().size() == 0
                ? null
                : Json.parse(request.getBody().utf8());
        boolean list = path.endsWith(".list");
        if (list) {
            // The client sends its two lists at once: one may pass the other, which stays matchable.
            for (Exchange exchange : passedLists) {
                if (exchange.method().equals(request.getMethod())
                        && exchange.path().equals(path)
                        && matches(exchange, body)) {
                    passedLists.remove(exchange);
                    served.add(exchange);
                    return Responses.recorded(exchange);
                }
            }
        }
        for (Exchange exchange : exchanges) {
            if (exchange.seq() <= cursor
                    || !exchange.method().equals(request.getMethod())
                    || !exchange.path().equals(path)) {
                continue;
            }
            if (matches(exchange, body)) {
                passedLists.clear();
                if (list) {
                    for (Exchange passed : exchanges) {
                        if (passed.seq() > cursor
                                && passed.seq() < exchange.seq()
                                && passed.path().endsWith(".list")) {
                            passedLists.add(passed);
                        }
                    }
                }
                cursor = exchange.seq();
                served.add(exchange);
                return Responses.recorded(exchange);
            }
        }
        misses.add(request.getMethod() + " " + path + " " + body + " (after seq " + cursor + ")");
        return Responses.error(418, "replay_miss", "no recorded exchange matches");
    }

    synchronized List<String> misses() {
        return List.copyOf(misses);
    }

    synchronized List<Exchange> served() {
        return List.copyOf(served);
    }

    private boolean matches(Exchange exchange, JsonNode sent) {
        JsonNode recorded = exchange.requestBody().isMissingNode() ? null : exchange.requestBody();
        String path = exchange.path();
        if (path.startsWith("/v1/plans.create")
                || path.equals("/v1/plans.update")
                || path.equals("/v1/plans.has_customers")) {
            if (sent == null || recorded == null) {
                return false;
            }
            if (sent.path("disable_version").asBoolean(false)
                    != recorded.path("disable_version").asBoolean(false)) {
                return false;
            }
            return agree(ServerDefaults.plan(recorded, features), ServerDefaults.plan(sent, features), path);
        }
        if (path.equals("/v1/features.create") || path.equals("/v1/features.update")) {
            if (sent == null || recorded == null) {
                return false;
            }
            return agree(ServerDefaults.feature(recorded), ServerDefaults.feature(sent), path);
        }
        return flags(recorded).equals(flags(sent));
    }

    /** Equal, or for partial routes: every recorded field present and equal in what was sent. */
    private static boolean agree(JsonNode recorded, JsonNode sent, String path) {
        if (!PARTIAL_ROUTES.contains(path)) {
            return recorded.equals(sent);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(sent.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** List and id bodies: no body is {@code {}}, {@code false} flags are the defaults. */
    private static JsonNode flags(JsonNode body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (body != null && body.isObject()) {
            body.fields().forEachRemaining(field -> {
                if (!(field.getValue().isBoolean() && !field.getValue().booleanValue())) {
                    out.set(field.getKey(), field.getValue());
                }
            });
        }
        return Json.canonical(out);
    }
}
