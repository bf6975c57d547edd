package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

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
 * <p><b>Retries.</b> Every request waits for the client-side rate limiter first. A 429 is retried on every route
 * (Autumn's limiter rejects before the handler runs), after {@code Retry-After}. Reads ({@code *.list}, {@code *.get},
 * {@code has_customers}, {@code deletion_info}) are also retried on 5xx, I/O failures and garbled answers (a 2xx whose
 * JSON does not parse: cut or corrupted on the way), with exponential backoff and jitter; a 2xx that is not JSON at all
 * fails at once (the base URL is not Autumn's API). A write that failed ambiguously (5xx, I/O, or a garbled 2xx: it may
 * have applied) is never blindly repeated: the client re-reads the entity first.
 *
 * <ul>
 *   <li>Create: carries an {@code Idempotency-Key}, the same on every retry. If the re-read finds the entity as sent,
 *       that is the result; if it finds nothing, the create is sent again; if it finds something else, a {@link
 *       AutumnConflictException}. On a retry, {@code duplicate_idempotency_key}, {@code duplicate_feature_id} and
 *       {@code product_already_exists} mean "it exists": the client re-reads and returns it when it is what was sent.
 *   <li>Update and archive: full-state writes (the same body applied twice gives the same state), but a plan update
 *       can create a version, so the client re-reads first and repeats only when the update did not apply.
 *   <li>Delete: after an ambiguous failure, a re-read answering 404 means done, and so does a 404 on a retry.
 * </ul>
 *
 * <p>Thread-safe; one rate limiter is shared by all threads. The secret key appears in no exception, event or
 * {@code toString()}.
 */
public final class AutumnHttpClient implements AutumnApi {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> EXISTS_CODES =
            Set.of("duplicate_idempotency_key", "duplicate_feature_id", "product_already_exists");
    private static final int MAX_MESSAGE = 500;

    private final AutumnClientConfig config;
    private final OkHttpClient http;
    private final RateLimiter limiter;
    private final Supplier<String> idempotencyKeys;
    /** Features by id, as last seen (a {@code null} value: the DSL cannot express it). Guarded by itself. */
    private final Map<String, Feature> knownFeatures = new HashMap<>();

    /** A client with these options. */
    public AutumnHttpClient(AutumnClientConfig config) {
        this(config, () -> UUID.randomUUID().toString());
    }

    AutumnHttpClient(AutumnClientConfig config, Supplier<String> idempotencyKeys) {
        this.config = Objects.requireNonNull(config, "config");
        this.idempotencyKeys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        this.limiter = new RateLimiter(config.requestsPerSecond(), config.burst(), config.clock());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                // The client decides what is safe to repeat; OkHttp would silently resend a POST.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .socketFactory(new NoDelaySocketFactory())
                .build();
    }

    /** The options of this client. */
    public AutumnClientConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ AutumnApi

    @Override
    public RemoteCatalog fetchCatalog() {
        JsonNode features = read(Op.post("features.list", null, NODES.objectNode()));
        ObjectNode plansBody = NODES.objectNode();
        plansBody.put("include_archived", true);
        plansBody.put("all_versions", false);
        JsonNode plans = read(Op.post("plans.list", null, plansBody));

        Op featuresOp = Op.post("features.list", null, null);
        List<RemoteFeature> remoteFeatures = redacted(map(featuresOp, () -> WireMapper.features(features)));
        map(featuresOp, () -> unique("feature", remoteFeatures, RemoteFeature::id));
        Map<String, Feature> lookup = WireMapper.remoteLookup(remoteFeatures);
        synchronized (knownFeatures) {
            knownFeatures.putAll(lookup);
        }
        List<RemotePlan> remotePlans = new ArrayList<>();
        Op plansOp = Op.post("plans.list", null, null);
        for (JsonNode plan : list(plansOp, plans)) {
            remotePlans.add(redacted(map(plansOp, () -> WireMapper.plan(plan, lookup))));
        }
        map(plansOp, () -> unique("plan", remotePlans, RemotePlan::id));
        return new RemoteCatalog(remoteFeatures, remotePlans);
    }

