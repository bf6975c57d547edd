package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fault of {@link FaultKind} at every request of a clean plan-and-push of {@link PushScenario} (12 changes of
 * every kind), through the real {@link AutumnHttpClient} against the sandbox, with a clock that does not sleep. Each
 * case asserts:
 *
 * <ul>
 *   <li>the push succeeds, or fails with a typed exception naming the entity, the step and the cause;
 *   <li>what the push reported as applied is in Autumn (nothing claimed is lost);
 *   <li>a plain re-run (fresh client, plan, push) reaches the target: planning again is empty;
 *   <li>nothing is created twice: no plan has more versions than the target needs, no id of the target is deleted (the
 *       sandbox, like Autumn, refuses a second create of an id), at most one create per id is answered 2xx;
 *   <li>nothing outside the plan is written: the unchanged {@code support} feature and {@code starter} plan, and any
 *       id no change names;
 *   <li>the secret key appears in no text the engine produced (see {@link Canary}).
 * </ul>
 *
 * <p>The figures go to {@code target/reliability/fault-matrix.md} (copied into TESTING.md). The pushes run one
 * change at a time so that a request number means the same request in every case; a second, smaller set runs 4 at
 * once (request numbers then vary between runs; the invariants must hold all the same).
 */
class FaultMatrixTest {
    /** Full matrix with {@code -Pthorough}; by default some slow cases are sampled. */
    static final boolean THOROUGH = Boolean.getBoolean("autumn.thorough");

    private static AutumnSandbox sandbox;
    private static AutumnHttpClient inspector;
    private static final Canary canary = new Canary();
    private static final Matrix matrix = new Matrix();
    private static final long started = System.nanoTime();

