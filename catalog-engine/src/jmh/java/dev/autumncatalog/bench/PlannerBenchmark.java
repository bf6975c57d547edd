package dev.autumncatalog.bench;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.Planner;
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
 * {@link Planner} on a large catalog (500 features, 2,000 or 5,000 products of 10 items) against an Autumn holding the same
 * catalog ({@code equal}: the plan is empty) and against one where 10 % differs ({@code changed10pct}: 50 features
 * renamed, 100 products renamed, 100 repriced). The remote snapshots are built from separately constructed catalogs, as
 * the client's mapping gives distinct but equal objects, so no comparison is decided by identity.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PlannerBenchmark {
    /** 2,000 products as since issue 7; 5,000 for issue 16's larger catalogs. */
    @Param({"2000", "5000"})
    public int products;

    private final Planner planner = new Planner();
    private final PlanOptions options = PlanOptions.defaults("benchmark", false);
    private Catalog catalog;
    private RemoteCatalog equalRemote;
    private RemoteCatalog changedRemote;

    @Setup
    public void setUp() {
        int features = CatalogBenchmark.FEATURES;
        catalog = SyntheticCatalog.requireValid(SyntheticCatalog.of(features, products));
        equalRemote = SyntheticCatalog.remote(SyntheticCatalog.of(features, products));
        changedRemote =
                SyntheticCatalog.remote(SyntheticCatalog.requireValid(SyntheticCatalog.changed(features, products)));
        int equalChanges = planner.plan(catalog, equalRemote, options).changes().size();
        int changed = planner.plan(catalog, changedRemote, options).changes().size();
        int expected = SyntheticCatalog.changes(features, products).total();
        if (equalChanges != 0 || changed != expected) {
            throw new IllegalStateException(
                    "expected 0 and " + expected + " changes, planned " + equalChanges + " and " + changed);
        }
    }

    @Benchmark
    public Plan equal() {
        return planner.plan(catalog, equalRemote, options);
    }

    @Benchmark
    public Plan changed10pct() {
        return planner.plan(catalog, changedRemote, options);
    }
}
