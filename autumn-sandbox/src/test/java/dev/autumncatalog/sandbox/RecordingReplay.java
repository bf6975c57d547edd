package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Replays real Autumn recordings ({@code src/test/resources/autumn-api/exchanges-2x}) against a sandbox and compares
 * each answer, and each recorded follow-up read ({@code check}), with what the real server said, after normalising
 * what differs on every run:
 *
 * <ul>
 *   <li>timestamps ({@code *_at} fields) become hours since the unit's first recorded timestamp, so a monthly reset
 *       one calendar month after a subscription starts is compared, and milliseconds of request time are not. The
 *       sandbox's clock follows the recording: it starts at that first timestamp and moves to each {@code created_at}
 *       / {@code started_at} the real server answered with;
 *   <li>customer-product and balance ids ({@code cus_prod_…}, {@code cus_ent_…}) are numbered by first appearance, so
 *       the same balance must carry the same id from answer to answer; {@code ent_…}/{@code pr_…} item ids are masked;
 *   <li>{@code list} and plan {@code items} are compared as sets (the server's order is not stable); a {@code
 *       breakdown} or {@code deductions} list is compared in order;
 *   <li>URLs that do not point at 127.0.0.1 become {@code <external-url-redacted>}, as the recorder did.
 * </ul>
 *
 * Lines the sandbox intentionally answers differently are allow-listed by the caller with the reason; an allowance
 * that starts matching is reported as stale, so the list cannot rot.
 */
final class RecordingReplay {
    private static final String DIR = "/autumn-api/exchanges-2x/";
    private static final Pattern EXTERNAL_URL = Pattern.compile("https?://(?!127\\.0\\.0\\.1|localhost)[^\\s\"]+");
    private static final long HOUR = 3_600_000L;

    private RecordingReplay() {}

    /** A line the sandbox intentionally answers differently; {@code send == false} means it is not even sent. */
    record Allowed(String reason, Consumer<Unit> substitute, boolean send) {
        static Allowed allowed(String reason) {
            return new Allowed(reason, unit -> {}, true);
        }

        static Allowed allowed(String reason, Consumer<Unit> substitute) {
            return new Allowed(reason, substitute, true);
        }

        /** Not sent: sending it would change the state later recorded lines read. */
        static Allowed notSent(String reason) {
            return new Allowed(reason, unit -> {}, false);
        }
    }

    /** One compared exchange. */
    record Outcome(String key, String caseName, String kind, boolean matched, String detail) {}

    /** One replay unit: a fresh sandbox whose clock follows the recording, with its own id numbering. */
    static final class Unit implements AutoCloseable {
        final AutumnSandbox sandbox;
        final SandboxHttp http;
        final AtomicLong clock;
        final long t0;
        private final Map<String, String> recordedIds = new HashMap<>();
        private final Map<String, String> sandboxIds = new HashMap<>();
        JsonNode line;

        Unit(List<JsonNode> lines) {
            long first = 0;
            for (JsonNode line : lines) {
                first = first == 0 ? firstTimestamp(line.get("response_body")) : first;
            }
            this.t0 = first == 0 ? System.currentTimeMillis() : first;
            this.clock = new AtomicLong(t0);
            this.sandbox = AutumnSandbox.builder().clock(clock::get).start();
            this.http = new SandboxHttp(sandbox);
        }

