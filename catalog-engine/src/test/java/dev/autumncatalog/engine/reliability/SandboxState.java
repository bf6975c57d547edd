package dev.autumncatalog.engine.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the sandbox holds and was asked to write, read around the client under test (raw HTTP, its request log). */
final class SandboxState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Routes that change the catalog. */
    static final Set<String> WRITES = Set.of(
            "/v1/features.create",
            "/v1/features.update",
            "/v1/features.delete",
            "/v1/plans.create",
            "/v1/plans.update",
            "/v1/plans.delete");

    private SandboxState() {}

    /** Versions per plan id, archived plans included. */
    static Map<String, Integer> versions(AutumnSandbox sandbox) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/plans.list"))
                .header("Authorization", "Bearer " + sandbox.secretKey())
                .header("X-API-Version", "2.3.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"include_archived\":true,\"all_versions\":true}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "plans.list answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, Integer> versions = new TreeMap<>();
            for (JsonNode plan : JSON.readTree(response.body()).get("list")) {
                versions.merge(plan.get("id").textValue(), 1, Integer::sum);
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code true} for a request that changes the catalog. */
    static boolean isWrite(RecordedRequest request) {
        return WRITES.contains(request.path());
    }

    /** The feature or plan a write names in its body. */
    static String entityId(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            JsonNode id = body.has("feature_id") ? body.get("feature_id") : body.get("plan_id");
            return id == null ? null : id.textValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
