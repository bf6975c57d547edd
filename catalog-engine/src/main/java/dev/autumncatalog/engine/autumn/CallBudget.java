package dev.autumncatalog.engine.autumn;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The time one call may take: its own deadline ({@link AutumnClientConfig#callTimeout()}, retries and waits included)
 * and the client's stall deadline. Each request gets the smallest of what is left of both and {@link
 * AutumnClientConfig#requestTimeout()}, so that whichever comes first ends it, and is named. A call can be cancelled
 * from another thread (the other list request of a catalog fetch failed): the request under way is cancelled too.
 */
final class CallBudget implements AutoCloseable {
    private final ClientClock clock;
    private final StallWatch stall;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final long start;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile okhttp3.Call current;
    private int attempts;
    private AutumnApiException lastFailure;

    private CallBudget(AutumnClientConfig config, StallWatch stall) {
        this.clock = config.clock();
        this.stall = stall;
        this.requestTimeout = config.requestTimeout();
        this.callTimeout = config.callTimeout();
        this.start = clock.nanoTime();
        stall.begin();
    }

    /** Starts the clock of one call; close it when the call ends. */
    static CallBudget start(AutumnClientConfig config, StallWatch stall) {
        return new CallBudget(config, stall);
    }

    /** Ends the call for the stall deadline; only the first close counts. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stall.end();
        }
    }

    /** A request's deadline: the tightest of the three, and which one it is. */
    record Limit(ClientSetting setting, Duration timeout) {}

    /** The deadline of the next request; {@code timeout} is zero or less when the call or the stall deadline passed. */
    Limit nextRequest() {
        long call = callTimeout.toNanos() - elapsed().toNanos();
        long stalled = stall.remainingNanos();
        Limit limit = new Limit(ClientSetting.REQUEST_TIMEOUT, requestTimeout);
        if (call < limit.timeout().toNanos()) {
            limit = new Limit(ClientSetting.CALL_TIMEOUT, Duration.ofNanos(call));
        }
        if (stalled < limit.timeout().toNanos()) {
            limit = new Limit(ClientSetting.STALL_TIMEOUT, Duration.ofNanos(stalled));
        }
        return limit;
    }

    /** Which deadline a wait of {@code delay} would outlast, or {@code null} when it fits. */
    ClientSetting outlasts(Duration delay) {
        if (elapsed().plus(delay).compareTo(callTimeout) > 0) {
            return ClientSetting.CALL_TIMEOUT;
        }
        if (stall.remainingNanos() < delay.toNanos()) {
            return ClientSetting.STALL_TIMEOUT;
        }
        return null;
    }

    /** Time since the call started. */
    Duration elapsed() {
        return Duration.ofNanos(Math.max(0, clock.nanoTime() - start));
    }

    Duration callTimeout() {
        return callTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    StallWatch stall() {
        return stall;
    }

    /** Counts a request sent. */
    void attempted() {
        attempts++;
    }

    int attempts() {
        return attempts;
    }

    /** The last failure, to name it when a deadline ends the call. */
    void failed(AutumnApiException failure) {
        lastFailure = failure;
    }

    AutumnApiException lastFailure() {
        return lastFailure;
    }

    /** The HTTP call under way, so {@link #cancel()} can reach it. */
    void sending(okhttp3.Call call) {
        current = call;
        if (cancelled) {
            call.cancel();
        }
    }

    /** Stops the call: the request under way fails now, and no other is sent. */
    void cancel() {
        cancelled = true;
        okhttp3.Call call = current;
        if (call != null) {
            call.cancel();
        }
    }

    boolean cancelled() {
        return cancelled;
    }
}