        /** Moves the sandbox clock to at least {@code millis} (time never runs backwards). */
        void clockAtLeast(long millis) {
            clock.accumulateAndGet(millis, Math::max);
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    /**
     * Sends every line to {@code unit}'s sandbox and adds one outcome per exchange and per follow-up read.
     *
     * @param keyPrefix what goes before {@code #seq} in a line's key ({@code "30"}, {@code "basics"})
     */
    static void replay(
            Unit unit, List<JsonNode> lines, String keyPrefix, Map<String, Allowed> allowed, List<Outcome> outcomes) {
        for (JsonNode line : lines) {
            unit.line = line;
            String key = keyPrefix + "#" + line.path("seq").asInt();
            String caseName = line.path("case").asText("");
            Allowed allowance = allowed.get(key);
            if (allowance != null && !allowance.send()) {
                outcomes.add(new Outcome(key, caseName, "not-sent", false, "not sent"));
                followRecordedClock(unit, line.get("response_body"));
                continue;
            }
            SandboxHttp http = unit.http.header(
                    "X-API-Version",
                    line.path("request_headers").path("x-api-version").asText(null));
            String idempotencyKey =
                    line.path("request_headers").path("idempotency-key").asText(null);
            if (idempotencyKey != null) {
                http = http.header("Idempotency-Key", idempotencyKey);
            }
            String query = line.path("query").asText("");
            String path = line.path("path").asText() + (query.isEmpty() ? "" : "?" + query);
            SandboxHttp.Answer answer = http.send(line.path("method").asText(), path, body(line.get("request_body")));
            outcomes.add(compare(
                    unit, key, caseName, "exchange", line.path("status").asInt(), line.get("response_body"), answer));
            followRecordedClock(unit, line.get("response_body"));
            if (allowance != null) {
                allowance.substitute().accept(unit);
            }
            JsonNode check = line.get("check");
            if (check != null && !check.isNull()) {
                SandboxHttp.Answer checked = unit.http.send(
                        check.path("method").asText(), check.path("path").asText(), body(check.get("request_body")));
                outcomes.add(compare(
                        unit, key, caseName, "check", check.path("status").asInt(), check.get("body"), checked));
            }
        }
    }

    /** The sandbox's clock moves to the request times the real server reported. */
    private static void followRecordedClock(Unit unit, JsonNode body) {
        if (body == null) {
            return;
        }
        if (body.isObject()) {
            for (String field : List.of("created_at", "started_at")) {
                JsonNode value = body.get(field);
                if (value != null && value.isNumber()) {
                    unit.clockAtLeast(value.asLong());
                }
            }
        }
        body.forEach(child -> followRecordedClock(unit, child));
    }

    private static long firstTimestamp(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : iterable(node)) {
                if (isTimestamp(field.getKey(), field.getValue())) {
                    return field.getValue().asLong();
                }
            }
        }
        for (JsonNode child : node) {
            long found = firstTimestamp(child);
            if (found != 0) {
                return found;
            }
        }
        return 0;
    }

    private static boolean isTimestamp(String field, JsonNode value) {
        return field.endsWith("_at") && value.isNumber() && value.asLong() > 1_000_000_000_000L;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static String body(JsonNode recorded) {
        if (recorded == null || recorded.isNull()) {
            return null;
        }
        return recorded.isTextual() ? recorded.textValue() : recorded.toString();
    }

    private static Outcome compare(
            Unit unit,
            String key,
            String caseName,
            String kind,
            int status,
            JsonNode expected,
            SandboxHttp.Answer actual) {
        String want = status + " " + canonical(normalise(expected, unit, unit.recordedIds));
        JsonNode actualJson;
        try {
            actualJson = SandboxHttp.MAPPER.readTree(
                    EXTERNAL_URL.matcher(actual.body()).replaceAll("<external-url-redacted>"));
        } catch (IOException e) {
            actualJson = JsonNodeFactory.instance.textNode(actual.body());
        }
        String got = actual.status() + " " + canonical(normalise(actualJson, unit, unit.sandboxIds));
        return new Outcome(key, caseName, kind, want.equals(got), "  recorded: " + want + "\n  sandbox:  " + got);
    }

    private static JsonNode normalise(JsonNode node, Unit unit, Map<String, String> ids) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        JsonNode copy = node.deepCopy();
        return normaliseInPlace(copy, unit, ids);
    }

