package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law of pull: a valid catalog as Autumn would hold it → pulled source → javac → {@code define()} is the same
 * catalog, items in the same order, whatever the names, archived flags and unsupported notes.
 */
class PullRoundTripPropertyTest {
    /**
     * Each try compiles a batch of catalogs in one javac run, since compiling is what costs: {@value #TRIES} tries of
     * {@code jqwik.tries.default / TRIES} catalogs each, so 1,000 catalogs in the default build and 10,000 with {@code
     * -Pthorough}.
     */
    private static final int TRIES = 100;

    /** One catalog and the remote snapshot holding it. */
    record Case(Catalog catalog, RemoteCatalog remote) {}

    @Property(tries = TRIES)
    void pulledSource_compilesAndDefinesTheSameCatalog(@ForAll("batches") List<Case> cases) {
        Path work = temporaryDirectory();
        try {
            Map<String, String> sources = new LinkedHashMap<>();
            List<PulledSource> pulled = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                PulledSource source = CatalogSourceWriter.write(
                        cases.get(i).remote(), new PullOptions("roundtrip", "Pulled" + i, true));
                pulled.add(source);
                sources.putAll(PulledSourceCompiler.sources(source));
            }
            ClassLoader loader = PulledSourceCompiler.compile(sources, work);
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                PulledSource source = pulled.get(i);
                assertThat(PulledSourceCompiler.define(loader, "roundtrip.Pulled" + i))
                        .as("catalog %d, pulled as:%n%s", i, source.files().get(0))
                        .isEqualTo(c.catalog());
                assertThat(source.notes())
                        .as("every unsupported line is a note")
                        .hasSize(unsupportedLines(c.remote()));
            }
        } finally {
            delete(work);
        }
    }

    @Provide
    Arbitrary<List<Case>> batches() {
        int batch = Math.max(1, Integer.getInteger("jqwik.tries.default", 1000) / TRIES);
        return PulledCatalogs.catalogs()
                .flatMap(catalog ->
                        Arbitraries.longs().map(seed -> new Case(catalog, remote(catalog, new Random(seed)))))
                .list()
                .ofSize(batch);
    }

    /** The catalog as Autumn holds it: some entities archived, some with lines the DSL cannot express. */
    private static RemoteCatalog remote(Catalog catalog, Random random) {
        List<RemoteFeature> features = new ArrayList<>();
        for (Feature feature : catalog.features()) {
            features.add(new RemoteFeature(feature.id(), feature, random.nextInt(4) == 0, unsupported(random)));
        }
        List<RemotePlan> plans = new ArrayList<>();
        for (Product product : catalog.products()) {
            plans.add(new RemotePlan(
                    product.id(), product, random.nextInt(4) == 0, 1 + random.nextInt(3), unsupported(random)));
        }
        return new RemoteCatalog(features, plans);
    }

    private static List<String> unsupported(Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = random.nextInt(5) - 2; i > 0; i--) {
            lines.add(PulledCatalogs.text(random));
        }
        return lines;
    }

    private static int unsupportedLines(RemoteCatalog remote) {
        int lines = 0;
        for (RemoteFeature feature : remote.features()) {
            lines += feature.unsupported().size();
        }
        for (RemotePlan plan : remote.plans()) {
            lines += plan.unsupported().size();
        }
        return lines;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pull-roundtrip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
