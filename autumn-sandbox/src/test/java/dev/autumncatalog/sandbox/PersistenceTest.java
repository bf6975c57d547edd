package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: written after each change, read on start, versioned, and refused clearly when unreadable. */
class PersistenceTest {
    @TempDir
    Path dir;

    private static final String FEATURE =
            "{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\",\"consumable\":true}";
    private static final String PLAN =
            "{\"plan_id\":\"pro\",\"name\":\"Pro\",\"price\":{\"amount\":20.50,\"interval\":\"month\"},"
                    + "\"items\":[{\"feature_id\":\"api_calls\",\"included\":1000,\"reset\":{\"interval\":\"month\"}}]}";

    @Test
    void stateFile_roundTrip_restartSeesTheSameCatalog() throws IOException {
        Path file = dir.resolve("target/autumn/sandbox.json");
        String planBefore;
        String featuresBefore;
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            assertThat(Files.exists(file)).as("nothing written before a change").isFalse();
            http.post("/v1/features.create", FEATURE);
            http.post("/v1/plans.create", PLAN);
            sandbox.addCustomer("pro");
            planBefore = http.post("/v1/plans.get", "{\"plan_id\":\"pro\"}").body();
            featuresBefore = http.post("/v1/features.list", "{}").body();
            assertThat(sandbox.stateFile()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(Files.readString(file))
                .startsWith("{")
                .contains("\"format\" : 2")
                .contains("test double");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files)
                    .as("no temporary files left; the lock file stays for the next sandbox")
                    .containsExactlyInAnyOrder(file, file.resolveSibling("sandbox.json.lock"));
        }

