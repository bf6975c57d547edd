package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The client's overhead per check and per track, measured so that a busy machine does not hide it: each round runs
 * every variant once, one after the other, against the same local endpoint over the same HttpClient, and the
 * percentiles of each variant are compared. Each round starts at another variant, so none always runs after the same one. Load that comes and goes hits all variants alike (JMH runs benchmarks one
 * after the other, so on a shared machine their difference is mostly the load of the moment).
 *
 * <p>Variants: a raw {@code HttpClient.send} with a prebuilt request (the floor); a raw {@code sendAsync} + timed
 * {@code get} (the JDK hands the completion of {@code sendAsync} to the common pool: one more thread hop than {@code
 * send}); the client's transport alone (deadline, cancel, bounded body); the whole client call (request body, answer
 * read into records, policy). Run: {@code java -Dsun.net.httpserver.nodelay=true -cp <test class path>
 * dev.autumncatalog.client.InterleavedOverhead [rounds]}, or the bench profile.
 */
public final class InterleavedOverhead {
    private static final String KEY = "am_sk_test_BenchBenchBenchBenchBenchBenchBenchBe12";

    private InterleavedOverhead() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        byte[] checkAnswer = recorded("basics/check_initial", "response_body");
        byte[] trackAnswer = recorded("basics/track_30", "response_body");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/v1/balances.check", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, checkAnswer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(checkAnswer);
            }
        });
        server.createContext("/v1/balances.track", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, trackAnswer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(trackAnswer);
            }
        });
        server.start();
        try {
            run(rounds, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"));
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private static void run(int rounds, URI base) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AutumnClient autumn = AutumnClient.builder()
                .secretKey(KEY)
                .baseUrl(base)
                .httpClient(http)
                .build();
        Transport transport = new Transport(http, base, SecretKey.parse(KEY), ClientVersion.userAgent(), 4 << 20);
        MeteredFeature apiCalls = MeteredFeature.of("api_calls");
        byte[] checkBody = RequestBodies.check(CheckRequest.of("c1", apiCalls));
        byte[] trackBody = RequestBodies.track(TrackRequest.of("c1", apiCalls, 30));
        HttpRequest rawCheck = raw(base, "balances.check", checkBody);
        HttpRequest rawTrack = raw(base, "balances.track", trackBody);
        String[] names = {
            "check: raw send",
            "check: raw sendAsync + get",
            "check: client transport only",
            "check: client",
            "track: raw send",
            "track: client"
        };
        HttpResponse.BodyHandler<byte[]> bytes = HttpResponse.BodyHandlers.ofByteArray();
        Variant[] variants = {
            () -> http.send(rawCheck, bytes),
            () -> http.sendAsync(rawCheck, bytes).get(5, TimeUnit.SECONDS),
            () -> transport.post(
                    "balances.check",
                    checkBody,
                    null,
                    System.nanoTime() + 5_000_000_000L,
                    Duration.ofSeconds(5),
                    "bench"),
            () -> autumn.check("c1", apiCalls),
            () -> http.send(rawTrack, bytes),
            () -> autumn.track("c1", apiCalls, 30)
        };
        long[][] times = new long[names.length][rounds];
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up (JIT), the second is measured
            for (int i = 0; i < rounds; i++) {
                // Each round starts at another variant, so no variant always follows the same one.
                for (int k = 0; k < variants.length; k++) {
                    int v = (i + k) % variants.length;
                    long start = System.nanoTime();
                    variants[v].run();
                    times[v][i] = System.nanoTime() - start;
                }
            }
        }
        System.out.printf(
                "%d rounds, %d cores, load average %.1f%n",
                rounds,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        for (int v = 0; v < names.length; v++) {
            long[] sorted = times[v].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "%-30s p10 %7.1f us   median %7.1f us   p90 %7.1f us%n",
                    names[v], sorted[rounds / 10] / 1e3, sorted[rounds / 2] / 1e3, sorted[rounds * 9 / 10] / 1e3);
        }
    }

    /** One way of making the call. */
    private interface Variant {
        void run() throws Exception;
    }

    private static HttpRequest raw(URI base, String rpc, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/" + rpc))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + KEY)
                .header("X-API-Version", AutumnClient.API_VERSION)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", "bench-0000000000000000000000000000000")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static byte[] recorded(String name, String field) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = InterleavedOverhead.class.getResourceAsStream("/50-balances.jsonl")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode exchange = json.readTree(line);
                if (exchange.path("case").asText().equals(name)) {
                    return json.writeValueAsBytes(exchange.get(field));
                }
            }
        }
        throw new IllegalStateException("no recorded case " + name);
    }
}
