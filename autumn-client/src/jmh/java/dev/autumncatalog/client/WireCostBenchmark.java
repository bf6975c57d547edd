package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's own CPU work per call, without the network: writing the request body, reading the recorded answer into
 * records, making an idempotency key. On a loaded machine the network benchmarks ({@code ClientOverheadBenchmark}) are
 * too noisy to resolve a difference of a few microseconds; this is the part of that difference the client controls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireCostBenchmark {
    private static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");
    private static final byte[] CHECK_ANSWER = recorded("basics/check_initial");
    private static final byte[] TRACK_ANSWER = recorded("basics/track_30");

    @Benchmark
    public byte[] checkRequestBody() {
        return RequestBodies.check(CheckRequest.of("c1", API_CALLS));
    }

    @Benchmark
    public CheckResult checkAnswer() throws IOException {
        return Answers.check(Json.read(CHECK_ANSWER));
    }

    @Benchmark
    public byte[] trackRequestBody() {
        return RequestBodies.track(TrackRequest.of("c1", API_CALLS, 30));
    }

    @Benchmark
    public TrackResult trackAnswer() throws IOException {
        return Answers.track(Json.read(TRACK_ANSWER), TrackOutcome.COUNTED, "k");
    }

    @Benchmark
    public String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    private static byte[] recorded(String name) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = WireCostBenchmark.class.getResourceAsStream("/50-balances.jsonl")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode exchange = json.readTree(line);
                if (exchange.path("case").asText().equals(name)) {
                    return json.writeValueAsBytes(exchange.get("response_body"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no recorded case " + name);
    }
}
