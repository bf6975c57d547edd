package dev.autumncatalog.engine.reliability;

import dev.autumncatalog.engine.autumn.ClientClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A client clock that never sleeps: a sleep moves time on and is added up. Thread-safe. */
final class NoSleepClock implements ClientClock {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) {
        now.addAndGet(duration.toNanos());
        slept.addAndGet(duration.toNanos());
    }

    /** What the client would have waited in total. */
    Duration slept() {
        return Duration.ofNanos(slept.get());
    }
}
