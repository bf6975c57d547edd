package dev.autumncatalog.client;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Answers for failure tests, in the shapes Autumn uses. */
final class Responses {
    private Responses() {}

    /** Autumn's error JSON: {"message", "code", "env"}. */
    static MockResponse error(int status, String code, String message) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body("{\"message\":\"" + message + "\",\"code\":\"" + code + "\",\"env\":\"sandbox\"}")
                .build();
    }

    /** Autumn's 429: plain text, with Retry-After when given. */
    static MockResponse rateLimited(String retryAfter) {
        MockResponse.Builder response = new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "text/plain")
                .body("Too many requests, please try again later.");
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        return response.build();
    }

    /** A JSON answer. */
    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** {@code body} with its headers at once, then one byte every 100 ms: over a minute for a recorded answer. */
    static MockResponse trickling(String body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(body)
                .throttleBody(1, 100, TimeUnit.MILLISECONDS)
                .build();
    }

    /** The request is read, then the connection is dropped before any answer: applied, but unanswered. */
    static MockResponse dropAfterRequest() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }
}
