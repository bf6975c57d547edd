package dev.autumncatalog.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.plan.PlanSamples;
import dev.autumncatalog.engine.push.PushResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the summary of a push survives its failure, with what was applied, what failed and what was not sent. */
class RunSummaryTest {
    @TempDir
    Path work;

    @Test
    void write_pushStoppedPartWay_listsAppliedFailedAndNotStarted() throws Exception {
        var plan = PlanSamples.sample();
        var changes = plan.changes();
        PushResult result = new PushResult(
                List.of(changes.get(0)),
                List.of(new PushResult.Failure(changes.get(1), "update plan 'x'", new IllegalStateException("boom"))),
                List.of(changes.get(2)));
        Path file = work.resolve("deep/autumn/summary.json");

        RunSummary.of("push", Outcome.PUSH_FAILED)
                .target("Autumn sandbox")
                .message("Push stopped")
                .elapsed(Duration.ofMillis(1234))
                .plan(plan)
                .result(result)
                .write(file);

        String json = Files.readString(file);
        assertThat(json)
                .startsWith("{\n  \"format\" : 1,\n  \"operation\" : \"push\",\n  \"outcome\" : \"push-failed\",\n"
                        + "  \"success\" : false,\n  \"target\" : \"Autumn sandbox\",\n  \"message\" : \"Push stopped\",\n"
                        + "  \"elapsedMillis\" : 1234,")
                .contains("\"applied\" : [ {\n      \"action\" : \""
                        + changes.get(0).action().word() + "\"")
                .contains("\"id\" : \"" + changes.get(1).id() + "\",\n      \"status\" : 0,")
                .contains("\"notStarted\" : [ {\n      \"action\" : \""
                        + changes.get(2).action().word() + "\"");
    }

    @Test
    void render_success_hasNoMessageAndNoPush() {
        String json = RunSummary.of("check", Outcome.IN_SYNC).render();
        assertThat(json)
                .isEqualTo("{\n  \"format\" : 1,\n  \"operation\" : \"check\",\n  \"outcome\" : \"in-sync\",\n"
                        + "  \"success\" : true,\n  \"target\" : null,\n  \"message\" : null\n}\n");
    }
}
