package dev.autumncatalog.engine.autumn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * MockWebServer answers by route, for requests that go out at once (the two lists of a catalog fetch): answers queued
 * for a route go to that route in order; others come from one queue in arrival order, as {@code server.enqueue} would.
 * A request with nothing queued gets a 404 {@code not_scripted} at once instead of hanging until a timeout.
 */
final class Routes extends Dispatcher {
    private final Map<String, Deque<MockResponse>> byRoute = new HashMap<>();
    private final Deque<MockResponse> inOrder = new ArrayDeque<>();

    /** Queues an answer for requests to {@code route} ({@code /v1/plans.list}). */
    synchronized Routes on(String route, MockResponse response) {
        byRoute.computeIfAbsent(route, r -> new ArrayDeque<>()).add(response);
        return this;
    }

    /** Queues an answer for the next request to any route without answers of its own. */
    synchronized Routes next(MockResponse response) {
        inOrder.add(response);
        return this;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        Deque<MockResponse> queue = byRoute.get(request.getUrl().encodedPath());
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        if (!inOrder.isEmpty()) {
            return inOrder.poll();
        }
        return Responses.error(404, "not_scripted", "no answer scripted for " + request.getRequestLine());
    }
}
