package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.RecordingReplay.Allowed.allowed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.sandbox.RecordingReplay.Allowed;
import dev.autumncatalog.sandbox.RecordingReplay.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Replays the real Autumn 2.3.0 catalog recordings ({@code 20}–{@code 40} in {@code
 * src/test/resources/autumn-api/exchanges-2x}, copied from the shared contract folder) against a fresh sandbox and
 * compares every answer, and every recorded follow-up read ({@code check}), with what the real server said, after
 * {@link RecordingReplay}'s normalising. Since the sandbox serves customers, the customer lines of 30 are compared
 * too. The run-time recording ({@code 50-balances}) has its own test, {@link BalancesConformanceTest}.
 *
 * <p>Lines where the sandbox intentionally answers differently are listed in {@link #ALLOWED} with the reason; an
 * entry that starts matching fails the test, so the list cannot rot. The report goes to {@code
 * target/sandbox-conformance.txt}.
 */
class RecordingConformanceTest {
    private static final String NOT_SERVED =
            "route not implemented by the sandbox (answers 501 sandbox_not_implemented)";
    private static final String OLD_VERSION =
            "older API version shape (1.2.0/2.0.0) not modelled; the sandbox answers 400 sandbox_unsupported_api_version";

    /** Keyed {@code file#seq}; each entry must differ from the recording, then runs its substitute. */
    private static final Map<String, Allowed> ALLOWED = new TreeMap<>(Map.ofEntries(
            // 21: reads under older API versions.
            Map.entry("21#5", allowed(OLD_VERSION + " (GET /v1/products/pro with 1.2.0)")),
            Map.entry("21#35", allowed(OLD_VERSION + " (plans.list with 2.0.0)")),
            Map.entry("21#36", allowed(OLD_VERSION + " (plans.list with 1.2.0)")),
            // 30: attach of a free plan works in the sandbox (the recording server had no Stripe and refused it).
            Map.entry(
                    "30#12",
                    Allowed.notSent("the sandbox attaches free plans without Stripe (the recording server refused"
                            + " every attach for want of Stripe); sending it would move cus_1 to starter, and the"
                            + " later recorded reads of cus_1 show it on free")),
            Map.entry("30#14", allowed(NOT_SERVED + ": legacy POST /v1/attach (product_id); use billing.attach")),
            Map.entry("30#21", allowed(NOT_SERVED + ": catalog.preview_update (atmn's batch API)")),
            Map.entry(
                    "30#46",
                    allowed(
                            NOT_SERVED + ": catalog.update; substitute: the same plan through plans.update",
                            RecordingConformanceTest::planUpdatesFromCatalogBody)),
            Map.entry(
                    "30#47",
                    allowed(
                            NOT_SERVED + ": catalog.update with disable_version; substitute: plans.update",
                            RecordingConformanceTest::planUpdatesFromCatalogBody)),
            Map.entry("30#49", allowed(NOT_SERVED + ": catalog.preview_update")),
            Map.entry(
                    "30#50",
                    allowed(
                            NOT_SERVED + ": catalog.update (unchanged body); substitute: plans.update",
                            RecordingConformanceTest::planUpdatesFromCatalogBody)),
            // 40
            Map.entry("40#81", allowed(OLD_VERSION + " (GET /v1/products with 1.2.0)")),
            Map.entry("40#82", allowed(NOT_SERVED + ": catalog.preview_update"))));

    /** Sends every plan of a {@code catalog.update} body through {@code plans.update}, as the server upserts them. */
    private static void planUpdatesFromCatalogBody(RecordingReplay.Unit unit) {
        for (JsonNode plan : unit.line.path("request_body").path("plans")) {
            SandboxHttp.Answer answer = unit.http.post("/v1/plans.update", plan.toString());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void recordings_replayedAgainstSandbox_matchAfterMasking() throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        List<JsonNode> rpc = RecordingReplay.lines("20-rpc-catalog.jsonl", true);
        List<JsonNode> rest = RecordingReplay.lines("21-rest-2x.jsonl", true);
        try (RecordingReplay.Unit unit = new RecordingReplay.Unit(rpc)) {
            RecordingReplay.replay(unit, rpc, "20", ALLOWED, outcomes);
            RecordingReplay.replay(unit, rest, "21", ALLOWED, outcomes); // recorded on the state 20 left behind
        }
        for (String file : List.of("30-versioning.jsonl", "40-errors-2x.jsonl")) {
            List<JsonNode> lines = RecordingReplay.lines(file, true);
            try (RecordingReplay.Unit unit = new RecordingReplay.Unit(lines)) {
                RecordingReplay.replay(unit, lines, file.substring(0, 2), ALLOWED, outcomes);
            }
        }
        RecordingReplay.Verdict verdict = RecordingReplay.judge(outcomes, ALLOWED, "sandbox-conformance.txt");

        assertThat(verdict.unexpected())
                .as("exchanges where the sandbox differs from the real server")
                .isEmpty();
        assertThat(verdict.staleAllowances())
                .as("allow-listed lines that now match (remove them from ALLOWED)")
                .isEmpty();
        assertThat(verdict.matched() + verdict.allowed()).isEqualTo(verdict.exchanges());
    }
}
