package dev.autumncatalog.client.bench;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.CheckResult;
import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.client.TrackResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's own cost per check and per track: each client call against a raw JDK HttpClient call to the same local
 * endpoint, same headers, same request body, same HttpClient (so the same connection pool). The raw call sends and
 * receives bytes only; the difference is the client: writing the JSON body, the idempotency key, the deadline
 * machinery, reading the answer into records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class ClientOverheadBenchmark {
    static final String KEY = "am_sk_test_BenchBenchBenchBenchBenchBenchBenchBe12";
    static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");

    private LocalAutumn local;
    private HttpClient http;
    private AutumnClient autumn;
    private HttpRequest rawCheck;
    private HttpRequest rawTrack;

    @Setup(Level.Trial)
    public void start() throws IOException {
        local = new LocalAutumn();
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        autumn = AutumnClient.builder()
                .secretKey(KEY)
                .baseUrl(local.base())
                .httpClient(http)
                .build();
        rawCheck = raw("balances.check", local.checkRequest, null);
        rawTrack = raw("balances.track", local.trackRequest, "bench-idempotency-key-0000000000000");
    }

    private HttpRequest raw(String rpc, byte[] body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local.base() + "/" + rpc))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + KEY)
                .header("X-API-Version", AutumnClient.API_VERSION)
                .header("User-Agent", "raw")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        local.close();
    }

    @Benchmark
    public byte[] rawCheck() throws Exception {
        return http.send(rawCheck, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Benchmark
    public CheckResult clientCheck() {
        return autumn.check("c1", API_CALLS);
    }

    @Benchmark
    public byte[] rawTrack() throws Exception {
        return http.send(rawTrack, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Benchmark
    public TrackResult clientTrack() {
        return autumn.track("c1", API_CALLS, 30);
    }
}
