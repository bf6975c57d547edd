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

    @Test
    void defaults_132Requests_24PerSecond_neverMoreThan25InAnySecond() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(AutumnClientConfig.DEFAULT_REQUESTS_PER_SECOND, 1, clock);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 132; i++) {
            limiter.acquire();
            times.add(clock.nanoTime());
        }
        assertThat(times.get(131) - times.get(0))
                .as("the first push's 132 requests: 131 intervals of 1/24 s")
                .isEqualTo(131 * 41_666_667L);
        assertThat(maxInAnySecond(times)).isBetween(24L, 25L);
    }

    @Test
    void rejected_holdsEveryCallerUntilRetryAfter_andHalvesTheRate() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(20, 1, clock);
        limiter.acquire();

        limiter.rejected(Duration.ofSeconds(2));

        assertThat(limiter.rate()).isEqualTo(10);
        assertThat(limiter.acquire()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.acquire()).as("then 1/10 s apart").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void rejected_withoutRetryAfter_pausesOneWindow_andNeverBelowOnePerSecond() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(4, 1, clock);
        for (int i = 0; i < 5; i++) {
            limiter.rejected(null);
        }
        assertThat(limiter.rate()).isEqualTo(RateLimiter.MIN_RATE);
        assertThat(limiter.acquire()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void accepted_bringsTheRateBack_aboutOnePerSecondForEachSecondAtThatRate() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(24, 1, clock);
        limiter.rejected(Duration.ZERO);
        assertThat(limiter.rate()).isEqualTo(12);
        int answers = 0;
        while (limiter.rate() < 24) {
            limiter.acquire();
            limiter.accepted();
            answers++;
        }
        assertThat(limiter.rate()).isEqualTo(24);
        assertThat(answers).as("12 → 24 takes about 12 + 13 + … + 23 answers").isBetween(190, 220);
        assertThat(clock.slept()).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(13));
    }

    @Test
    void aCallerWaitingForItsSlot_whenA429Comes_queuesAgainBehindThePause() throws Exception {
        RateLimiter[] limiter = new RateLimiter[1];
        FakeClock time = new FakeClock();
        // Another thread's 429 arrives while this caller sleeps towards its slot.
        ClientClock clock = new ClientClock() {
            private boolean once;

            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public void sleep(Duration duration) {
                time.sleep(duration);
                if (!once) {
                    once = true;
                    limiter[0].rejected(Duration.ofSeconds(3));
                }
            }
        };
        limiter[0] = new RateLimiter(10, 1, clock);
        limiter[0].acquire();

        Duration waited = limiter[0].acquire();

        // Its slot was 100 ms away; the 429 came then and asked for 3 s more.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(3));
        assertThat(waited).isEqualTo(Duration.ofMillis(3_100));
    }

    private static long maxInAnySecond(List<Long> times) {
        long max = 0;
        for (int i = 0; i < times.size(); i++) {
            long windowEnd = times.get(i) + 1_000_000_000L;
            long inWindow = times.subList(i, times.size()).stream()
                    .filter(t -> t < windowEnd)
                    .count();
            max = Math.max(max, inWindow);
        }
        return max;
    }
}
