package dev.autumncatalog.engine.autumn;

import java.time.Duration;

/**
 * Time for the client's rate limiter and retry backoff. Tests pass a fake that advances on {@link #sleep(Duration)}
 * instead of sleeping.
 */
public interface ClientClock {
    /** The system clock: {@link System#nanoTime()} and {@link Thread#sleep(long, int)}. */
    ClientClock SYSTEM = new ClientClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }

        @Override
        public String toString() {
            return "ClientClock.SYSTEM";
        }
    };

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
