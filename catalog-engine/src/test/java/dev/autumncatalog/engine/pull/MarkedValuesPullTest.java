package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.autumn.WireMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13 item 3: where a rule that protects users refuses a value Autumn holds, pull still writes compiling Java,
 * with the value as Autumn holds it and the rule's message marked on its line, and {@code validate} of the pulled file
 * reports exactly that one problem, with its path and that line.
 */
class MarkedValuesPullTest {
    private static final String CALLS =
            "{\"id\": \"api_calls\", \"name\": \"API Calls\", \"type\": \"metered\", \"consumable\": true}";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative-base-price | products[neg].items[0] | price amount must be ≥ 0, was -5 | \
              | {"id": "neg", "name": "Neg", "price": {"amount": -5, "interval": "month"}}
            negative-usage-price | products[neg].items[0] | usage price amount must be > 0, was -0.01 | \
              | {"id": "neg", "name": "Neg", "items": [{"feature_id": "api_calls", "price": {"amount": -0.01, \
                 "interval": "month", "billing_method": "usage_based"}}]}
            negative-tier | products[neg].items[0].tiers[0] | tier amount must be ≥ 0, was -1 | \
              | {"id": "neg", "name": "Neg", "items": [{"feature_id": "api_calls", "price": {"tiers": \
                 [{"to": 100, "amount": -1}, {"to": "inf", "amount": 0.5}], "interval": "month", \
                 "billing_method": "usage_based"}}]}
            negative-credit-cost | features[credits].creditSchema[0] | credit cost of feature 'api_calls' must be ≥ 0, was -1 \
              | {"id": "credits", "name": "Credits", "type": "credit_system", "credit_schema": \
                 [{"metered_feature_id": "api_calls", "credit_cost": -1}]} |
            feature-id | features[bad id!] \
              | feature id must contain only letters, digits, '_' and '-', was 'bad id!'; for example 'bad_id' \
              | {"id": "bad id!", "name": "Bad", "type": "boolean"} |
            empty-event-name | features[tokens] | feature 'tokens' event name 1 is empty; remove it \
              | {"id": "tokens", "name": "Tokens", "type": "metered", "consumable": true, "event_names": [""]} |
            """)
    void valueAProtectiveRuleRefuses_pulledAsHeldMarkedAndValidatedToThatOneProblem(
            String name, String path, String message, String feature, String plan) {
        String features = "{\"list\": [" + CALLS + (feature == null ? "" : ", " + feature) + "]}";
        List<RemoteFeature> remoteFeatures = WireMapper.features(parse(features));
        List<RemotePlan> plans = new ArrayList<>();
        if (plan != null) {
            JsonNode planNode = parse(plan);
            plans.add(WireMapper.plan(planNode, WireMapper.remoteLookup(remoteFeatures)));
        }
        RemoteCatalog remote = new RemoteCatalog(remoteFeatures, plans);

        PulledSource source = CatalogSourceWriter.write(remote, PullOptions.of("com.example.pricing"));

        String text = source.files().get(0).toString();
        Golden.assertMatches("marked/" + name + ".java", text);
        Catalog pulled = PulledSourceCompiler.define(source, work);
        List<Problem> problems = pulled.validate();
        assertThat(problems)
                .extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(path, message));
        // at its line, which says the same and that Autumn holds it
        String line = text.split("\n", -1)[problems.get(0).source().line() - 1];
        assertThat(line).contains("/* autumn:pull: " + message + " — Autumn holds this; fix it here or in Autumn */");
        PullMarkers.assertValidateReportsExactlyTheMarkers(text, pulled, name);
        // and the log says it too
        assertThat(source.notes())
                .anySatisfy(
                        note -> assertThat(note).contains(path + ": " + message).contains("marked in the file"));
    }

    @org.junit.jupiter.api.Test
    void marker_remoteTextCannotEndTheCommentOrTheLine() {
        // "*/" would end the block comment, "\\u000a" is a line break to javac even in a comment, a raw line break
        // would leave the rest of the message outside the comment.
        assertThat(Expr.marker("id 'a*/b\\u000a\nc' refused"))
                .isEqualTo("autumn:pull: id 'a* /b\\\\u000a<U+000A>c' refused");
    }

    private static JsonNode parse(String json) {
        try {
            return WireMapper.objectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
