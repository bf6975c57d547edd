package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link AutumnApi} over HTTP: OkHttp and Jackson against Autumn's 2.x RPC routes, with {@code X-API-Version: 2.3.0}
 * pinned on every request.
 *
 * <pre>{@code
 * try (AutumnApi autumn = new AutumnHttpClient(AutumnClientConfig.builder().secretKey(key).build())) {
 *     RemoteCatalog remote = autumn.fetchCatalog();
 * }
 * }</pre>
 *
 * <p>Each method is one call: a request body from {@link WireWriter}, sent by {@link Retrier} (which decides what is
 * safe to repeat; {@link Transport} sends one request within its deadline and size limit), an ambiguous write checked
 * by {@link WriteCheck} before it is repeated, the answer read by {@link WireReader}, and every failure worded by
 * {@link Failures}:
 *
 * <ul>
 *   <li>A 429 is retried on every route, after {@code Retry-After}; reads also on 5xx, I/O failures and garbled
 *       answers; a 2xx that is not JSON at all fails at once (the base URL is not Autumn's API).
 *   <li>Create: carries an {@code Idempotency-Key}, the same on every retry. If the re-read after an ambiguous failure
 *       finds the entity as sent, that is the result; if it finds nothing, the create is sent again; if it finds
 *       something else, a {@link AutumnConflictException}. On a retry, {@code duplicate_idempotency_key}, {@code
 *       duplicate_feature_id} and {@code product_already_exists} mean "it exists": re-read, returned when as sent.
 *   <li>Update and archive: full-state writes, repeated only when the re-read shows they did not apply.
 *   <li>Delete: after an ambiguous failure, a re-read answering 404 means done, and so does a 404 on a retry.
 * </ul>
 *
 * <p>Every request has a deadline (connect to last byte, {@link AutumnClientConfig#requestTimeout()}), every call one
 * that includes its retries ({@link AutumnClientConfig#callTimeout()}), and the client one for no request completing
 * ({@link AutumnClientConfig#stallTimeout()}); answers are bounded ({@link AutumnClientConfig#maxAnswerBytes()}).
 *
 * <p>Thread-safe; one rate limiter is shared by all threads. The secret key appears in no exception, event, model or
 * {@code toString()}: answers are scrubbed of it (and of anything shaped like an Autumn key) as they are read.
 */
public final class AutumnHttpClient implements AutumnApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Not a key: {@link #warmUp()}'s client never sends a request. */
    private static final String WARM_UP_KEY = "warm-up-client";

    private final AutumnClientConfig config;
    private final Transport transport;
    private final Failures failures;
    private final Retrier retrier;
    private final WriteCheck checks;
    private final Supplier<String> idempotencyKeys;
    /** Sends the second list request of a catalog fetch alongside the first. */
    private final ExecutorService lists;
    /** Features by id, as last seen (a {@code null} value: the DSL cannot express it). Guarded by itself. */
    private final Map<String, Feature> knownFeatures = new HashMap<>();

    /** A client with these options. */
    public AutumnHttpClient(AutumnClientConfig config) {
        this(config, () -> UUID.randomUUID().toString());
    }

    AutumnHttpClient(AutumnClientConfig config, Supplier<String> idempotencyKeys) {
        this.config = Objects.requireNonNull(config, "config");
        this.idempotencyKeys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        this.transport = new Transport(config);
        this.failures = new Failures(config);
        this.retrier = new Retrier(config, transport, failures);
        this.checks = new WriteCheck(retrier);
        this.lists = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "autumn-catalog-list");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The options of this client. */
    public AutumnClientConfig config() {
        return config;
    }

    /**
     * Does the first-time work of a client and of its first catalog fetch, so that a caller can do it on a spare thread
     * while it loads the catalog: builds and closes a client (loading OkHttp, Kotlin's runtime and the JDK's trust
     * store, which the JDK then keeps), readies Jackson ({@link WireMapper#warmUp()}) and instantiates the installed
     * security providers, which OkHttp's first connection looks up. Reads no key (the client it builds holds a
     * placeholder) and sends nothing.
     *
     * <pre>{@code
     * Background.start("autumn-warm-up", AutumnHttpClient::warmUp);
     * }</pre>
     */
    public static void warmUp() {
        AutumnClientConfig config = AutumnClientConfig.builder()
                .baseUrl(AutumnClientConfig.DEFAULT_BASE_URL)
                .secretKey(WARM_UP_KEY)
                .build();
        new AutumnHttpClient(config).close();
        WireMapper.warmUp();
        Security.getProviders();
    }

    // ------------------------------------------------------------------ AutumnApi

    /** Both lists at once: {@code plans.list} goes on another thread while this one sends {@code features.list}. */
    @Override
    public RemoteCatalog fetchCatalog() {
        Op featuresOp = Op.post("features.list", null, NODES.objectNode());
        ObjectNode plansBody = NODES.objectNode();
        plansBody.put("include_archived", true);
        plansBody.put("all_versions", false);
        Op plansOp = Op.post("plans.list", null, plansBody);

        CallBudget plansBudget = retrier.start();
        Future<JsonNode> plansAnswer;
        try {
            plansAnswer = lists.submit(() -> {
                try (plansBudget) {
                    return retrier.read(plansOp, plansBudget);
                }
            });
        } catch (RuntimeException e) {
            plansBudget.close();
            throw e;
        }
        JsonNode features;
        JsonNode plans;
        try {
            features = retrier.read(featuresOp);
        } catch (RuntimeException e) {
            plansBudget.cancel();
            plansAnswer.cancel(true);
            plansBudget.close(); // in case the task never started; closing twice is harmless
            throw e;
        }
        plans = await(plansAnswer, plansOp);

        List<RemoteFeature> remoteFeatures = failures.mapping(featuresOp, () -> {
            ListAnswers.requireWhole(features, "features");
            List<RemoteFeature> read = WireReader.features(features);
            ListAnswers.unique("feature", read, RemoteFeature::id);
            return read;
        });
        Map<String, Feature> lookup = WireReader.remoteLookup(remoteFeatures);
        synchronized (knownFeatures) {
            knownFeatures.putAll(lookup);
        }
        List<RemotePlan> remotePlans = new ArrayList<>();
        for (JsonNode plan : failures.mapping(plansOp, () -> ListAnswers.entries(plans, "plans"))) {
            remotePlans.add(failures.mapping(plansOp, () -> WireReader.plan(plan, lookup)));
        }
        failures.mapping(plansOp, () -> {
            ListAnswers.unique("plan", remotePlans, RemotePlan::id);
            return null;
        });
        return new RemoteCatalog(remoteFeatures, remotePlans);
    }

    private JsonNode await(Future<JsonNode> answer, Op op) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw failures.interrupted(op, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw failures.interrupted(op, cause);
        }
    }

    @Override
    public RemoteFeature createFeature(Feature feature) {
        Objects.requireNonNull(feature, "feature");
        Op op = Op.create(
                "features.create", feature.id(), WireWriter.featureCreateBody(feature), idempotencyKeys.get());
        Function<JsonNode, RemoteFeature> mapper = json -> mapFeature(op, json, feature);
        return remember(
                retrier.write(op, WriteCheck.Kind.CREATE, mapper, checks.featureCreated(feature, mapper), null));
    }

    @Override
    public RemoteFeature updateFeature(Feature feature, boolean archived) {
        Objects.requireNonNull(feature, "feature");
        Op op = Op.post("features.update", feature.id(), WireWriter.featureUpdateBody(feature, archived));
        Function<JsonNode, RemoteFeature> mapper = json -> mapFeature(op, json, feature);
        WriteCheck.Verification<RemoteFeature> verify = checks.featureState(
                feature.id(), mapper, remote -> feature.equals(remote.model()) && remote.archived() == archived);
        return remember(retrier.write(op, WriteCheck.Kind.UPDATE, mapper, verify, null));
    }

    @Override
    public RemoteFeature archiveFeature(String featureId, boolean archived) {
        Objects.requireNonNull(featureId, "featureId");
        Op op = Op.post("features.update", featureId, WireWriter.featureArchiveBody(featureId, archived));
        Function<JsonNode, RemoteFeature> mapper = json -> mapFeature(op, json, null);
        WriteCheck.Verification<RemoteFeature> verify =
                checks.featureState(featureId, mapper, remote -> remote.archived() == archived);
        return remember(retrier.write(op, WriteCheck.Kind.UPDATE, mapper, verify, null));
    }

    @Override
    public void deleteFeature(String featureId) {
        Objects.requireNonNull(featureId, "featureId");
        Op op = Op.post("features.delete", featureId, WireWriter.featureIdBody(featureId));
        retrier.write(op, WriteCheck.Kind.DELETE, json -> Boolean.TRUE, checks.featureGone(featureId), Boolean.TRUE);
        synchronized (knownFeatures) {
            knownFeatures.remove(featureId);
        }
    }

    @Override
    public FeatureUsage featureUsage(String featureId) {
        Objects.requireNonNull(featureId, "featureId");
        Op op = Op.get(featureId, "features", featureId, "deletion_info");
        JsonNode json = retrier.read(op);
        return failures.mapping(op, () -> LookupAnswers.featureUsage(json));
    }

    @Override
    public RemotePlan createPlan(Product product) {
        Objects.requireNonNull(product, "product");
        Op op = Op.create("plans.create", product.id(), WireWriter.planCreateBody(product), idempotencyKeys.get());
        Function<JsonNode, RemotePlan> mapper = json -> mapPlan(op, json, product);
        return retrier.write(op, WriteCheck.Kind.CREATE, mapper, checks.planCreated(product, mapper), null);
    }

    @Override
    public RemotePlan updatePlan(Product product, boolean archived, VersionChoice versionChoice) {
        Objects.requireNonNull(product, "product");
        Op op = Op.post("plans.update", product.id(), WireWriter.planUpdateBody(product, archived, versionChoice));
        Function<JsonNode, RemotePlan> mapper = json -> mapPlan(op, json, product);
        WriteCheck.Verification<RemotePlan> verify = checks.planState(
                product.id(),
                mapper,
                remote -> WriteCheck.equivalent(product, remote.model()) && remote.archived() == archived);
        return retrier.write(op, WriteCheck.Kind.UPDATE, mapper, verify, null);
    }

    @Override
    public RemotePlan archivePlan(String planId, boolean archived) {
        Objects.requireNonNull(planId, "planId");
        Op op = Op.post("plans.update", planId, WireWriter.planArchiveBody(planId, archived));
        Function<JsonNode, RemotePlan> mapper = json -> mapPlan(op, json, null);
        WriteCheck.Verification<RemotePlan> verify =
                checks.planState(planId, mapper, remote -> remote.archived() == archived);
        return retrier.write(op, WriteCheck.Kind.UPDATE, mapper, verify, null);
    }

    @Override
    public void deletePlan(String planId) {
        Objects.requireNonNull(planId, "planId");
        Op op = Op.post("plans.delete", planId, WireWriter.planDeleteBody(planId));
        retrier.write(op, WriteCheck.Kind.DELETE, json -> Boolean.TRUE, checks.planGone(planId), Boolean.TRUE);
    }

    @Override
    public PlanCustomers planCustomers(Product product) {
        Objects.requireNonNull(product, "product");
        Op op = Op.post("plans.has_customers", product.id(), WireWriter.planCustomersBody(product));
        JsonNode json = retrier.read(op);
        return failures.mapping(op, () -> LookupAnswers.planCustomers(json));
    }

    @Override
    public boolean planHasCustomers(String planId) {
        Objects.requireNonNull(planId, "planId");
        Op op = Op.get(planId, "products", planId, "deletion_info");
        JsonNode json = retrier.read(op);
        return failures.mapping(op, () -> LookupAnswers.planHasCustomers(json));
    }

    /** The client's current pace in requests per second (lower than configured for a while after a 429). */
    double pace() {
        return transport.limiter().rate();
    }

    @Override
    public void close() {
        lists.shutdownNow();
        transport.close();
    }

    /** The client, without its key. */
    @Override
    public String toString() {
        return "AutumnHttpClient{" + config + "}";
    }

    /** One read, retried as reads are; for tests of routes the API does not use. */
    JsonNode read(Op op) {
        return retrier.read(op);
    }

    // ------------------------------------------------------------------ mapping answers

    private RemoteFeature mapFeature(Op op, JsonNode json, Feature sent) {
        List<Feature> written = new ArrayList<>();
        if (sent != null) {
            for (CreditCost cost : sent.creditSchema()) {
                written.add(cost.feature());
            }
        }
        Map<String, Feature> lookup = lookup(json, written, sent == null);
        return failures.mapping(op, () -> WireReader.feature(json, lookup));
    }

    private RemotePlan mapPlan(Op op, JsonNode json, Product sent) {
        // The features the plan was written with first: a pushed plan compares equal to the local one.
        Map<String, Feature> lookup =
                lookup(json, sent == null ? List.of() : WriteCheck.referencedFeatures(sent), sent == null);
        return failures.mapping(op, () -> WireReader.plan(json, lookup));
    }

    /**
     * Features by id for reading {@code json}: those written, then those seen. When nothing was written (an archive
     * flag), lists the features once more if the answer names one this client has not seen; the answer to a write
     * that names other features than were written is simply not what was written.
     */
    private Map<String, Feature> lookup(JsonNode json, List<Feature> written, boolean mayRefresh) {
        Map<String, Feature> lookup = snapshot();
        lookup.putAll(WireReader.featureLookup(written));
        if (mayRefresh && !lookup.keySet().containsAll(WireReader.referencedFeatureIds(json))) {
            refreshFeatures();
            lookup = snapshot();
            lookup.putAll(WireReader.featureLookup(written));
        }
        return lookup;
    }

    private Map<String, Feature> snapshot() {
        synchronized (knownFeatures) {
            return new HashMap<>(knownFeatures);
        }
    }

    private void refreshFeatures() {
        Op op = Op.post("features.list", null, NODES.objectNode());
        JsonNode features = retrier.read(op);
        List<RemoteFeature> remote = failures.mapping(op, () -> {
            ListAnswers.requireWhole(features, "features");
            return WireReader.features(features);
        });
        synchronized (knownFeatures) {
            knownFeatures.putAll(WireReader.remoteLookup(remote));
        }
    }

    private RemoteFeature remember(RemoteFeature feature) {
        synchronized (knownFeatures) {
            knownFeatures.put(feature.id(), feature.model());
        }
        return feature;
    }
}
