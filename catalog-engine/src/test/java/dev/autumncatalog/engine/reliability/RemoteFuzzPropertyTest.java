package dev.autumncatalog.engine.reliability;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.report.PlanJson;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Autumn's list answers for the seed of {@link PushScenario}, damaged at random places (a value set to null, to text,
 * to a negative or fractional number, to an empty object or list; a field removed; an unknown field added; an entity
 * replaced by a scalar), then planned against through the real client: the plan either comes out (and renders as text
 * and JSON) or fails with an {@link AutumnApiException}. Nothing else may escape.
 */
class RemoteFuzzPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static AutumnSandbox sandbox;
    private static AutumnHttpClient client;
    private static ObjectNode features;
    private static ObjectNode plans;
    private static final AtomicInteger planned = new AtomicInteger();
    private static final AtomicInteger refused = new AtomicInteger();

    @BeforeContainer
    static void start() {
        sandbox = AutumnSandbox.builder().secretKeys(Canary.KEY).start();
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .secretKey(Canary.KEY)
                .clock(new NoSleepClock())
                .maxRetries(0)
                .build());
        PushScenario.seed(sandbox, client);
        features = read("features.list", "{}");
        plans = read("plans.list", "{\"include_archived\":true,\"all_versions\":false}");
    }

    @AfterContainer
    static void stop() {
        client.close();
        sandbox.close();
        System.out.printf(
                "Damaged remote lists: %d planned, %d refused with AutumnApiException%n", planned.get(), refused.get());
    }

    @Property
    void damagedListAnswers_planOrFailWithAutumnsError(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int damages) {
        Random random = new Random(seed);
        ObjectNode featureList = features.deepCopy();
        ObjectNode planList = plans.deepCopy();
        for (int i = 0; i < damages; i++) {
            damage(random.nextBoolean() ? featureList : planList, random);
        }
        sandbox.faults().clear();
        sandbox.faults().nextOn("/v1/features.list", respond(featureList));
        sandbox.faults().nextOn("/v1/plans.list", respond(planList));

        try {
            Plan plan = new CatalogSync(client, MAVEN_LIKE).plan(PushScenario.TARGET, PushScenario.OPTIONS);
            assertThat(PlanRenderer.render(plan)).startsWith("Autumn plan for sandbox (sandbox)\n");
            assertThat(PlanJson.render(plan)).startsWith("{");
            planned.incrementAndGet();
        } catch (AutumnApiException e) {
            assertThat(e.getMessage()).startsWith(e.method() + " " + e.route());
            refused.incrementAndGet();
        }
    }

    /** One damage at a random node of {@code root}. */
    private static void damage(ObjectNode root, Random random) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        ContainerNode<?> container = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = replacement(random);
        if (container instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) container;
            if (array.isEmpty()) {
                array.add(replacement);
            } else {
                array.set(random.nextInt(array.size()), replacement);
            }
            return;
        }
        ObjectNode object = (ObjectNode) container;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || random.nextInt(8) == 0) {
            object.set("unknown_" + random.nextInt(100), replacement);
        } else if (random.nextInt(6) == 0) {
            object.remove(names.get(random.nextInt(names.size())));
        } else {
            object.set(names.get(random.nextInt(names.size())), replacement);
        }
    }

    private static JsonNode replacement(Random random) {
        switch (random.nextInt(9)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.textNode("x");
            case 2:
                return NODES.numberNode(-1);
            case 3:
                return NODES.numberNode(new java.math.BigDecimal("2.5"));
            case 4:
                return NODES.objectNode();
            case 5:
                return NODES.arrayNode();
            case 6:
                return NODES.booleanNode(random.nextBoolean());
            case 7:
                return NODES.numberNode(Long.MAX_VALUE);
            default:
                return NODES.textNode("inf");
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> containers) {
        if (node instanceof ContainerNode) {
            containers.add((ContainerNode<?>) node);
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collect(children.next(), containers);
            }
        }
    }

    private static Fault respond(ObjectNode body) {
        return new Fault.Respond(200, "application/json", body.toString(), Map.of());
    }

    private static ObjectNode read(String rpc, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/" + rpc))
                .header("Authorization", "Bearer " + Canary.KEY)
                .header("X-API-Version", "2.3.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return (ObjectNode) JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
