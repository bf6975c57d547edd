package dev.autumncatalog.engine.autumn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that never sleeps: {@link #sleep(Duration)} records the delay and moves time on. Thread-safe. */
final class FakeClock implements ClientClock {
    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();
    private final boolean advanceOnSleep;

    FakeClock() {
        this(true);
    }

    /** @param advanceOnSleep {@code false}: time stands still, to see what concurrent callers were told to wait */
    FakeClock(boolean advanceOnSleep) {
        this.advanceOnSleep = advanceOnSleep;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        if (advanceOnSleep) {
            now += duration.toNanos();
        }
    }

    synchronized void advance(Duration duration) {
        now += duration.toNanos();
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