    private static JsonNode normaliseInPlace(JsonNode node, Unit unit, Map<String, String> ids) {
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.startsWith("cus_ent_") || text.startsWith("cus_prod_")) {
                return JsonNodeFactory.instance.textNode(ids.computeIfAbsent(
                        text, id -> id.substring(0, id.lastIndexOf('_') + 1) + (ids.size() + 1)));
            }
            return node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : new TreeMap<>(toMap(object)).keySet()) {
                JsonNode value = object.get(field);
                if (isTimestamp(field, value)) {
                    object.put(field, "T0+" + Math.floorDiv(value.asLong() - unit.t0, HOUR) + "h");
                } else if ((field.equals("entitlement_id") || field.equals("price_id")) && value.isTextual()) {
                    object.put(field, "<id>");
                } else {
                    object.set(field, normaliseInPlace(value, unit, ids));
                }
            }
            for (String unordered : List.of("list", "items")) {
                if (object.get(unordered) instanceof ArrayNode) {
                    ArrayNode array = (ArrayNode) object.get(unordered);
                    List<JsonNode> entries = new ArrayList<>();
                    array.forEach(entries::add);
                    entries.sort((a, b) -> canonical(a).compareTo(canonical(b)));
                    array.removeAll();
                    entries.forEach(array::add);
                }
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normaliseInPlace(array.get(i), unit, ids));
            }
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(ObjectNode object) {
        Map<String, JsonNode> map = new HashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** JSON text with sorted keys and numbers compared by value ({@code 10} equals {@code 10.0}). */
    static String canonical(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
        }
        if (node.isObject()) {
            TreeMap<String, String> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            StringBuilder text = new StringBuilder("{");
            sorted.forEach((k, v) -> text.append(text.length() > 1 ? "," : "")
                    .append('"')
                    .append(k)
                    .append("\":")
                    .append(v));
            return text.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder("[");
            node.forEach(e -> text.append(text.length() > 1 ? "," : "").append(canonical(e)));
            return text.append(']').toString();
        }
        return node.toString();
    }

    /** The recording's lines, in {@code seq} order when {@code sort}. */
    static List<JsonNode> lines(String file, boolean sort) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = RecordingReplay.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as("recording " + file).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                if (!text.isBlank()) {
                    lines.add(SandboxHttp.MAPPER.readTree(text));
                }
            }
        }
        if (sort) {
            lines.sort((a, b) ->
                    Integer.compare(a.path("seq").asInt(), b.path("seq").asInt()));
        }
        return lines;
    }

    /** The verdict over all outcomes, with the report written to {@code target/<reportName>}. */
    record Verdict(List<String> unexpected, List<String> staleAllowances, int exchanges, int matched, int allowed) {}

    static Verdict judge(List<Outcome> outcomes, Map<String, Allowed> allowed, String reportName) throws IOException {
        List<String> unexpected = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int exchanges = 0;
        int matched = 0;
        int allowedCount = 0;
        int checks = 0;
        int checksMatched = 0;
        StringBuilder report = new StringBuilder();
        for (Outcome outcome : outcomes) {
            boolean isCheck = outcome.kind().equals("check");
            Allowed allowance = isCheck ? null : allowed.get(outcome.key());
            if (isCheck) {
                checks++;
                checksMatched += outcome.matched() ? 1 : 0;
            } else {
                exchanges++;
                matched += outcome.matched() ? 1 : 0;
            }
            String status;
            if (allowance != null) {
                allowedCount++;
                status = outcome.matched() ? "STALE-ALLOWANCE" : allowance.send() ? "ALLOWED" : "NOT-SENT";
                if (outcome.matched()) {
                    stale.add(outcome.key() + " " + outcome.caseName());
                }
            } else {
                status = outcome.matched() ? "MATCH" : "MISMATCH";
                if (!outcome.matched()) {
                    unexpected.add(
                            outcome.key() + (isCheck ? "/check " : " ") + outcome.caseName() + "\n" + outcome.detail());
                }
            }
            report.append(String.format(
                    "%-16s %-28s %-46s %s%n",
                    status,
                    outcome.key() + (isCheck ? "/c" : ""),
                    outcome.caseName(),
                    allowance == null ? "" : allowance.reason()));
        }
        String summary = String.format(
                "Recorded exchanges replayed: %d, identical after normalising: %d, allow-listed: %d (all differ as"
                        + " expected: %s); recorded follow-up reads replayed: %d, identical: %d%n",
                exchanges, matched, allowedCount, stale.isEmpty(), checks, checksMatched);
        report.insert(0, summary);
        Path out = Path.of("target", reportName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.print(summary);
        return new Verdict(unexpected, stale, exchanges, matched, allowedCount);
    }
}
