package dev.autumncatalog.bench;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Problem;
import java.util.List;
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
 * The DSL on a large catalog (500 features, 2,000 or 5,000 products of 10 items): building it through the DSL as a catalog
 * class does ({@code construct}, {@code Autumn.catalog(...)} included), validating it ({@code validate}: every local
 * and catalog-wide rule), and both, warm and in a fresh JVM ({@code cold}, what one Maven build sees).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CatalogBenchmark {
    /** Features in every size. */
    static final int FEATURES = 500;

    /** 2,000 products as since issue 7; 5,000 for issue 16's larger catalogs. */
    @Param({"2000", "5000"})
    public int products;

    private Catalog catalog;

    @Setup
    public void setUp() {
        catalog = SyntheticCatalog.requireValid(SyntheticCatalog.of(FEATURES, products));
    }

    @Benchmark
    public Catalog construct() {
        return SyntheticCatalog.of(FEATURES, products);
    }

    @Benchmark
    public List<Problem> validate() {
        return catalog.validate();
    }

    @Benchmark
    public List<Problem> constructAndValidate() {
        return SyntheticCatalog.of(FEATURES, products).validate();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 5,
            jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public List<Problem> constructAndValidateCold() {
        return SyntheticCatalog.of(FEATURES, products).validate();
    }
}
