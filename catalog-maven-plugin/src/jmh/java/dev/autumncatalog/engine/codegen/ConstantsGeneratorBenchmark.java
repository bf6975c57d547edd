package dev.autumncatalog.engine.codegen;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.dsl.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generation time for a large catalog (500 features, 2,000 products): building the specs and rendering every file to
 * text, as autumn:generate does before comparing bytes. {@code warm} is the steady state; {@code cold} is one
 * generation in a fresh JVM, which is what a Maven build sees. Run: {@code ./mvnw -B -Pbench -pl catalog-maven-plugin
 * -am test -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ConstantsGeneratorBenchmark {
    private Catalog catalog;
    private ConstantsGenerator generator;

    @Setup
    public void setUp() {
        catalog = LargeCatalog.of(500, 2_000);
        generator = new ConstantsGenerator("com.example.billing.autumn", "com.example.Pricing");
    }

    @Benchmark
    public long warm() {
        return generateAndRender();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public long cold() {
        return generateAndRender();
    }

    private long generateAndRender() {
        long bytes = 0;
        for (JavaFile file : generator.generate(catalog)) {
            bytes += GeneratedSources.bytes(file).length;
        }
        return bytes;
    }
}