    @BeforeAll
    static void start() {
        sandbox = AutumnSandbox.builder()
                .secretKeys(Canary.KEY)
                .seed(7)
                .threads(16) // late answers of timed-out requests must not hold up the others
                .start();
        inspector = client(null, 4, ClientListener.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        inspector.close();
        sandbox.close();
        canary.add(inspector.toString());
        canary.assertNoLeak();
        matrix.write(Duration.ofNanos(System.nanoTime() - started), canary.size());
    }

    @TestFactory
    Stream<DynamicNode> everyFault_atEveryRequest_convergesWithoutDuplicates() {
        List<RecordedRequest> clean = cleanRun(1);
        matrix.cleanRun(clean);
        List<DynamicNode> sets = new ArrayList<>();
        for (CaseSet set : CaseSet.values()) {
            int requests = set.parallelism == 1
                    ? clean.size()
                    : cleanRun(set.parallelism).size();
            List<DynamicNode> byFault = new ArrayList<>();
            for (FaultKind fault : set.faults()) {
                List<DynamicTest> cases = new ArrayList<>();
                for (int k = 1; k <= requests; k++) {
                    if (!set.runs(fault, k)) {
                        continue;
                    }
                    int position = k;
                    String name = fault + " from request " + k
                            + (set.parallelism == 1 ? " (" + clean.get(k - 1).line() + ")" : "");
                    cases.add(DynamicTest.dynamicTest(name, () -> matrix.add(runCase(set, fault, position))));
                }
                byFault.add(DynamicContainer.dynamicContainer(fault.label(), cases));
            }
            sets.add(DynamicContainer.dynamicContainer(set.title, byFault));
        }
        return sets.stream();
    }

    /** The clean plan-and-push from the seed: its requests, and the plan has every kind of change. */
    private static List<RecordedRequest> cleanRun(int parallelism) {
        PushScenario.seed(sandbox, inspector);
        sandbox.clearRequests();
        CatalogSync sync = new CatalogSync(inspector, MAVEN_LIKE);
        Plan plan = sync.plan(PushScenario.TARGET, PushScenario.OPTIONS);
        sync.push(plan, PushOptions.batch().withParallelism(parallelism));
        List<RecordedRequest> requests = sandbox.requests();

        assertThat(plan.changes()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(plan.changes().stream().map(Change::id).collect(Collectors.toSet()))
                .isEqualTo(PushScenario.changedIds());
        assertThat(plan.changes().stream().map(Change::action).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Change.Action.values());
        assertThat(sync.plan(PushScenario.TARGET, PushScenario.OPTIONS).isEmpty())
                .isTrue();
        assertThat(SandboxState.versions(sandbox)).isEqualTo(expectedVersions());
        return requests;
    }

    /**
     * One case: seed; the fault at request {@code k} (and the {@code burst - 1} requests after it); plan and push; then
     * the checks and a plain re-run.
     */
    private static Row runCase(CaseSet set, FaultKind kind, int k) throws InterruptedException {
        PushScenario.seed(sandbox, inspector);
        sandbox.faults().clear();
        sandbox.clearRequests();
        for (int i = 0; i < set.burst; i++) {
            sandbox.faults().atRequest(k + i, kind.fault());
        }
        Creates creates = new Creates();
        Creates rerunCreates = new Creates();

        Plan plan = null;
        PushResult result = null;
        RuntimeException failure = null;
        Duration timeout = kind == FaultKind.READ_TIMEOUT ? Duration.ofMillis(FaultKind.TIMEOUT_MS) : null;
        try (AutumnHttpClient client = client(timeout, set.maxRetries, creates)) {
            CatalogSync sync = new CatalogSync(client, MAVEN_LIKE);
            try {
                plan = sync.plan(PushScenario.TARGET, PushScenario.OPTIONS);
                canary.add(plan);
                result = sync.push(
                        plan,
                        PushOptions.batch().withParallelism(set.parallelism).withListener(canary.pushListener()));
                canary.add(result);
            } catch (PushFailedException e) {
                failure = e;
                canary.add(e);
                canary.add(e.result());
                assertNamesEntityStepAndCause(e);
            } catch (AutumnApiException e) {
                failure = e;
                canary.add(e);
                assertThat(plan)
                        .as("only planning throws Autumn's errors directly")
                        .isNull();
                assertNamesStepAndCause(e);
            }
            canary.add(client.toString());
        }
        if (kind == FaultKind.READ_TIMEOUT) {
            // Timed-out requests are still being answered; let them land before judging the state.
            Thread.sleep(FaultKind.DELAY_MS - FaultKind.TIMEOUT_MS + 150);
        }
        int faultedRun = sandbox.requestCount();
        assertThat(faultedRun).as("the fault was played").isGreaterThanOrEqualTo(k);
        sandbox.faults().clear(); // what the outage did not use is not for the re-run
        List<RecordedRequest> faulted = sandbox.requests().subList(k - 1, Math.min(faultedRun, k - 1 + set.burst));

        // What the push said it applied is in Autumn.
        List<Change> claimed = result != null
                ? plan.changes()
                : failure instanceof PushFailedException
                        ? ((PushFailedException) failure).result().applied()
                        : List.of();
        Plan after = freshPlan();
        Set<String> pending = after.changes().stream().map(FaultMatrixTest::key).collect(Collectors.toSet());
        int lost = (int) claimed.stream().filter(c -> pending.contains(key(c))).count();
        if (failure == null) {
            assertThat(after.isEmpty())
                    .as("a push that succeeded leaves nothing to do")
                    .isTrue();
        }

        // A plain re-run converges.
        try (AutumnHttpClient rerun = client(null, 4, rerunCreates)) {
            CatalogSync sync = new CatalogSync(rerun, MAVEN_LIKE);
            Plan again = sync.plan(PushScenario.TARGET, PushScenario.OPTIONS);
            canary.add(again);
            canary.add(sync.push(again, PushOptions.batch().withListener(canary.pushListener())));
        }
        Plan last = freshPlan();
        boolean converged = last.isEmpty();
        if (!converged) {
            lost += last.changes().size();
        }

        // Nothing created twice, nothing outside the plan written.
        Map<String, Integer> versions = SandboxState.versions(sandbox);
        int duplicates = 0;
        for (Map.Entry<String, Integer> expected : expectedVersions().entrySet()) {
            duplicates += Math.max(0, versions.getOrDefault(expected.getKey(), 0) - expected.getValue());
        }
        Set<String> targetIds = PushScenario.targetIds();
        Set<String> changed = PushScenario.changedIds();
        List<String> strayWrites = new ArrayList<>();
        for (RecordedRequest request : sandbox.requests()) {
            if (!SandboxState.isWrite(request)) {
                continue;
            }
            String id = SandboxState.entityId(request);
            if (request.path().endsWith(".delete") && targetIds.contains(id)) {
                duplicates++; // deleting an id the target holds means creating it again
            }
            if (!changed.contains(id)) {
                strayWrites.add(request.line() + " " + request.body());
            }
        }
        duplicates += appliedCreates(kind, faulted, creates, rerunCreates, after);

        Row row = new Row(set, kind, k, failure == null, failure, converged, lost, duplicates);
        assertThat(strayWrites).as("writes to entities no change names").isEmpty();
        assertThat(lost)
                .as("changes reported applied but missing, or not reached by the re-run")
                .isZero();
        assertThat(converged).as("the re-run reaches the target").isTrue();
        assertThat(duplicates)
                .as("versions %s, 2xx creates %s then %s", versions, creates.answered, rerunCreates.answered)
                .isZero();
        assertThat(versions).isEqualTo(expectedVersions());
        return row;
    }

    /**
     * Creates the sandbox applied beyond the first, per id: the 2xx answers the client saw, corrected for the faulted
     * requests, whose answers do not tell. A malformed 200 was not applied. A create reset after processing, or
     * answered after the client's timeout, reached Autumn: when the client saw no 2xx for its id and the id exists,
     * that create is the one that applied (its retries carry the same idempotency key and are refused).
     */
    private static int appliedCreates(
            FaultKind kind, List<RecordedRequest> faulted, Creates push, Creates rerun, Plan after) {
        Map<String, Integer> applied = new HashMap<>(push.answered);
        for (RecordedRequest request : faulted) {
            if (!request.path().endsWith(".create")) {
                continue;
            }
            String id = SandboxState.entityId(request);
            boolean exists =
                    after.changes().stream().noneMatch(c -> c.id().equals(id) && c.action() == Change.Action.CREATE);
            if (kind == FaultKind.MALFORMED_JSON) {
                applied.merge(id, -1, Integer::sum);
            } else if ((kind == FaultKind.RESET_AFTER || kind == FaultKind.READ_TIMEOUT)
                    && !push.answered.containsKey(id)
                    && exists) {
                applied.put(id, 1);
            }
        }
        rerun.answered.forEach((created, count) -> applied.merge(created, count, Integer::sum));
        int duplicates = 0;
        for (int count : applied.values()) {
            duplicates += Math.max(0, count - 1);
        }
        return duplicates;
    }

    private static Map<String, Integer> expectedVersions() {
        Map<String, Integer> versions = new TreeMap<>(PushScenario.VERSIONS);
        versions.put("legacy", 1); // archived, not deleted
        return versions;
    }

    private static String key(Change change) {
        return change.entity() + " " + change.id();
    }

    private static Plan freshPlan() {
        Plan plan = new CatalogSync(inspector, MAVEN_LIKE).plan(PushScenario.TARGET, PushScenario.OPTIONS);
        canary.add(plan);
        return plan;
    }

    /** The failure lists each failed change with its step (verb and id) and cause (status or I/O, and the route). */
    private static void assertNamesEntityStepAndCause(PushFailedException e) {
        PushResult result = e.result();
        assertThat(result.failures()).isNotEmpty();
        assertThat(e.getMessage()).endsWith(PushFailedException.advice(MAVEN_LIKE));
        for (PushResult.Failure failure : result.failures()) {
            Change change = failure.change();
            assertThat(failure.cause())
                    .as("the cause is one of Autumn's typed errors")
                    .isInstanceOf(AutumnApiException.class);
            AutumnApiException cause = (AutumnApiException) failure.cause();
            assertThat(failure.step()).contains("'" + change.id() + "'");
            assertThat(e.getMessage())
                    .contains(change.headline() + ": " + failure.step() + ": ")
                    .contains(cause.route());
            assertThat(e.getMessage()).containsAnyOf("no answer from Autumn", "Autumn answered " + cause.status());
        }
    }

    /** A planning failure names the request (method, route, entity when there is one) and what came back. */
    private static void assertNamesStepAndCause(AutumnApiException e) {
        assertThat(e.getMessage()).startsWith(e.method() + " " + e.route());
        if (e.entityId() != null) {
            assertThat(e.getMessage()).contains("(" + e.entityId() + ")");
        }
        assertThat(e.getMessage()).contains(e.status() == 0 ? "failed without an answer" : "answered " + e.status());
    }

    /** A client for the sandbox: no sleeping, the canary key; {@code readTimeout == null} for the default. */
    private static AutumnHttpClient client(Duration readTimeout, int maxRetries, ClientListener listener) {
        AutumnClientConfig.Builder config = AutumnClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .secretKey(Canary.KEY)
                .maxRetries(maxRetries)
                .clock(new NoSleepClock())
                .jitter(() -> 0.5)
                .listener(both(canary.clientListener(), listener));
        if (readTimeout != null) {
            config.readTimeout(readTimeout);
        }
        return new AutumnHttpClient(config.build());
    }

    private static ClientListener both(ClientListener a, ClientListener b) {
        return new ClientListener() {
            @Override
            public void requestSent(RequestEvent event) {
                a.requestSent(event);
                b.requestSent(event);
            }

            @Override
            public void responseReceived(ResponseEvent event) {
                a.responseReceived(event);
                b.responseReceived(event);
            }

            @Override
            public void retrying(RetryEvent event) {
                a.retrying(event);
                b.retrying(event);
            }

            @Override
            public void throttled(Duration wait) {
                a.throttled(wait);
                b.throttled(wait);
            }
        };
    }

    /** Creates answered 2xx, by id. */
    private static final class Creates implements ClientListener {
        final Map<String, Integer> answered = new HashMap<>();

        @Override
        public synchronized void responseReceived(ResponseEvent event) {
            if (event.route().endsWith(".create") && event.status() >= 200 && event.status() < 300) {
                answered.merge(event.entityId(), 1, Integer::sum);
            }
        }
    }

    /**
     * The sets of cases: how many consecutive requests the fault hits, how many changes a push runs at once, and the
     * client's retries.
     */
    enum CaseSet {
        TRANSIENT("One fault, one change at a time (the client retries up to 4 times)", 1, 1, 4),
        OUTAGE(
                "An outage the client gives up on: the fault hits 6 requests in a row from request k; 1 retry;"
                        + " one change at a time",
                6,
                1,
                1),
        PARALLEL("One fault, 4 changes at once (request numbers vary between runs)", 1, 4, 4);

        final String title;
        final int burst;
        final int parallelism;
        final int maxRetries;

        CaseSet(String title, int burst, int parallelism, int maxRetries) {
            this.title = title;
            this.burst = burst;
            this.parallelism = parallelism;
            this.maxRetries = maxRetries;
        }

        List<FaultKind> faults() {
            if (this == PARALLEL && !THOROUGH) {
                return List.of(FaultKind.HTTP_503, FaultKind.RESET_AFTER, FaultKind.TRUNCATED_JSON);
            }
            return List.of(FaultKind.values());
        }

        /** By default, outages of timeouts (6 slow requests each) run at every third request only. */
        boolean runs(FaultKind fault, int k) {
            return THOROUGH || this != OUTAGE || fault != FaultKind.READ_TIMEOUT || k % 3 == 1;
        }
    }

    /** One case's outcome. */
    record Row(
            CaseSet set,
            FaultKind kind,
            int position,
            boolean succeeded,
            RuntimeException failure,
            boolean converged,
            int lost,
            int duplicates) {}
}
