package dev.autumncatalog.maven;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Prints numbered progress lines in number order although they arrive in any order: a line waits until every line
 * before it was printed ({@code [1/11] [3/11] [4/11] [2/11]} came out as they finished). Thread-safe.
 */
final class InPlanOrder implements Consumer<String> {
    private final Consumer<String> out;
    private final Map<Integer, String> waiting = new TreeMap<>();
    private int next = 1;
    private int current;

    InPlanOrder(Consumer<String> out) {
        this.out = out;
    }

    /** The number of the line {@link #accept} receives next (from the same thread). */
    synchronized void next(int number) {
        current = number;
    }

    @Override
    public synchronized void accept(String line) {
        waiting.put(current, line);
        while (waiting.containsKey(next)) {
            out.accept(waiting.remove(next));
            next++;
        }
    }

    /** Prints whatever still waits (a change never reported must not hide the ones after it). */
    synchronized void flush() {
        waiting.values().forEach(out);
        waiting.clear();
    }
}