        try (AutumnSandbox again = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(again);
            assertThat(http.post("/v1/plans.get", "{\"plan_id\":\"pro\"}").body())
                    .isEqualTo(planBefore);
            assertThat(http.post("/v1/features.list", "{}").body()).isEqualTo(featuresBefore);
            assertThat(again.customerCount("pro")).isEqualTo(1);
            assertThat(http.post("/v1/plans.update", "{\"plan_id\":\"pro\",\"items\":[]}")
                            .json()
                            .path("version")
                            .asInt())
                    .as("customers survive a restart, so this versions")
                    .isEqualTo(2);
        }
    }

    @Test
    void stateFile_keepsCustomersBalancesEntitiesAndLocks_acrossARestart() throws IOException {
        Path file = dir.resolve("sandbox.json");
        String customerBefore;
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            http.post("/v1/features.create", FEATURE);
            http.post(
                    "/v1/features.create",
                    "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false}");
            http.post(
                    "/v1/plans.create",
                    "{\"plan_id\":\"free\",\"name\":\"Free\",\"auto_enable\":true,\"items\":[{\"feature_id\":"
                            + "\"api_calls\",\"included\":100,\"reset\":{\"interval\":\"month\"}},{\"feature_id\":"
                            + "\"seats\",\"included\":3}]}");
            http.post("/v1/customers.get_or_create", "{\"customer_id\":\"c1\"}");
            http.post("/v1/balances.track", "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"value\":7}");
            http.post("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}");
            http.post(
                    "/v1/balances.check",
                    "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"required_balance\":3,"
                            + "\"lock\":{\"lock_id\":\"L1\",\"enabled\":true}}");
            customerBefore =
                    http.post("/v1/customers.get", "{\"customer_id\":\"c1\"}").body();
        }
        try (AutumnSandbox again = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(again);
            assertThat(http.post("/v1/customers.get", "{\"customer_id\":\"c1\"}")
                            .body())
                    .isEqualTo(customerBefore);
            assertThat(http.post("/v1/entities.get", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(http.post("/v1/balances.finalize", "{\"lock_id\":\"L1\",\"action\":\"release\"}")
                            .status())
                    .as("the lock survived the restart")
                    .isEqualTo(200);
            assertThat(http.post("/v1/customers.get", "{\"customer_id\":\"c1\"}")
                            .json()
                            .path("balances")
                            .path("api_calls")
                            .path("usage")
                            .asInt())
                    .isEqualTo(7);
        }
    }

    @Test
    void stateFileOfFormat1_writtenBeforeBalances_isReadWithItsCatalog_andUpgradedOnTheNextWrite() throws IOException {
        // A real file written by the catalog-only sandbox (format 1): one feature, and one plan with two customers.
        Path file = dir.resolve("sandbox.json");
        try (InputStream old = getClass().getResourceAsStream("/state-format-1.json")) {
            Files.write(file, old.readAllBytes());
        }
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            assertThat(http.post("/v1/features.list", "{}")
                            .json()
                            .path("list")
                            .get(0)
                            .path("id")
                            .asText())
                    .isEqualTo("api_calls");
            JsonNode plan = http.post("/v1/plans.get", "{\"plan_id\":\"pro\"}").json();
            assertThat(plan.path("price").path("amount").asInt()).isEqualTo(20);
            assertThat(plan.path("items").get(0).path("included").asInt()).isEqualTo(1000);
            assertThat(sandbox.customerCount("pro"))
                    .as("the plan's customers of format 1 are kept")
                    .isEqualTo(2);
            assertThat(http.post(
                                    "/v1/features.create",
                                    "{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(Files.readString(file)).contains("\"format\" : 2");
    }

    @Test
    void stateFile_readsOnlyRequests_doNotRewriteIt() throws IOException {
        Path file = dir.resolve("sandbox.json");
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(file).start()) {
            new SandboxHttp(sandbox).post("/v1/features.create", FEATURE);
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            http.post("/v1/features.list", "{}");
            http.post("/v1/features.get", "{\"feature_id\":\"nope\"}");
        }
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified - 60_000);
    }

    @Test
    void concurrentWrites_allLand_andTheFileHoldsTheLastState() throws Exception {
        Path file = dir.resolve("sandbox.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AutumnSandbox sandbox = AutumnSandbox.builder().stateFile(file).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String body = "{\"feature_id\":\"f" + i + "\",\"name\":\"F\",\"type\":\"boolean\"}";
                statuses.add(
                        pool.submit(() -> http.post("/v1/features.create", body).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
            assertThat(sandbox.requestCount()).isEqualTo(80);
            assertThat(http.post("/v1/features.list", "{}").json().path("list")).hasSize(80);
        } finally {
            pool.shutdownNow();
        }
        try (AutumnSandbox again = AutumnSandbox.builder().stateFile(file).start()) {
            assertThat(new SandboxHttp(again)
                            .post("/v1/features.list", "{}")
                            .json()
                            .path("list"))
                    .hasSize(80);
        }
    }

    @Test
    void stateFile_unknownFormat_failsNamingFileAndFix() throws IOException {
        Path file = dir.resolve("sandbox.json");
        Files.writeString(file, "{\"format\":3,\"features\":[],\"plans\":[]}");
        assertThatThrownBy(() -> AutumnSandbox.builder().stateFile(file).start())
                .isInstanceOf(SandboxStateException.class)
                .hasMessage("The sandbox state file " + file.toAbsolutePath()
                        + " has format 3, this sandbox reads formats 1 and 2. Delete it to start empty.");
    }

    @Test
    void stateFile_notJson_failsClearly() throws IOException {
        Path file = dir.resolve("sandbox.json");
        Files.writeString(file, "{\"format\":2, \"features\": [");
        assertThatThrownBy(() -> AutumnSandbox.builder().stateFile(file).start())
                .isInstanceOf(SandboxStateException.class)
                .hasMessageStartingWith("Cannot read the sandbox state file " + file.toAbsolutePath())
                .hasMessageEndingWith("Delete it to start with an empty sandbox.");
    }

    @Test
    void stateFile_withoutFormat_failsClearly() throws IOException {
        Path file = dir.resolve("sandbox.json");
        Files.writeString(file, "{\"features\":[]}");
        assertThatThrownBy(() -> AutumnSandbox.builder().stateFile(file).start())
                .isInstanceOf(SandboxStateException.class)
                .hasMessageContaining("has no \"format\" number");
    }
}
