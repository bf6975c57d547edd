package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import okhttp3.HttpUrl;

/** One request to send: method, path under the base URL, the entity it is about, body, idempotency key. */
final class Op {
    final String method;
    final List<String> segments;
    final String entityId;
    final ObjectNode body;
    final String idempotencyKey;

    private Op(String method, List<String> segments, String entityId, ObjectNode body, String idempotencyKey) {
        this.method = method;
        this.segments = segments;
        this.entityId = entityId;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
    }

    /** {@code POST <base>/<rpc>} with a JSON body. */
    static Op post(String rpc, String entityId, ObjectNode body) {
        return new Op("POST", List.of(rpc), entityId, body, null);
    }

    /** A create: {@code POST <base>/<rpc>} carrying an {@code Idempotency-Key}, the same on every retry. */
    static Op create(String rpc, String entityId, ObjectNode body, String idempotencyKey) {
        return new Op("POST", List.of(rpc), entityId, body, idempotencyKey);
    }

    /** {@code GET <base>/<segments…>}. */
    static Op get(String entityId, String... segments) {
        return new Op("GET", List.of(segments), entityId, null, null);
    }

    /** Any method and path under the base, for tests of routes the API does not use. */
    static Op of(String method, List<String> segments, String entityId, ObjectNode body) {
        return new Op(method, List.copyOf(segments), entityId, body, null);
    }

    HttpUrl url(HttpUrl base) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    /** The route without host: {@code /v1/plans.update}. */
    String route(HttpUrl base) {
        return url(base).encodedPath();
    }
}
