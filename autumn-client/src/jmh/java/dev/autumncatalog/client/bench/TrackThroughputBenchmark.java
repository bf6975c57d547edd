package dev.autumncatalog.client.bench;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.client.TrackResult;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tracks per second through one shared client (one instance per application, as documented) from 1, 4 and 16 threads,
 * against the local endpoint of {@link LocalAutumn}. The server runs on the same machine, so it competes for the same
 * cores: read the figures as the client's ceiling on this box, not Autumn's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class TrackThroughputBenchmark {
    private static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");

    private LocalAutumn local;
    private AutumnClient autumn;

    @Setup(Level.Trial)
    public void start() throws IOException {
        local = new LocalAutumn();
        autumn = AutumnClient.builder()
                .secretKey(ClientOverheadBenchmark.KEY)
                .baseUrl(local.base())
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        local.close();
    }

    @Benchmark
    @Threads(1)
    public TrackResult tracks1Thread() {
        return autumn.track("c1", API_CALLS, 1);
    }

    @Benchmark
    @Threads(4)
    public TrackResult tracks4Threads() {
        return autumn.track("c1", API_CALLS, 1);
    }

    @Benchmark
    @Threads(16)
    public TrackResult tracks16Threads() {
        return autumn.track("c1", API_CALLS, 1);
    }
}
