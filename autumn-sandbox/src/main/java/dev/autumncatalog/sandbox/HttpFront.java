package dev.autumncatalog.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP side: the JDK server on 127.0.0.1, the request log, the fixed latency, the faults played around a request,
 * and the {@value AutumnSandbox#SANDBOX_HEADER} header on every answer. What a request means is {@code answer}'s job.
 */
final class HttpFront {
    private static final System.Logger LOG = System.getLogger(AutumnSandbox.class.getName());

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY every answer waits ~40 ms
        // for a delayed ACK. The property is read once, when the JDK server's config class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<Router.Request, Router.Response> answer;
    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile Duration latency;

    HttpFront(int port, int threads, Duration latency, Function<Router.Request, Router.Response> answer)
            throws IOException {
        this.answer = answer;
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "autumn-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    FaultPlan faults() {
        return faults;
    }

    void latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Local Autumn sandbox (a test double) failed to answer a request", e);
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String query = Objects.toString(exchange.getRequestURI().getRawQuery(), "");
        Headers headers = exchange.getRequestHeaders();
        RecordedRequest recorded;
        synchronized (requests) {
            recorded = new RecordedRequest(
                    requests.size() + 1,
                    method,
                    exchange.getRequestURI().getPath(),
                    query,
                    headers.getFirst("X-API-Version"),
                    headers.getFirst("Idempotency-Key"),
                    body);
            requests.add(recorded);
        }
        LOG.log(Level.DEBUG, "Local Autumn sandbox (test double) request {0}: {1}", recorded.number(), recorded.line());
        Duration delay = latency;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        Fault fault = faults.take(recorded.number(), recorded.path());
        if (fault instanceof Fault.Delay) {
            Thread.sleep(((Fault.Delay) fault).duration().toMillis());
            fault = null;
        }
        if (fault instanceof Fault.Respond) {
            Fault.Respond respond = (Fault.Respond) fault;
            send(
                    exchange,
                    new Router.Response(respond.status(), respond.contentType(), respond.body(), respond.headers()));
            return;
        }
        if (fault instanceof Fault.Reset && !((Fault.Reset) fault).afterProcessing()) {
            exchange.close(); // no response headers sent: the JDK server drops the connection
            return;
        }
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Router.Response response = answer.apply(new Router.Request(method, rawPath, query, lowerCase, body));
        if (fault instanceof Fault.Reset) {
            exchange.close();
            return;
        }
        if (fault instanceof Fault.Truncate) {
            String cut = response.body().substring(0, response.body().length() / 2);
            response = new Router.Response(response.status(), response.contentType(), cut, response.headers());
        }
        send(exchange, response);
    }

    private static void send(HttpExchange exchange, Router.Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set(AutumnSandbox.SANDBOX_HEADER, AutumnSandbox.SANDBOX_HEADER_VALUE);
        response.headers().forEach(headers::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
