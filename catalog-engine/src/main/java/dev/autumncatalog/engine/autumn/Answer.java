package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One answer, or why there was none: the I/O failure, or an answer too large to read. The JSON of an answer is scrubbed
 * of the key before anything reads it ({@link Redaction#scrubAnswer}); {@link #text} is the raw body (bounded by the
 * size limit), which {@link Failures} scrubs before quoting it.
 */
final class Answer {
    /** The status, 0 when no answer came. */
    final int status;
    /** The scrubbed JSON of a success; {@code null} otherwise. */
    final JsonNode json;
    /** Autumn's error code, from the scrubbed JSON; {@code null} when none. */
    final String code;
    /** Autumn's error message (from the scrubbed JSON), or the raw text of a body that is not JSON. */
    final String message;
    /** {@code Retry-After} as sent, or {@code null}. */
    final String retryAfter;
    /** The {@code Location} of a redirect as sent, or {@code null}. */
    final String location;
    /** Why no answer came; {@code null} when one did. */
    final IOException ioFailure;
    /** The deadline that ended the request when it had none of its own (request, call or stall); else {@code null}. */
    final ClientSetting expired;
    /** Why a 2xx body did not parse, or {@code null}. */
    final Exception parseFailure;
    /** A success whose body starts as JSON but does not parse: cut or corrupted on the way. */
    final boolean garbled;
    /** The answer was larger than the limit: how many bytes were seen or announced; else -1. */
    final long tooLarge;
    /** {@link #tooLarge} is what the {@code Content-Length} announced, nothing was read. */
    final boolean announced;

    private Answer(
            int status,
            JsonNode json,
            String code,
            String message,
            String retryAfter,
            String location,
            IOException ioFailure,
            ClientSetting expired,
            Exception parseFailure,
            boolean garbled,
            long tooLarge,
            boolean announced) {
        this.status = status;
        this.json = json;
        this.code = code;
        this.message = message;
        this.retryAfter = retryAfter;
        this.location = location;
        this.ioFailure = ioFailure;
        this.expired = expired;
        this.parseFailure = parseFailure;
        this.garbled = garbled;
        this.tooLarge = tooLarge;
        this.announced = announced;
    }

    /** No answer: the connection failed, timed out or was cut. */
    static Answer io(IOException failure, ClientSetting expired) {
        return new Answer(0, null, null, null, null, null, failure, expired, null, false, -1, false);
    }

    /**
     * An answer larger than the limit: {@code size} bytes announced by its {@code Content-Length} ({@code announced}),
     * or read before the client stopped.
     */
    static Answer tooLarge(int status, long size, boolean announced) {
        return new Answer(status, null, null, null, null, null, null, null, null, false, size, announced);
    }

    /** A whole answer; its JSON (if it parses) is scrubbed of {@code secretKey} and anything key-shaped. */
    static Answer of(int status, byte[] body, String retryAfter, String location, String secretKey) {
        String text = new String(body, StandardCharsets.UTF_8);
        boolean success = status >= 200 && status < 300;
        JsonNode json = null;
        Exception parseFailure = null;
        boolean limit = false;
        if (!text.isBlank()) {
            try {
                json = Redaction.scrubAnswer(text, WireJson.mapper().readTree(body), secretKey);
            } catch (StreamConstraintsException e) {
                parseFailure = e; // valid JSON beyond Jackson's limits (nesting): not worth repeating
                limit = true;
            } catch (IOException e) {
                parseFailure = e;
            }
        }
        if (success) {
            if (parseFailure != null) {
                String start = text.stripLeading();
                boolean garbled = !limit && (start.startsWith("{") || start.startsWith("["));
                return new Answer(status, null, null, text, null, null, null, null, parseFailure, garbled, -1, false);
            }
            return new Answer(
                    status,
                    json == null ? NullNode.getInstance() : json,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    -1,
                    false);
        }
        String code = null;
        String message;
        if (json != null && json.isObject()) {
            code = json.path("code").isTextual() ? json.get("code").textValue() : null;
            message = json.path("message").isTextual() ? json.get("message").textValue() : json.toString();
        } else {
            // Autumn's 429 is plain text ("Too many requests, please try again later.").
            message = text.isBlank() ? null : text.trim();
        }
        return new Answer(status, null, code, message, retryAfter, location, null, null, null, false, -1, false);
    }

    boolean ok() {
        return status >= 200 && status < 300 && parseFailure == null && tooLarge < 0;
    }

    /**
     * Worth repeating: rate limited, server failure, no answer, or a garbled success. Not a success that is not JSON at
     * all (the server is not Autumn's API), not an answer over the size limit (it would be as large again).
     */
    boolean retryable() {
        if (tooLarge >= 0) {
            return false;
        }
        return status == 0 || status == 429 || status >= 500 || garbled;
    }

    /** May have applied on the server: a server failure, no answer, or a success whose JSON arrived garbled. */
    boolean ambiguous() {
        if (tooLarge >= 0) {
            return false; // not repeated either way: a re-read would be as large
        }
        return status == 0 || status >= 500 || garbled;
    }

    /** The server was there and working: any answer but a 429 or a 5xx. */
    boolean progress() {
        return status != 0 && status != 429 && status < 500;
    }

    /** How long {@code Retry-After} asks to wait; see {@link RetryAfter#parse}. */
    Duration retryAfter() {
        return RetryAfter.parse(retryAfter);
    }
}
