package dev.autumncatalog.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/PLAN-FORMAT.md shows the golden plans verbatim, so the documented format is the tested one. */
class PlanFormatDocTest {
    private static final Path DOC = Path.of("../docs/PLAN-FORMAT.md");

    @Test
    void doc_showsTheGoldenPlansVerbatim() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        for (String golden : new String[] {"sample.txt", "blocked.txt"}) {
            String text = Files.readString(PlanRendererTest.GOLDEN.resolve(golden), StandardCharsets.UTF_8);
            assertThat(doc).as("docs/PLAN-FORMAT.md shows %s", golden).contains("```text\n" + text + "```\n");
        }
        String json = Files.readString(PlanRendererTest.GOLDEN.resolve("sample.json"), StandardCharsets.UTF_8);
        String head = json.substring(0, json.indexOf("  \"changes\""));
        assertThat(doc).as("docs/PLAN-FORMAT.md shows the head of sample.json").contains(head);
    }
}
