package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.autumn.WireMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real catalogs, as Autumn listed them in the recordings under {@code src/test/resources/autumn-api}, mapped by the
 * client's {@link WireMapper} and pulled: the whole file is compared with a golden file, compiled, and {@code define()}
 * must give back every feature and plan the mapper could express.
 */
class RecordedPullTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} #{1}/#{2}")
    @CsvSource({
        // atmn 1.x pulls the "rich" catalog it pushed in 12-atmn1-push-rich.
        "13-atmn1-pull, 1, 2, atmn-rich",
        // The final state of the direct RPC run: every item shape the client sends.
        "20-rpc-catalog, 69, 70, rpc-catalog",
        // The error run: what the server accepted although it should not, archived entities, a broken id.
        "40-errors-2x, 76, 85, errors"
    })
    void recordedCatalog_pulledSourceMatchesGoldenFileAndDefinesWhatWasExpressible(
            String recording, int featuresSeq, int plansSeq, String golden) throws IOException {
        RemoteCatalog remote = remote(recording, featuresSeq, plansSeq);

        PulledSource source = CatalogSourceWriter.write(
                remote, PullOptions.of("com.example.pricing").includeArchived(true));

        Golden.assertMatches(
                "recorded/" + golden + ".java", source.files().get(0).toString());
        Catalog pulled = PulledSourceCompiler.define(source, work);
        // Values Autumn holds that a protective rule refuses are pulled and marked: validate reports just those.
        PullMarkers.assertValidateReportsExactlyTheMarkers(source.files().get(0).toString(), pulled, recording);
        for (RemoteFeature feature : remote.features()) {
            if (feature.model() != null) {
                assertThat(pulled.features()).as("feature %s", feature.id()).contains(feature.model());
            }
        }
        List<Product> expressible = new ArrayList<>();
        for (RemotePlan plan : remote.plans()) {
            if (plan.model() != null && expressible.stream().noneMatch(p -> p.id().equals(plan.id()))) {
                expressible.add(plan.model());
            }
        }
        assertThat(pulled.products()).containsExactlyElementsOf(expressible);
        int unsupported = 0;
        for (RemoteFeature feature : remote.features()) {
            unsupported += feature.model() == null ? 1 : feature.unsupported().size();
        }
        for (RemotePlan plan : remote.plans()) {
            unsupported += plan.model() == null ? 1 : plan.unsupported().size();
        }
        assertThat(source.notes().size())
                .as("a note at least per unsupported entity or line")
                .isGreaterThanOrEqualTo(unsupported);
    }

    /** The catalog of the recorded {@code features.list} and {@code plans.list} answers, as the client maps them. */
    static RemoteCatalog remote(String recording, int featuresSeq, int plansSeq) throws IOException {
        List<RemoteFeature> features = WireMapper.features(answer(recording, featuresSeq, "/v1/features.list"));
        Map<String, Feature> lookup = WireMapper.remoteLookup(features);
        List<RemotePlan> plans = new ArrayList<>();
        for (JsonNode plan : answer(recording, plansSeq, "/v1/plans.list").get("list")) {
            plans.add(WireMapper.plan(plan, lookup));
        }
        return new RemoteCatalog(features, plans);
    }

    private static JsonNode answer(String recording, int seq, String path) throws IOException {
        String resource = "/autumn-api/exchanges-2x/" + recording + ".jsonl";
        try (InputStream in = RecordedPullTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode exchange = JSON.readTree(line);
                if (exchange.get("seq").asInt() == seq) {
                    assertThat(exchange.get("path").asText()).isEqualTo(path);
                    assertThat(exchange.get("status").asInt()).isEqualTo(200);
                    return exchange.get("response_body");
                }
            }
        }
        throw new AssertionError("no exchange #" + seq + " in " + resource);
    }
}
