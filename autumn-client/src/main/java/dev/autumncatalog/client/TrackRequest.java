package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code balances.track}: record usage of a metered feature, or of the features an event name maps to. Each step
 * returns a new request.
 *
 * <pre>{@code
 * TrackResult tracked = autumn.track(TrackRequest.of(customerId, Metered.AI_TOKENS, usage.totalTokens())
 *         .entityId(workspaceId)
 *         .properties(Map.of("model", usage.model()))
 *         .idempotencyKey("completion-" + completionId));
 * }</pre>
 *
 * <p>Without an {@link #idempotencyKey(String) idempotency key} the client makes one per call, and every retry of
 * that call carries it, so Autumn counts the call at most once. Give your own (a job or message id) to make replays
 * across calls safe too.
 *
 * @param customerId the customer
 * @param feature the metered feature, or {@code null} when tracking by {@code eventName}
 * @param eventName the event name, or {@code null} when tracking a feature
 * @param value the amount used; negative gives usage back (a seat released)
 * @param entityId the entity that used it, or {@code null}
 * @param properties properties of the usage event
 * @param idempotencyKey the idempotency key, or {@code null} for one made per call
 * @param timeout the deadline of each attempt (whole exchange), or {@code null} for the client's
 */
public record TrackRequest(
        String customerId,
        Trackable feature,
        String eventName,
        BigDecimal value,
        String entityId,
        Map<String, Object> properties,
        String idempotencyKey,
        Duration timeout) {

    /** Checks that exactly one of feature and event name is set, the ids and the deadline; copies the properties. */
    public TrackRequest {
        Ids.required(customerId, "customerId");
        if ((feature == null) == (eventName == null)) {
            throw new IllegalArgumentException(
                    feature == null
                            ? "a track needs a feature or an event name; both are null"
                            : "a track takes a feature or an event name, not both (Autumn answers 400 invalid_inputs)");
        }
        Ids.optional(eventName, "eventName");
        Objects.requireNonNull(value, "value");
        Ids.optional(entityId, "entityId");
        properties = Properties.copy(properties);
        if (idempotencyKey != null) {
            checkKey(idempotencyKey);
        }
        if (timeout != null) {
            Durations.positive(timeout, "timeout");
        }
    }

    /** {@code value} units of {@code feature} used by {@code customerId}. */
    public static TrackRequest of(String customerId, Trackable feature, long value) {
        return of(customerId, feature, BigDecimal.valueOf(value));
    }

    /** {@code value} units of {@code feature} used by {@code customerId}; fractions allowed (12.5 tokens). */
    public static TrackRequest of(String customerId, Trackable feature, BigDecimal value) {
        Objects.requireNonNull(feature, "feature");
        return new TrackRequest(customerId, feature, null, value, null, Map.of(), null, null);
    }

    /** {@code value} units of the feature with id {@code featureId}, checked before sending (see {@link FeatureId}). */
    public static TrackRequest of(String customerId, String featureId, long value) {
        return of(customerId, FeatureId.of(featureId), value);
    }

    /** {@code value} units of the feature with id {@code featureId}, checked before sending (see {@link FeatureId}). */
    public static TrackRequest of(String customerId, String featureId, BigDecimal value) {
        return of(customerId, FeatureId.of(featureId), value);
    }

    /** {@code value} units of every feature whose event names include {@code eventName}. */
    public static TrackRequest event(String customerId, String eventName, long value) {
        return event(customerId, eventName, BigDecimal.valueOf(value));
    }

    /** {@code value} units of every feature whose event names include {@code eventName}. */
    public static TrackRequest event(String customerId, String eventName, BigDecimal value) {
        Ids.required(eventName, "eventName");
        return new TrackRequest(customerId, null, eventName, value, null, Map.of(), null, null);
    }

    /** This track, used by entity {@code entityId}. */
    public TrackRequest entityId(String entityId) {
        Ids.required(entityId, "entityId");
        return new TrackRequest(customerId, feature, eventName, value, entityId, properties, idempotencyKey, timeout);
    }

    /** This track, with {@code properties} on its usage event. */
    public TrackRequest properties(Map<String, ?> properties) {
        return new TrackRequest(
                customerId, feature, eventName, value, entityId, Properties.copy(properties), idempotencyKey, timeout);
    }

    /** This track, with idempotency key {@code key}: Autumn counts every request with this key once. */
    public TrackRequest idempotencyKey(String key) {
        checkKey(key);
        return new TrackRequest(customerId, feature, eventName, value, entityId, properties, key, timeout);
    }

    /** This track, with its own deadline per attempt instead of the client's. */
    public TrackRequest timeout(Duration timeout) {
        Durations.positive(timeout, "timeout");
        return new TrackRequest(customerId, feature, eventName, value, entityId, properties, idempotencyKey, timeout);
    }

    /** What is tracked, in words: {@code 30 of 'api_calls'} or {@code 5 of event 'api.request'}. */
    String what() {
        return value.toPlainString()
                + (feature != null ? " of '" + feature.id() + "'" : " of event '" + eventName + "'");
    }

    private static void checkKey(String key) {
        Ids.required(key, "idempotencyKey");
        if (key.length() > 256) {
            throw new IllegalArgumentException("idempotencyKey is " + key.length() + " characters; keep it to 256");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("idempotencyKey '" + key
                        + "' has a character an HTTP header cannot carry at index " + i
                        + "; use visible ASCII only");
            }
        }
    }
}
