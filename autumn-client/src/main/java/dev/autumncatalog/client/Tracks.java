package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code balances.track} and {@code balances.finalize}: one idempotency key per call on every attempt, the feature
 * types learned before a track by plain id, and the undelivered track handed to the caller.
 */
final class Tracks {
    private static final System.Logger LOG = System.getLogger(AutumnClient.class.getName());
    private static final String LEARNING = "Tried to learn the feature types (features.list) before tracking by id";

    private final Calls calls;
    private final FeatureTypes featureTypes;
    private final Duration timeout;
    private final int trackAttempts;
    private final UndeliveredTrackHandler undelivered;
    private final Supplier<String> idempotencyKeys;

    Tracks(
            Calls calls,
            Duration featureRefreshAfter,
            Duration timeout,
            int trackAttempts,
            UndeliveredTrackHandler undelivered,
            Supplier<String> idempotencyKeys) {
        this.calls = calls;
        this.featureTypes = new FeatureTypes(this::learnFeatures, featureRefreshAfter);
        this.timeout = timeout;
        this.trackAttempts = trackAttempts;
        this.undelivered = undelivered;
        this.idempotencyKeys = idempotencyKeys;
    }

    TrackResult track(TrackRequest request) {
        Objects.requireNonNull(request, "request");
        TrackRequest keyed = request.idempotencyKey() != null ? request : request.idempotencyKey(idempotencyKeys.get());
        Duration deadline = request.timeout() != null ? request.timeout() : timeout;
        String attempted = "Tried to track " + request.what() + " for customer '" + request.customerId() + "'"
                + (request.entityId() == null ? "" : " (entity '" + request.entityId() + "')");
        Calls.Outcome outcome = calls.run(new Calls.Spec(
                "balances.track",
                RequestBodies.track(request),
                keyed.idempotencyKey(),
                attempted,
                trackAttempts,
                deadline,
                null,
                verification(request, attempted)));
        if (outcome.duplicate()) {
            return withoutAnswer(TrackOutcome.ALREADY_COUNTED, keyed, null);
        }
        if (outcome.ok()) {
            TrackOutcome counted =
                    outcome.answer().status() == 202 ? TrackOutcome.ACCEPTED_FOR_REPLAY : TrackOutcome.COUNTED;
            try {
                return calls.read(
                        outcome.answer(),
                        json -> Answers.track(json, counted, keyed.idempotencyKey()),
                        attempted,
                        "balances.track");
            } catch (AutumnResponseException e) {
                // A 2xx means Autumn has it; only the balances are unknown.
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Autumn counted a track but its answer is unreadable: " + e.getMessage());
                return withoutAnswer(counted, keyed, null);
            }
        }
        TrackFailedException failure = new TrackFailedException(keyed, outcome.attempts(), outcome.failure());
        LOG.log(System.Logger.Level.WARNING, "Autumn track not delivered: " + failure.getMessage());
        if (undelivered == null) {
            throw failure;
        }
        undelivered.undelivered(failure);
        return withoutAnswer(TrackOutcome.UNDELIVERED, keyed, failure);
    }

    /** A result with no balances: the outcome is known, Autumn's answer is not (or was not readable). */
    private static TrackResult withoutAnswer(TrackOutcome outcome, TrackRequest keyed, TrackFailedException failure) {
        return new TrackResult(
                outcome,
                keyed.idempotencyKey(),
                keyed.customerId(),
                keyed.entityId(),
                keyed.eventName(),
                keyed.value(),
                null,
                Map.of(),
                List.of(),
                failure);
    }

    /** For a track by plain id: learn the feature types first and refuse a boolean or a credit system. */
    private Calls.BeforeAttempt verification(TrackRequest request, String attempted) {
        if (request.feature() == null) {
            return null;
        }
        return request.feature().accept(new FeatureRef.Visitor<Calls.BeforeAttempt>() {
            @Override
            public Calls.BeforeAttempt metered(MeteredFeature feature) {
                return null;
            }

            @Override
            public Calls.BeforeAttempt booleanFlag(BooleanFlag feature) {
                throw new IllegalStateException("a BooleanFlag is not Trackable");
            }

            @Override
            public Calls.BeforeAttempt creditSystem(CreditSystem feature) {
                throw new IllegalStateException("a CreditSystem is not Trackable");
            }

            @Override
            public Calls.BeforeAttempt unchecked(FeatureId feature) {
                return (deadlineNanos, deadline) -> refuseUntrackable(
                        feature.id(), featureTypes.find(feature.id(), deadlineNanos, deadline, LEARNING), attempted);
            }
        });
    }

    private static void refuseUntrackable(String featureId, Answers.KnownFeature known, String attempted) {
        if (known == null) {
            return; // Not listed even after asking again: Autumn answers 404 feature_not_found, typed.
        }
        String type = known.type();
        if ("boolean".equals(type)) {
            throw new WrongFeatureTypeException(
                    attempted.replaceFirst("^Tried", "Refused"),
                    featureId,
                    type,
                    "Autumn's features.list says '" + featureId + "' is a boolean feature: there is nothing to count"
                            + " (Autumn would answer 200 and deduct nothing)",
                    "Use check(customerId, BooleanFlag.of(\"" + featureId + "\")) to see whether the customer has it");
        }
        if ("credit_system".equals(type) || "ai_credit_system".equals(type)) {
            String members = known.creditMembers().isEmpty() ? "" : " (one of " + known.creditMembers() + ")";
            throw new WrongFeatureTypeException(
                    attempted.replaceFirst("^Tried", "Refused"),
                    featureId,
                    type,
                    "Autumn's features.list says '" + featureId + "' is a credit system: tracking it directly would"
                            + " deduct credits without recording which feature used them",
                    "Track the metered feature that spends the credits" + members
                            + "; Autumn deducts the credits at its cost");
        }
    }

    private Map<String, Answers.KnownFeature> learnFeatures(long deadlineNanos, Duration deadline) {
        Transport transport = calls.transport();
        Transport.Answer answer =
                transport.post("features.list", RequestBodies.empty(), null, deadlineNanos, deadline, LEARNING);
        String route = transport.route("features.list");
        if (answer.status() < 200 || answer.status() >= 300) {
            throw calls.error(answer, LEARNING, route);
        }
        return calls.read(answer, Answers::features, LEARNING, "features.list");
    }

    void finalizeLock(String lockId, String action, BigDecimal used) {
        Ids.required(lockId, "lockId");
        String attempted = "Tried to " + action + " lock '" + lockId + "'";
        Calls.Outcome outcome = calls.run(new Calls.Spec(
                "balances.finalize",
                RequestBodies.finalizeLock(lockId, action, used),
                idempotencyKeys.get(),
                attempted,
                trackAttempts,
                timeout,
                null,
                null));
        if (!outcome.ok() && !outcome.duplicate()) {
            throw outcome.failure();
        }
    }
}
