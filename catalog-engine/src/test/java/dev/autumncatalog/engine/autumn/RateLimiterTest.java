package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void sequential_pacesAtTheRate_andNeverExceeds21InAnySecond() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(20, 1, clock);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
            times.add(clock.nanoTime());
        }
        assertThat(clock.slept()).isEqualTo(Duration.ofMillis(99 * 50));
        for (int i = 0; i < times.size(); i++) {
            long windowEnd = times.get(i) + 1_000_000_000L;
            long inWindow = times.subList(i, times.size()).stream()
                    .filter(t -> t < windowEnd)
                    .count();
            assertThat(inWindow).as("requests in the second from request " + i).isLessThanOrEqualTo(21);
        }
    }

    @Test
    void burst_thenPacing() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(10, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire()).isZero();
        }
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire())
                    .as("refilled to the burst, not beyond")
                    .isZero();
        }
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void sharedAcrossThreads_eachCallerGetsItsOwnSlot() throws Exception {
        FakeClock clock = new FakeClock(false); // time stands still: see what each thread was told to wait
        RateLimiter limiter = new RateLimiter(20, 1, clock);
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Duration>> waits = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            waits.add(pool.submit(() -> {
                start.await();
                return limiter.acquire();
            }));
        }
        start.countDown();
        List<Long> millis = new ArrayList<>();
        for (Future<Duration> wait : waits) {
            millis.add(wait.get(5, TimeUnit.SECONDS).toMillis());
        }
        pool.shutdownNow();
        assertThat(millis).containsExactlyInAnyOrder(0L, 50L, 100L, 150L, 200L, 250L, 300L, 350L, 400L, 450L);
    }
}
