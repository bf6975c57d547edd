package dev.autumncatalog.engine.reliability;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.sandbox.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fault matrix's figures, written as Markdown to {@code target/reliability/fault-matrix.md}. */
final class Matrix {
    static final Path FILE = Path.of("target", "reliability", "fault-matrix.md");

    private final List<FaultMatrixTest.Row> rows = new ArrayList<>();
    private List<RecordedRequest> clean = List.of();

    synchronized void cleanRun(List<RecordedRequest> requests) {
        clean = List.copyOf(requests);
    }

    synchronized void add(FaultMatrixTest.Row row) {
        rows.add(row);
    }

    synchronized void write(Duration took, int texts) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Fault matrix")
                .append(FaultMatrixTest.THOROUGH ? " (thorough)" : " (default build)")
                .append(": ")
                .append(clean.size())
                .append(" requests in the clean run, ")
                .append(rows.size())
                .append(" cases in ")
                .append(String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0))
                .append(" s; ")
                .append(texts)
                .append(" texts checked for the key.\n\n");
        md.append("Clean run (one change at a time):\n\n");
        for (RecordedRequest request : clean) {
            md.append("    ")
                    .append(request.number())
                    .append(". ")
                    .append(request.line())
                    .append(entity(request))
                    .append('\n');
        }
        for (FaultMatrixTest.CaseSet set : FaultMatrixTest.CaseSet.values()) {
            List<FaultMatrixTest.Row> ofSet = new ArrayList<>();
            rows.stream().filter(row -> row.set() == set).forEach(ofSet::add);
            if (!ofSet.isEmpty()) {
                md.append('\n').append(set.title).append(":\n\n");
                table(md, ofSet);
            }
        }
        md.append("\nHow failures read (the first planning and the first push failure of each fault and set):\n\n");
        Map<String, String> examples = new LinkedHashMap<>();
        for (FaultMatrixTest.Row row : rows) {
            if (!row.succeeded()) {
                String key = row.set() + " " + row.kind() + " " + (row.failure() instanceof PushFailedException);
                examples.putIfAbsent(
                        key,
                        "- " + row.set() + ", " + row.kind() + " from request " + row.position() + ": "
                                + abbreviate(firstFailure(row.failure())
                                        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")));
            }
        }
        examples.values().forEach(line -> md.append(line).append('\n'));
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md.substring(0, md.indexOf("\n")) + " Figures: " + FILE.toAbsolutePath());
    }

    private static String entity(RecordedRequest request) {
        if (!SandboxState.isWrite(request) && !request.path().endsWith("has_customers")) {
            return "";
        }
        String id = SandboxState.entityId(request);
        return id == null ? "" : " (" + id + ")";
    }

    private static void table(StringBuilder md, List<FaultMatrixTest.Row> rows) {
        md.append("| fault | injected | succeeded first time | failed, then converged | duplicates | lost |"
                + " by request k: S succeeded, F failed then converged, . not run |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        int[] total = new int[5];
        for (FaultKind kind : FaultKind.values()) {
            int[] counts = new int[5];
            Map<Integer, Character> cells = new LinkedHashMap<>();
            int last = 0;
            for (FaultMatrixTest.Row row : rows) {
                if (row.kind() != kind) {
                    continue;
                }
                counts[0]++;
                counts[1] += row.succeeded() ? 1 : 0;
                counts[2] += !row.succeeded() && row.converged() ? 1 : 0;
                counts[3] += row.duplicates();
                counts[4] += row.lost();
                cells.put(row.position(), row.succeeded() ? 'S' : row.converged() ? 'F' : 'X');
                last = Math.max(last, row.position());
            }
            if (counts[0] == 0) {
                continue;
            }
            StringBuilder grid = new StringBuilder();
            for (int k = 1; k <= last; k++) {
                grid.append(cells.getOrDefault(k, '.'));
            }
            md.append("| ").append(kind.label());
            for (int i = 0; i < 5; i++) {
                md.append(" | ").append(counts[i]);
                total[i] += counts[i];
            }
            md.append(" | `").append(grid).append("` |\n");
        }
        md.append("| **all**");
        for (int count : total) {
            md.append(" | ").append(count);
        }
        md.append(" | |\n");
    }

    private static String abbreviate(String text) {
        return text.length() <= 240 ? text : text.substring(0, 200) + " … " + text.substring(text.length() - 37);
    }

    private static String firstFailure(RuntimeException failure) {
        if (failure instanceof PushFailedException) {
            PushResult.Failure first =
                    ((PushFailedException) failure).result().failures().get(0);
            return first.toString();
        }
        if (failure instanceof AutumnApiException) {
            return "planning: " + failure.getMessage();
        }
        return String.valueOf(failure);
    }
}
