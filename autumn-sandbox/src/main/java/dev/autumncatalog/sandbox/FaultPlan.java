package dev.autumncatalog.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The faults the sandbox will play, by arrival order ({@link #next}, {@link #failNext}), by path ({@link #nextOn}) or
 * by request number ({@link #atRequest}). A request number is the 1-based count of requests the sandbox has received, as in {@link
 * AutumnSandbox#requestCount()}. Thread-safe.
 */
public final class FaultPlan {
    private final Deque<Fault> queue = new ArrayDeque<>();
    private final Map<Integer, Fault> byNumber = new HashMap<>();
    private final Map<String, Deque<Fault>> byPath = new HashMap<>();

    FaultPlan() {}

    /** The next requests get these faults, one each, in order. */
    public synchronized FaultPlan next(Fault... faults) {
        for (Fault fault : faults) {
            queue.addLast(fault);
        }
        return this;
    }

    /** The next {@code times} requests get {@code fault}. */
    public synchronized FaultPlan failNext(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** The next {@code times} requests get an Autumn-style error with this status. */
    public FaultPlan failNext(int times, int status) {
        return failNext(times, Fault.status(status));
    }

    /** The next {@code times} requests get an Autumn-style error with this status and code. */
    public FaultPlan failNext(int times, int status, String code) {
        return failNext(times, Fault.status(status, code));
    }

    /** Request number {@code requestNumber} gets {@code fault}; it wins over queued faults. */
    public synchronized FaultPlan atRequest(int requestNumber, Fault fault) {
        if (requestNumber < 1) {
            throw new IllegalArgumentException("request numbers start at 1, was " + requestNumber);
        }
        byNumber.put(requestNumber, fault);
        return this;
    }

    /**
     * The next requests to {@code path} (without query, e.g. {@code /v1/plans.create}) get these faults, one each;
     * other paths are not affected. Wins over queued faults, not over {@link #atRequest}.
     */
    public synchronized FaultPlan nextOn(String path, Fault... faults) {
        Deque<Fault> forPath = byPath.computeIfAbsent(path, p -> new ArrayDeque<>());
        for (Fault fault : faults) {
            forPath.addLast(fault);
        }
        return this;
    }

    /** Forgets every fault not yet played. */
    public synchronized void clear() {
        queue.clear();
        byNumber.clear();
        byPath.clear();
    }

    /** How many faults are still to be played. */
    public synchronized int pending() {
        int count = queue.size() + byNumber.size();
        for (Deque<Fault> forPath : byPath.values()) {
            count += forPath.size();
        }
        return count;
    }

    /** The fault for this request, or {@code null}. */
    synchronized Fault take(int requestNumber, String path) {
        Fault numbered = byNumber.remove(requestNumber);
        if (numbered != null) {
            return numbered;
        }
        Deque<Fault> forPath = byPath.get(path);
        if (forPath != null && !forPath.isEmpty()) {
            return forPath.pollFirst();
        }
        return queue.pollFirst();
    }
}
