package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real Autumn exchanges copied into src/test/resources/autumn-api (see SOURCE.md there). */
final class Recordings {
    static final String SEED = "exchanges-2x/10-atmn1-push-seed.jsonl";
    static final String RICH = "exchanges-2x/12-atmn1-push-rich.jsonl";
    static final String RICH_V2 = "exchanges-2x/16-atmn1-push-rich-v2.jsonl";
    static final String RPC = "exchanges-2x/20-rpc-catalog.jsonl";
    static final String REST = "exchanges-2x/21-rest-2x.jsonl";
    static final String VERSIONING = "exchanges-2x/30-versioning.jsonl";
    static final String ERRORS = "exchanges-2x/40-errors-2x.jsonl";
    static final String EDGE_1_2 = "exchanges/90-edge-cases.jsonl";

    private static final Map<String, List<Exchange>> CACHE = new ConcurrentHashMap<>();

    private Recordings() {}

    /** One recorded request and its answer. */
    record Exchange(
            String file,
            int seq,
            String caseName,
            String method,
            String path,
            String query,
            JsonNode requestHeaders,
            JsonNode requestBody,
            int status,
            JsonNode responseHeaders,
            JsonNode responseBody) {

        /** The API version the request carried, or {@code null}. */
        String apiVersion() {
            JsonNode v = requestHeaders.get("x-api-version");
            return v == null ? null : v.asText();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code 20-rpc-catalog#25 plans_create_paid}. */
        String label() {
            String name = file.substring(file.lastIndexOf('/') + 1).replace(".jsonl", "");
            return name + "#" + seq + (caseName == null ? "" : " " + caseName);
        }

        @Override
        public String toString() {
            return label() + " " + method + " " + path + " → " + status;
        }
    }

    /** Every exchange of a file, sorted by arrival ({@code seq}). */
    static List<Exchange> load(String file) {
        return CACHE.computeIfAbsent(file, Recordings::read);
    }

    private static List<Exchange> read(String file) {
        String resource = "/autumn-api/" + file;
        List<Exchange> exchanges = new ArrayList<>();
        try (InputStream in = Recordings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("recording " + resource + " is missing from the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = WireMapper.json().readTree(line);
                exchanges.add(new Exchange(
                        file,
                        n.get("seq").intValue(),
                        n.hasNonNull("case") ? n.get("case").asText() : null,
                        n.get("method").asText(),
                        n.get("path").asText(),
                        n.hasNonNull("query") ? n.get("query").asText() : "",
                        n.get("request_headers"),
                        n.hasNonNull("request_body") ? n.get("request_body") : MissingNode.getInstance(),
                        n.get("status").intValue(),
                        n.get("response_headers"),
                        n.hasNonNull("response_body") ? n.get("response_body") : MissingNode.getInstance()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        exchanges.sort(Comparator.comparingInt(Exchange::seq));
        return List.copyOf(exchanges);
    }

    /** The exchange with this case name. */
    static Exchange byCase(String file, String caseName) {
        return load(file).stream()
                .filter(e -> caseName.equals(e.caseName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseName + " in " + file));
    }

    /** The exchange with this seq. */
    static Exchange bySeq(String file, int seq) {
        return load(file).stream()
                .filter(e -> e.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seq " + seq + " in " + file));
    }
}
