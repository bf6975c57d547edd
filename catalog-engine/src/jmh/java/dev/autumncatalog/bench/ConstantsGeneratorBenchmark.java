package dev.autumncatalog.bench;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.codegen.ConstantsGenerator;
import dev.autumncatalog.engine.codegen.GeneratedSources;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generation time for a large catalog (500 features, 2,000 or 5,000 products of 10 items): building the specs and rendering
 * every file to text, as autumn:generate does before comparing bytes. {@code warm} is the steady state; {@code cold} is
 * one generation in a fresh JVM, which is what a Maven build sees. Run: {@code ./mvnw -B -Pbench -pl
 * catalog-engine -am test -DskipTests -Dbench.jmh=ConstantsGeneratorBenchmark -Dbench.push.skip=true}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ConstantsGeneratorBenchmark {
    /** 2,000 products as since issue 7; 5,000 for issue 16's larger catalogs. */
    @Param({"2000", "5000"})
    public int products;

    private Catalog catalog;
    private ConstantsGenerator generator;

    @Setup
    public void setUp() {
        catalog = SyntheticCatalog.requireValid(SyntheticCatalog.of(CatalogBenchmark.FEATURES, products));
        generator = new ConstantsGenerator("com.example.billing.autumn", "com.example.Pricing", "benchmark");
    }

    @Benchmark
    public long warm() {
        return generateAndRender();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 5,
            jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
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
