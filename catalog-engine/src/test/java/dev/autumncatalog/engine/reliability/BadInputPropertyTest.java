package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.autumncatalog.dsl.CatalogValidationException;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.internal.InvalidCatalogs;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Invalid catalogs never reach Autumn: every catalog of {@link InvalidCatalogs} (a generated valid catalog broken by one
 * of the validator's rules) is refused by {@link CatalogSync#plan} with problems that carry paths, one of them at the
 * broken path, before a single request reaches the sandbox. Tries come from {@code jqwik.tries.default}: 1,000 in the
 * default build, 10,000 with {@code -Pthorough}. The figures go to {@code target/reliability/bad-input.md}.
 */
class BadInputPropertyTest {
    private static AutumnSandbox sandbox;
    private static AutumnHttpClient client;
    private static final AtomicInteger tries = new AtomicInteger();
    private static final AtomicInteger rejected = new AtomicInteger();
    private static final AtomicInteger problems = new AtomicInteger();
    private static final Map<String, Integer> byMutation = new TreeMap<>();

    @BeforeContainer
    static void start() {
        sandbox = AutumnSandbox.builder().secretKeys(Canary.KEY).start();
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .secretKey(Canary.KEY)
                .clock(new NoSleepClock())
                .build());
    }

    @AfterContainer
    static void stop() throws IOException {
        int requests = sandbox.requestCount();
        client.close();
        sandbox.close();
        String report = String.format(
                "Bad input: %d invalid catalogs (%d mutations, %d covered), %d rejected by plan (%.1f %%), %d problems"
                        + " reported, %d requests reached the sandbox.%n%nBy mutation: %s%n",
                tries.get(),
                InvalidCatalogs.mutations().size(),
                byMutation.size(),
                rejected.get(),
                100.0 * rejected.get() / Math.max(1, tries.get()),
                problems.get(),
                requests,
                byMutation);
        Path file = Matrix.FILE.resolveSibling("bad-input.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(requests).as("requests that reached the sandbox").isZero();
        assertThat(rejected.get()).isEqualTo(tries.get());
        if (tries.get() >= 1_000) {
            assertThat(byMutation.keySet()).containsExactlyInAnyOrderElementsOf(InvalidCatalogs.mutations());
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void invalidCatalog_isRejectedByPlan_beforeAnyRequest(@ForAll("invalidCatalogs") InvalidCatalogs.Invalid invalid) {
        tries.incrementAndGet();
        synchronized (byMutation) {
            byMutation.merge(invalid.mutation(), 1, Integer::sum);
        }

        Throwable thrown = catchThrowable(() ->
                new CatalogSync(client, MAVEN_LIKE).plan(invalid.catalog(), PlanOptions.defaults("sandbox", false)));

        assertThat(thrown).isInstanceOf(CatalogValidationException.class);
        CatalogValidationException e = (CatalogValidationException) thrown;
        rejected.incrementAndGet();
        problems.addAndGet(e.problems().size());
        assertThat(e.problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.path()).isNotBlank());
        assertThat(e.problems())
                .as("a problem at %s containing \"%s\"", invalid.path(), invalid.fragment())
                .anyMatch(problem -> problem.path().equals(invalid.path())
                        && problem.message().contains(invalid.fragment()));
        for (Problem problem : e.problems()) {
            assertThat(e.getMessage()).contains(problem.path() + ": " + problem.message());
        }
        assertThat(sandbox.requestCount()).isZero();
    }

    @Provide
    Arbitrary<InvalidCatalogs.Invalid> invalidCatalogs() {
        return InvalidCatalogs.invalid();
    }
}
