package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** MockWebServer answers and request access for the client tests. */
final class Responses {
    static final String KEY = "am_sk_test_S3cr3tK3yS3cr3tK3yS3cr3tK3yS3cr3tK3yS3";

    private Responses() {}

    static MockResponse json(int status, JsonNode body) {
        return json(status, body == null ? "" : body.toString());
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse ok(JsonNode body) {
        return json(200, body);
    }

    /** A recorded answer: its status and body. */
    static MockResponse recorded(Recordings.Exchange exchange) {
        return json(
                exchange.status(),
                exchange.responseBody().isMissingNode()
                        ? ""
                        : exchange.responseBody().toString());
    }

    static MockResponse error(int status, String code, String message) {
        return json(status, "{\"message\":\"" + message + "\",\"code\":\"" + code + "\",\"env\":\"sandbox\"}");
    }

    /** Autumn's general rate limiter: plain text with Retry-After. */
    static MockResponse tooMany(int retryAfterSeconds) {
        return new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "text/plain")
                .setHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .setHeader("RateLimit-Limit", "25")
                .body("Too many requests, please try again later.")
                .build();
    }

    /** The connection drops before any answer: an I/O failure for the client. */
    static MockResponse reset() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    static JsonNode body(RecordedRequest request) {
        return Json.parse(request.getBody() == null ? "" : request.getBody().utf8());
    }

    /** Collects listener events. */
    static final class Events implements ClientListener {
        final List<Object> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void requestSent(RequestEvent event) {
            all.add(event);
        }

        @Override
        public void responseReceived(ResponseEvent event) {
            all.add(event);
        }

        @Override
        public void retrying(RetryEvent event) {
            all.add(event);
        }

        @Override
        public void throttled(java.time.Duration wait) {
            all.add("throttled " + wait);
        }

        List<RetryEvent> retries() {
            List<RetryEvent> retries = new ArrayList<>();
            synchronized (all) {
                for (Object event : all) {
                    if (event instanceof RetryEvent) {
                        retries.add((RetryEvent) event);
                    }
                }
            }
            return retries;
        }
    }
}
