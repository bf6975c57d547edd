package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client's pace against real 429 pacing: the sandbox enforcing a fixed-window rate limit the way Autumn does
 * (counted where requests arrive, every request counted, 429 with {@code Retry-After} past it). The local real server
 * runs in development mode (1,000 requests/s) and cannot show this. Not a timing test: it counts 429s.
 */
class PacingAgainstSandboxTest {
    /** 4 features and 44 plans: a push of 48 writes after the 2 lists, about two seconds at 24/s. */
    private static Catalog catalog() {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            features.add(feature("f" + i).name("F" + i).singleUse());
        }
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            products.add(product("p" + i)
                    .name("P" + i)
                    .item(priceItem(10 + i).monthly())
                    .item(featureItem(features.get(i % 4)).included(100 + i).monthly()));
        }
        return new Catalog(features, products);
    }

    /** Counts what the client saw. */
    private static final class Counts implements ClientListener {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();

        @Override
        public void requestSent(RequestEvent event) {
            sent.incrementAndGet();
        }

        @Override
        public void responseReceived(ResponseEvent event) {
            if (event.status() == 429) {
                rejected.incrementAndGet();
            }
        }
    }

    private static PushResult push(AutumnHttpClient client, int parallelism) {
        CatalogSync sync = new CatalogSync(client);
        Plan plan = sync.plan(catalog(), PlanOptions.defaults("sandbox", false));
        assertThat(plan.changes()).hasSize(48);
        return sync.push(plan, PushOptions.batch().withParallelism(parallelism));
    }

    @Test
    void defaultPace_againstAutumnsLimit_neverHears429_evenWith16AtOnce() {
        Counts counts = new Counts();
        try (AutumnSandbox sandbox = AutumnSandbox.builder()
                        .rateLimit(25, Duration.ofSeconds(1))
                        .latency(Duration.ofMillis(20))
                        .threads(16)
                        .start();
                AutumnHttpClient client = new AutumnHttpClient(AutumnClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .secretKey(sandbox.secretKey())
                        .listener(counts)
                        .build())) {

            PushResult result = push(client, 16);

            assertThat(result.applied()).hasSize(48);
            assertThat(counts.rejected)
                    .as("429 answers at 24/s against 25 per second")
                    .hasValue(0);
            assertThat(counts.sent)
                    .as("2 lists and 48 writes, nothing repeated")
                    .hasValue(50);
            assertThat(sandbox.requestCount()).isEqualTo(50);
            assertThat(client.pace()).isEqualTo(AutumnClientConfig.DEFAULT_REQUESTS_PER_SECOND);
        }
    }

    @Test
    void paceAboveTheLimit_adaptsDown_afterAFew429s_andEveryWriteLandsOnce() {
        Counts counts = new Counts();
        try (AutumnSandbox sandbox = AutumnSandbox.builder()
                        .rateLimit(10, Duration.ofSeconds(1))
                        .latency(Duration.ofMillis(20))
                        .threads(16)
                        .start();
                AutumnHttpClient client = new AutumnHttpClient(AutumnClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .secretKey(sandbox.secretKey())
                        .listener(counts)
                        .build())) {

            PushResult result = push(client, 16);

            assertThat(result.applied()).hasSize(48);
            // A client that only waited out each Retry-After would meet the limit once per window, five or more times
            // for 50 requests at 10 per second; halving the pace leaves it below the limit after the first windows.
            // Concurrent requests answered 429 by the same window halve the pace once, not once each.
            assertThat(counts.rejected.get()).as("429 answers").isBetween(1, 4);
            assertThat(counts.sent.get() - counts.rejected.get())
                    .as("each request accepted once")
                    .isEqualTo(50);
            assertThat(client.pace()).isBetween(RateLimiter.MIN_RATE, 12.0);
            assertThat(new CatalogSync(client)
                            .plan(catalog(), PlanOptions.defaults("sandbox", false))
                            .isEmpty())
                    .as("everything stored, nothing twice")
                    .isTrue();
        }
    }
}
