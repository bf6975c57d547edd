package dev.autumncatalog.engine;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a target alongside the catalog's loading: Autumn's API opens on another thread, the local sandbox only when
 * taken, failures surface when taken, and the taken target is the caller's to close.
 */
class TargetOpeningTest {
    private static final String KEY = "am_sk_test_TargetOpeningTest0123456789abcdef";
    private static final CatalogSource PRICING = CatalogSource.of(
            catalog(product("pro").name("Pro").item(priceItem(20).monthly())), "com.example.Pricing");

    @TempDir
    Path work;

    @Test
    void api_opensOnItsOwnThread_andTheTakenTargetWorks() {
        List<String> readOn = new CopyOnWriteArrayList<>();
        try (AutumnSandbox autumn = AutumnSandbox.builder().secretKeys(KEY).start()) {
            Target target = Target.api(
                    autumn.baseUrl(),
                    () -> {
                        readOn.add(Thread.currentThread().getName());
                        return SecretKey.of(KEY, "test");
                    },
                    Environment.SANDBOX);

            try (TargetOpening opening = TargetOpening.start(target, MAVEN_LIKE, ClientListener.NONE);
                    AutumnTarget open = opening.take()) {
                assertThat(open.api().fetchCatalog().plans()).isEmpty();
            }
            assertThat(readOn).containsExactly("autumn-open");
            assertThat(autumn.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void api_failureToOpen_isThrownByTake_asThrown() {
        IllegalArgumentException noKey = new IllegalArgumentException("No Autumn secret key");
        Target target = Target.api(
                null,
                () -> {
                    throw noKey;
                },
                Environment.SANDBOX);

        try (TargetOpening opening = TargetOpening.start(target, MAVEN_LIKE, ClientListener.NONE)) {
            assertThatThrownBy(opening::take).isSameAs(noKey);
        }
    }

    @Test
    void api_neverTaken_closesWithoutAFailure() {
        Target target = Target.api(
                null,
                () -> {
                    throw new IllegalArgumentException("No Autumn secret key");
                },
                Environment.SANDBOX);

        TargetOpening opening = TargetOpening.start(target, MAVEN_LIKE, ClientListener.NONE);

        opening.close(); // the failed opening is not thrown here: the caller is already throwing its own failure
    }

    @Test
    void localSandbox_opensOnlyWhenTaken() throws InterruptedException {
        Path state = work.resolve("sandbox.json");
        CatalogEngine.create(MAVEN_LIKE, new EngineListener() {})
                .push(PushRequest.of(PlanRequest.of(PRICING, Target.localSandbox(state))));
        // Opening this target gives plan "pro" a customer: a change an invalid catalog must not cause.
        Target withCustomer = Target.localSandbox(state).customers(Map.of("pro", 1));

        TargetOpening.start(withCustomer, MAVEN_LIKE, ClientListener.NONE).close();
        awaitOpeningThreads();
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(state).start()) {
            assertThat(sandbox.customerCount("pro")).isZero();
        }

        try (TargetOpening opening = TargetOpening.start(withCustomer, MAVEN_LIKE, ClientListener.NONE);
                AutumnTarget open = opening.take()) {
            assertThat(open.sandbox().orElseThrow().customerCount("pro")).isEqualTo(1);
        }
    }

    /** Waits for every opening thread to end, so that an eager opening would have happened by now. */
    private static void awaitOpeningThreads() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("autumn-open")) {
                thread.join(10_000);
            }
        }
    }

    @Test
    void close_afterTake_leavesTheTakenTargetOpen() {
        try (AutumnSandbox autumn = AutumnSandbox.builder().secretKeys(KEY).start()) {
            Target target = Target.api(autumn.baseUrl(), SecretKey.of(KEY, "test"), Environment.SANDBOX);
            TargetOpening opening = TargetOpening.start(target, MAVEN_LIKE, ClientListener.NONE);

            try (AutumnTarget open = opening.take()) {
                opening.close();
                assertThat(open.api().fetchCatalog().features()).isEmpty();
            }
        }
    }
}