    /** A list naming one id twice cannot be planned against: which entry is Autumn's? */
    private static <T> Void unique(String kind, List<T> entities, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T entity : entities) {
            if (!seen.add(id.apply(entity))) {
                throw new IllegalArgumentException("the list names " + kind + " '" + id.apply(entity) + "' twice");
            }
        }
        return null;
    }

    @Override
    public RemoteFeature createFeature(Feature feature) {
        Objects.requireNonNull(feature, "feature");
        Op op = Op.create(
                "features.create", feature.id(), WireMapper.featureCreateBody(feature), idempotencyKeys.get());
        Function<JsonNode, RemoteFeature> mapper = json -> mapFeature(op, json, feature);
        Verification<RemoteFeature> verify = () -> {
            JsonNode now = readOrNull(Op.post("features.get", feature.id(), WireMapper.featureIdBody(feature.id())));
            if (now == null) {
                return Check.notApplied();
            }
            RemoteFeature remote = mapper.apply(now);
            if (feature.equals(remote.model()) && !remote.archived()) {
                return Check.applied(remote);
            }
            return Check.different(describe(remote));
        };
        return remember(write(op, WriteKind.CREATE, mapper, verify, null));
    }

    @Override
    public RemoteFeature updateFeature(Feature feature, boolean archived) {
        Objects.requireNonNull(feature, "feature");
        Op op = Op.post("features.update", feature.id(), WireMapper.featureUpdateBody(feature, archived));
        Function<JsonNode, RemoteFeature> mapper = json -> mapFeature(op, json, feature);
        Verification<RemoteFeature> verify = featureState(
                feature.id(), mapper, remote -> feature.equals(remote.model()) && remote.archived() == archived);
        return remember(write(op, WriteKind.UPDATE, mapper, verify, null));
    }

    @Override
    public RemoteFeature archiveFeature(String featureId, boolean archived) {
        Objects.requireNonNull(featureId, "featureId");
        Op op = Op.post("features.update", featureId, WireMapper.featureArchiveBody(featureId, archived));
        Function<JsonNode, RemoteFeature> mapper = json -> mapFeature(op, json, null);
        Verification<RemoteFeature> verify = featureState(featureId, mapper, remote -> remote.archived() == archived);
        return remember(write(op, WriteKind.UPDATE, mapper, verify, null));
    }

    @Override
    public void deleteFeature(String featureId) {
        Objects.requireNonNull(featureId, "featureId");
        Op op = Op.post("features.delete", featureId, WireMapper.featureIdBody(featureId));
        Verification<Boolean> verify = () -> {
            JsonNode now = readOrNull(Op.post("features.get", featureId, WireMapper.featureIdBody(featureId)));
            return now == null ? Check.applied(Boolean.TRUE) : Check.notApplied();
        };
        write(op, WriteKind.DELETE, json -> Boolean.TRUE, verify, Boolean.TRUE);
        synchronized (knownFeatures) {
            knownFeatures.remove(featureId);
        }
    }

    @Override
    public FeatureUsage featureUsage(String featureId) {
        Objects.requireNonNull(featureId, "featureId");
        Op op = Op.get(featureId, "features", featureId, "deletion_info");
        JsonNode json = read(op);
        return map(op, () -> {
            JsonNode name = json.get("productName");
            String productName = name == null || name.isNull() ? null : name.asText();
            return new FeatureUsage(productName, count(json.get("totalCount"), "totalCount"));
        });
    }

    @Override
    public RemotePlan createPlan(Product product) {
        Objects.requireNonNull(product, "product");
        Op op = Op.create("plans.create", product.id(), WireMapper.planCreateBody(product), idempotencyKeys.get());
        Function<JsonNode, RemotePlan> mapper = json -> mapPlan(op, json, product);
        Verification<RemotePlan> verify = () -> {
            JsonNode now = readOrNull(Op.post("plans.get", product.id(), WireMapper.planIdBody(product.id())));
            if (now == null) {
                return Check.notApplied();
            }
            RemotePlan remote = mapper.apply(now);
            if (equivalent(product, remote.model()) && !remote.archived()) {
                return Check.applied(remote);
            }
            return Check.different(describe(remote));
        };
        return write(op, WriteKind.CREATE, mapper, verify, null);
    }

    @Override
    public RemotePlan updatePlan(Product product, boolean archived, VersionChoice versionChoice) {
        Objects.requireNonNull(product, "product");
        Op op = Op.post("plans.update", product.id(), WireMapper.planUpdateBody(product, archived, versionChoice));
        Function<JsonNode, RemotePlan> mapper = json -> mapPlan(op, json, product);
        Verification<RemotePlan> verify = planState(
                product.id(), mapper, remote -> equivalent(product, remote.model()) && remote.archived() == archived);
        return write(op, WriteKind.UPDATE, mapper, verify, null);
    }

    @Override
    public RemotePlan archivePlan(String planId, boolean archived) {
        Objects.requireNonNull(planId, "planId");
        Op op = Op.post("plans.update", planId, WireMapper.planArchiveBody(planId, archived));
        Function<JsonNode, RemotePlan> mapper = json -> mapPlan(op, json, null);
        Verification<RemotePlan> verify = planState(planId, mapper, remote -> remote.archived() == archived);
        return write(op, WriteKind.UPDATE, mapper, verify, null);
    }

    @Override
    public void deletePlan(String planId) {
        Objects.requireNonNull(planId, "planId");
        Op op = Op.post("plans.delete", planId, WireMapper.planDeleteBody(planId));
        Verification<Boolean> verify = () -> {
            JsonNode now = readOrNull(Op.post("plans.get", planId, WireMapper.planIdBody(planId)));
            return now == null ? Check.applied(Boolean.TRUE) : Check.notApplied();
        };
        write(op, WriteKind.DELETE, json -> Boolean.TRUE, verify, Boolean.TRUE);
    }

    @Override
    public PlanCustomers planCustomers(Product product) {
        Objects.requireNonNull(product, "product");
        Op op = Op.post("plans.has_customers", product.id(), WireMapper.planCustomersBody(product));
        JsonNode json = read(op);
        return map(
                op,
                () -> new PlanCustomers(
                        version(json.get("current_version")),
                        required(json, "will_version"),
                        flag(json.get("archived"))));
    }

    @Override
    public boolean planHasCustomers(String planId) {
        Objects.requireNonNull(planId, "planId");
        Op op = Op.get(planId, "products", planId, "deletion_info");
        JsonNode json = read(op);
        // totalCount (customer products over all versions) comes from a SQL COUNT and can be a string: "2".
        return map(op, () -> required(json, "hasCusProducts") || count(json.get("totalCount"), "totalCount") > 0);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The client, without its key. */
    @Override
    public String toString() {
        return "AutumnHttpClient{" + config + "}";
    }

    // ------------------------------------------------------------------ mapping

    private RemoteFeature mapFeature(Op op, JsonNode json, Feature sent) {
        List<Feature> written = new ArrayList<>();
        if (sent != null) {
            for (CreditCost cost : sent.creditSchema()) {
                written.add(cost.feature());
            }
        }
        Map<String, Feature> lookup = lookup(json, written, sent == null);
        return redacted(map(op, () -> WireMapper.feature(json, lookup)));
    }

    private RemotePlan mapPlan(Op op, JsonNode json, Product sent) {
        // The features the plan was written with first: a pushed plan compares equal to the local one.
        Map<String, Feature> lookup = lookup(json, sent == null ? List.of() : referencedFeatures(sent), sent == null);
        return redacted(map(op, () -> WireMapper.plan(json, lookup)));
    }

    /**
     * Features by id for reading {@code json}: those written, then those seen. When nothing was written (an archive
     * flag), lists the features once more if the answer names one this client has not seen; the answer to a write
     * that names other features than were written is simply not what was written.
     */
    private Map<String, Feature> lookup(JsonNode json, List<Feature> written, boolean mayRefresh) {
        Map<String, Feature> lookup = snapshot();
        lookup.putAll(WireMapper.featureLookup(written));
        if (mayRefresh && !lookup.keySet().containsAll(WireMapper.referencedFeatureIds(json))) {
            refreshFeatures();
            lookup = snapshot();
            lookup.putAll(WireMapper.featureLookup(written));
        }
        return lookup;
    }

    private Map<String, Feature> snapshot() {
        synchronized (knownFeatures) {
            return new HashMap<>(knownFeatures);
        }
    }

    private void refreshFeatures() {
        JsonNode features = read(Op.post("features.list", null, NODES.objectNode()));
        List<RemoteFeature> remote =
                redacted(map(Op.post("features.list", null, null), () -> WireMapper.features(features)));
        synchronized (knownFeatures) {
            knownFeatures.putAll(WireMapper.remoteLookup(remote));
        }
    }

    /**
     * The unsupported lines quote remote content (metadata, unknown fields), which ends up in plans and logs: the key
     * is scrubbed from them like from Autumn's error messages.
     */
    private RemoteFeature redacted(RemoteFeature feature) {
        List<String> lines = scrubbed(feature.unsupported());
        return lines.equals(feature.unsupported())
                ? feature
                : new RemoteFeature(feature.id(), feature.model(), feature.archived(), lines);
    }

    private List<RemoteFeature> redacted(List<RemoteFeature> features) {
        List<RemoteFeature> result = new ArrayList<>();
        features.forEach(feature -> result.add(redacted(feature)));
        return result;
    }

    private RemotePlan redacted(RemotePlan plan) {
        List<String> lines = scrubbed(plan.unsupported());
        return lines.equals(plan.unsupported())
                ? plan
                : new RemotePlan(plan.id(), plan.model(), plan.archived(), plan.version(), lines);
    }

    private List<String> scrubbed(List<String> lines) {
        List<String> result = new ArrayList<>();
        lines.forEach(line -> result.add(Redaction.scrub(line, config.secretKey())));
        return result;
    }

    private RemoteFeature remember(RemoteFeature feature) {
        synchronized (knownFeatures) {
            knownFeatures.put(feature.id(), feature.model());
        }
        return feature;
    }

    private static List<Feature> referencedFeatures(Product product) {
        List<Feature> features = new ArrayList<>();
        for (Item item : product.items()) {
            Feature entity = null;
            if (item instanceof FeatureItem) {
                entity = ((FeatureItem) item).entityFeature();
            } else if (item instanceof PricedFeatureItem) {
                entity = ((PricedFeatureItem) item).entityFeature();
            }
            if (item.feature() != null) {
                features.add(item.feature());
            }
            if (entity != null) {
                features.add(entity);
            }
        }
        return features;
    }

    /**
     * Whether {@code remote} is what pushing {@code local} stores: compared after the round trip through the wire
     * format (which makes it canonical), without proration (Autumn does not return it), items as a multiset.
     */
    static boolean equivalent(Product local, Product remote) {
        if (remote == null) {
            return false;
        }
        Product expected = WireMapper.plan(
                        WireMapper.planCreateBody(local), WireMapper.featureLookup(referencedFeatures(local)))
                .model();
        if (expected == null) {
            return false;
        }
        expected = withoutProration(expected);
        Product actual = withoutProration(remote);
        return expected.id().equals(actual.id())
                && expected.name().equals(actual.name())
                && Objects.equals(expected.description(), actual.description())
                && Objects.equals(expected.group(), actual.group())
                && expected.isAddOn() == actual.isAddOn()
                && expected.isDefault() == actual.isDefault()
                && Objects.equals(expected.freeTrial(), actual.freeTrial())
                && counts(expected.items()).equals(counts(actual.items()));
    }

    private static Map<Item, Integer> counts(List<Item> items) {
        Map<Item, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }

    private static Product withoutProration(Product product) {
        List<Item> items = new ArrayList<>();
        for (Item item : product.items()) {
            if (item instanceof PricedFeatureItem && ((PricedFeatureItem) item).proration() != null) {
                PricedFeatureItem p = (PricedFeatureItem) item;
                items.add(new PricedFeatureItem(
                        p.feature(),
                        p.included(),
                        p.price(),
                        p.billingUnits(),
                        p.billingMethod(),
                        p.billing(),
                        p.reset(),
                        p.maxPurchase(),
                        p.rollover(),
                        null,
                        p.entityFeature()));
            } else {
                items.add(item);
            }
        }
        return new Product(
                product.id(),
                product.name(),
                product.description(),
                product.group(),
                product.isAddOn(),
                product.isDefault(),
                product.freeTrial(),
                items);
    }

    private static String describe(RemoteFeature remote) {
        return remote.model() == null
                ? "unsupported " + remote.unsupported()
                : remote.model().toString();
    }

    private static String describe(RemotePlan remote) {
        String text = remote.model() == null
                ? "unsupported " + remote.unsupported()
                : remote.model().toString();
        return text.length() <= 400 ? text : text.substring(0, 397) + "...";
    }

    /** Runs a mapping; a malformed answer becomes an {@link AutumnApiException} naming the route. */
    private <T> T map(Op op, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException e) {
            if (e instanceof AutumnApiException) {
                throw e;
            }
            throw new AutumnApiException(
                    op.method,
                    route(op),
                    op.entityId,
                    200,
                    null,
                    "malformed answer: " + Redaction.scrub(e.getMessage(), config.secretKey()),
                    "the server at " + config.baseUrl().redact() + " may not speak Autumn's 2.3.0 API",
                    null);
        }
    }

    private List<JsonNode> list(Op op, JsonNode answer) {
        JsonNode list = answer == null ? null : answer.get("list");
        if (list == null || !list.isArray()) {
            return map(op, () -> {
                throw new IllegalArgumentException("expected {\"list\": [...]}, was " + WireMapper.abbreviate(answer));
            });
        }
        List<JsonNode> nodes = new ArrayList<>();
        list.forEach(nodes::add);
        return nodes;
    }

    /** A count: absent or {@code null} is 0; a whole number, or text holding one ({@code "2"}). */
    private static long count(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return 0;
        }
        try {
            if (node.isNumber()) {
                return node.decimalValue().longValueExact();
            }
            if (node.isTextual()) {
                // deletion_info's totalCount comes from a SQL COUNT and can be a string: "2".
                return new BigDecimal(node.textValue().trim()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // not a whole number that fits: reported below
        }
        throw new IllegalArgumentException("expected " + field + ": a whole number, was " + node);
    }

    /** A plan version the answer must carry: a whole number ≥ 1 (as a number or, like the counts, as text). */
    private static int version(JsonNode node) {
        if (node != null && !node.isNull()) {
            try {
                long version = count(node, "current_version");
                if (version >= 1 && version <= Integer.MAX_VALUE) {
                    return (int) version;
                }
            } catch (IllegalArgumentException e) {
                // not a whole number: reported below
            }
        }
        throw new IllegalArgumentException(
                "expected current_version: a version number of 1 or more, was " + (node == null ? "nothing" : node));
    }

    /** A flag the answer must carry: without it, the answer is not what was asked for. */
    private static boolean required(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException(
                    "expected " + field + ": true or false, was " + WireMapper.abbreviate(json));
        }
        return node.booleanValue();
    }

    private static boolean flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("expected true or false, was " + node);
        }
        return node.booleanValue();
    }

    // ------------------------------------------------------------------ requests and retries

    private enum WriteKind {
        CREATE,
        UPDATE,
        DELETE
    }

    /** What a re-read after an ambiguous failure shows. */
    private static final class Check<T> {
        final boolean applied;
        final T value;
        final String different;

        private Check(boolean applied, T value, String different) {
            this.applied = applied;
            this.value = value;
            this.different = different;
        }

        static <T> Check<T> applied(T value) {
            return new Check<>(true, value, null);
        }

        static <T> Check<T> notApplied() {
            return new Check<>(false, null, null);
        }

        static <T> Check<T> different(String what) {
            return new Check<>(false, null, what);
        }
    }

    @FunctionalInterface
    private interface Verification<T> {
        Check<T> check();
    }

    private Verification<RemoteFeature> featureState(
            String featureId, Function<JsonNode, RemoteFeature> mapper, Predicate<RemoteFeature> applied) {
        return () -> {
            JsonNode now = readOrNull(Op.post("features.get", featureId, WireMapper.featureIdBody(featureId)));
            if (now == null) {
                return Check.notApplied();
            }
            RemoteFeature remote = mapper.apply(now);
            return applied.test(remote) ? Check.applied(remote) : Check.notApplied();
        };
    }

    private Verification<RemotePlan> planState(
            String planId, Function<JsonNode, RemotePlan> mapper, Predicate<RemotePlan> applied) {
        return () -> {
            JsonNode now = readOrNull(Op.post("plans.get", planId, WireMapper.planIdBody(planId)));
            if (now == null) {
                return Check.notApplied();
            }
            RemotePlan remote = mapper.apply(now);
            return applied.test(remote) ? Check.applied(remote) : Check.notApplied();
        };
    }

    /** A read, or {@code null} on 404. */
    private JsonNode readOrNull(Op op) {
        try {
            return read(op);
        } catch (AutumnNotFoundException e) {
            return null;
        }
    }

    /** A read: retried on 429, 5xx and I/O failures. */
    JsonNode read(Op op) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(op, attempt);
            if (answer.ok()) {
                return answer.json;
            }
            AutumnApiException failure = failure(op, answer);
            if (!answer.retryable() || attempt > config.maxRetries()) {
                throw failure;
            }
            pause(op, attempt, answer, failure);
        }
    }

    private <T> T write(
            Op op, WriteKind kind, Function<JsonNode, T> onSuccess, Verification<T> verify, T alreadyDeleted) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(op, attempt);
            if (answer.ok()) {
                return onSuccess.apply(answer.json);
            }
            AutumnApiException failure = failure(op, answer);
            if (answer.status == 429) {
                // Rejected by the rate limiter before the handler ran: nothing applied, safe to repeat.
            } else if (answer.ambiguous()) {
                // It may have applied: look before repeating.
                Check<T> check = safeCheck(verify);
                if (check.applied) {
                    return check.value;
                }
                if (check.different != null && kind == WriteKind.CREATE) {
                    throw exists(op, failure, check.different);
                }
            } else if (attempt > 1
                    && kind == WriteKind.CREATE
                    && answer.code != null
                    && EXISTS_CODES.contains(answer.code)) {
                // An earlier attempt created it (or still holds the idempotency key).
                Check<T> check = safeCheck(verify);
                if (check.applied) {
                    return check.value;
                }
                if (check.different != null) {
                    throw exists(op, failure, check.different);
                }
            } else if (attempt > 1 && kind == WriteKind.DELETE && answer.status == 404) {
                return alreadyDeleted; // an earlier attempt deleted it
            } else {
                throw failure;
            }
            if (attempt > config.maxRetries()) {
                throw failure;
            }
            pause(op, attempt, answer, failure);
        }
    }

    private <T> Check<T> safeCheck(Verification<T> verify) {
        try {
            return verify.check();
        } catch (AutumnApiException e) {
            return Check.notApplied(); // unknown: the retry (same idempotency key) or the next check decides
        }
    }

    private AutumnConflictException exists(Op op, AutumnApiException failure, String found) {
        return new AutumnConflictException(
                op.method,
                route(op),
                op.entityId,
                failure.status(),
                failure.code(),
                failure.autumnMessage(),
                "after an unanswered create, Autumn holds '" + op.entityId + "' but not as sent: " + found
                        + ". Fetch the catalog again and plan from there",
                failure);
    }

    private void pause(Op op, int attempt, Answer answer, AutumnApiException failure) {
        Duration delay;
        if (answer.retryAfter != null) {
            if (answer.retryAfter.compareTo(config.maxRetryAfter()) > 0) {
                throw failure;
            }
            delay = answer.retryAfter;
        } else {
            delay = backoff(attempt);
        }
        String reason;
        if (answer.status == 0) {
            reason = "I/O: " + Redaction.scrub(answer.ioFailure.toString(), config.secretKey());
        } else if (answer.garbled) {
            reason = answer.status + " with a garbled JSON answer";
        } else {
            reason = answer.status + (answer.code == null ? "" : " " + answer.code);
        }
        config.listener()
                .retrying(new ClientListener.RetryEvent(op.method, route(op), op.entityId, attempt, delay, reason));
        try {
            config.clock().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(op, failure);
        }
    }

    /** Exponential with equal jitter: half the step fixed, half random; capped at max backoff. */
    Duration backoff(int attempt) {
        long initial = config.initialBackoff().toNanos();
        long max = config.maxBackoff().toNanos();
        long step = initial;
        for (int i = 1; i < attempt && step < max; i++) {
            step = step > max / 2 ? max : step * 2;
        }
        step = Math.min(step, max);
        double jitter = Math.max(0, Math.min(1, config.jitter().getAsDouble()));
        return Duration.ofNanos(step / 2 + (long) (jitter * (step / 2)));
    }

    private AutumnTransportException interrupted(Op op, Throwable cause) {
        return new AutumnTransportException(op.method, route(op), op.entityId, 0, null, "interrupted", null, cause);
    }

    private Answer exchange(Op op, int attempt) {
        try {
            Duration waited = limiter.acquire();
            if (!waited.isZero()) {
                config.listener().throttled(waited);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(op, e);
        }
        HttpUrl url = op.url(config.baseUrl());
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + config.secretKey())
                .header("X-API-Version", config.apiVersion())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        if (op.idempotencyKey != null) {
            request.header("Idempotency-Key", op.idempotencyKey);
        }
        if ("GET".equals(op.method)) {
            request.get();
        } else {
            request.post(RequestBody.create(bytes(op.body), JSON_TYPE));
        }
        String route = url.encodedPath();
        config.listener().requestSent(new ClientListener.RequestEvent(op.method, route, op.entityId, attempt));
        long start = config.clock().nanoTime();
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            config.listener()
                    .responseReceived(new ClientListener.ResponseEvent(
                            op.method,
                            route,
                            op.entityId,
                            response.code(),
                            Duration.ofNanos(Math.max(0, config.clock().nanoTime() - start))));
            return Answer.of(response.code(), text, retryAfter(response.header("Retry-After")));
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw interrupted(op, e);
            }
            return Answer.io(e);
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return WireMapper.json().writeValueAsBytes(body == null ? NODES.objectNode() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration delay = Duration.between(Instant.now(), at);
                return delay.isNegative() ? Duration.ZERO : delay;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private String route(Op op) {
        return op.url(config.baseUrl()).encodedPath();
    }

    /** The typed exception for a failed answer; Autumn's message is scrubbed of anything key-like. */
    private AutumnApiException failure(Op op, Answer answer) {
        String route = route(op);
        String key = config.secretKey();
        if (answer.status == 0) {
            return new AutumnTransportException(
                    op.method,
                    route,
                    op.entityId,
                    0,
                    null,
                    Redaction.scrub(answer.ioFailure.toString(), key),
                    "check the network and the base URL " + config.baseUrl().redact(),
                    answer.ioFailure);
        }
        int status = answer.status;
        String code = Redaction.scrub(answer.code, key);
        String message = Redaction.scrub(answer.message, key);
        if (answer.parseFailure != null) {
            return new AutumnApiException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    null,
                    message,
                    answer.garbled
                            ? "the answer is cut or corrupted JSON; run again, and if it persists, the server at "
                                    + config.baseUrl().redact() + " may not be Autumn's API"
                            : "the answer is not JSON; the server at "
                                    + config.baseUrl().redact() + " may not be Autumn's API",
                    null);
        }
        if (status == 401 && "no_auth_header".equals(code)) {
            // Autumn's answer to a route it does not serve (unknown RPC method, GET on an RPC route): not a key
            // problem.
            return new AutumnApiException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    code,
                    message,
                    "Autumn answers this for a route it does not serve, not for a bad key; check that the base URL "
                            + config.baseUrl().redact() + " is an Autumn API with the 2.x RPC routes",
                    null);
        }
        if (status == 401 || status == 403) {
            return new AutumnAuthException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    code,
                    message,
                    status == 403
                            ? "the secret key lacks a scope this call needs (features:* and plans:*)"
                            : "check the secret key: am_sk_test_… for sandbox, am_sk_live_… for production",
                    null);
        }
        if (status == 404) {
            return new AutumnNotFoundException(op.method, route, op.entityId, status, code, message, null, null);
        }
        if (status == 409 || "product_already_exists".equals(code) || "duplicate_feature_id".equals(code)) {
            return new AutumnConflictException(op.method, route, op.entityId, status, code, message, null, null);
        }
        if (status == 429) {
            return new AutumnRateLimitException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    code,
                    message,
                    "Autumn allows 25 requests per second per org; lower the client's requests per second",
                    null);
        }
        if (status >= 500) {
            String hint = null;
            if (message != null && message.contains("included: must be a number")) {
                hint = "a plan with an unlimited, priced item breaks this on Autumn's side; delete or fix that plan";
            }
            return new AutumnServerException(op.method, route, op.entityId, status, code, message, hint, null);
        }
        return new AutumnApiException(op.method, route, op.entityId, status, code, message, null, null);
    }

    /** One request to send. */
    static final class Op {
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
    }

    /** One answer, or the I/O failure instead. */
    private static final class Answer {
        final int status;
        final JsonNode json;
        final String code;
        final String message;
        final Duration retryAfter;
        final IOException ioFailure;
        final Exception parseFailure;
        /** A success whose body starts as JSON but does not parse: cut or corrupted on the way. */
        final boolean garbled;

        private Answer(
                int status,
                JsonNode json,
                String code,
                String message,
                Duration retryAfter,
                IOException ioFailure,
                Exception parseFailure,
                boolean garbled) {
            this.status = status;
            this.json = json;
            this.code = code;
            this.message = message;
            this.retryAfter = retryAfter;
            this.ioFailure = ioFailure;
            this.parseFailure = parseFailure;
            this.garbled = garbled;
        }

        static Answer io(IOException failure) {
            return new Answer(0, null, null, null, null, failure, null, false);
        }

        static Answer of(int status, String text, Duration retryAfter) {
            boolean success = status >= 200 && status < 300;
            JsonNode json = null;
            Exception parseFailure = null;
            if (!text.isBlank()) {
                try {
                    json = WireMapper.json().readTree(text);
                } catch (IOException e) {
                    parseFailure = e;
                }
            }
            if (success) {
                if (parseFailure != null) {
                    String start = text.stripLeading();
                    boolean garbled = start.startsWith("{") || start.startsWith("[");
                    return new Answer(status, null, null, abbreviate(text), null, null, parseFailure, garbled);
                }
                return new Answer(
                        status, json == null ? NullNode.getInstance() : json, null, null, null, null, null, false);
            }
            String code = null;
            String message;
            if (json != null && json.isObject()) {
                code = json.path("code").isTextual() ? json.get("code").textValue() : null;
                message = json.path("message").isTextual()
                        ? json.get("message").textValue()
                        : abbreviate(json.toString());
            } else {
                // Autumn's 429 is plain text ("Too many requests, please try again later.").
                message = text.isBlank() ? null : abbreviate(text.trim());
            }
            return new Answer(status, null, code, message, retryAfter, null, null, false);
        }

        boolean ok() {
            return status >= 200 && status < 300 && parseFailure == null;
        }

        /**
         * Worth repeating: rate limited, server failure, no answer, or a garbled success. A success that is not JSON
         * at all (an HTML page) is not: the server is not Autumn's API, and repeating would only delay saying so.
         */
        boolean retryable() {
            return status == 0 || status == 429 || status >= 500 || garbled;
        }

        /** May have applied on the server: a server failure, no answer, or a success whose JSON arrived garbled. */
        boolean ambiguous() {
            return status == 0 || status >= 500 || garbled;
        }

        private static String abbreviate(String text) {
            return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
        }
    }
}
