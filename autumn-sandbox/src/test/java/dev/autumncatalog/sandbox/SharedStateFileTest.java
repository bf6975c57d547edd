package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sandboxes on one state file (two builds at once): every request is a locked read-modify-write, so each sees the
 * other's writes, no update is lost and the file is never torn. Without the lock each kept its own copy in memory and
 * the last writer won.
 */
class SharedStateFileTest {
    private static final int PER_SANDBOX = 40;

    @TempDir
    Path dir;

    @Test
    void twoSandboxesInOneJvm_interleavedWrites_allLand_andEachSeesTheOthers() throws Exception {
        Path file = dir.resolve("target/autumn/sandbox.json");
        try (AutumnSandbox a = AutumnSandbox.builder().stateFile(file).start();
                AutumnSandbox b = AutumnSandbox.builder().stateFile(file).start()) {
            hammer(List.of(new SandboxHttp(a), new SandboxHttp(b)));
        }
        try (AutumnSandbox again = AutumnSandbox.builder().stateFile(file).start()) {
            assertEverythingLanded(new SandboxHttp(again));
        }
    }

    @Test
    void twoSandboxMainProcesses_interleavedWrites_allLand() throws Exception {
        Path file = dir.resolve("shared.json");
        List<Process> processes = new ArrayList<>();
        try {
            List<SandboxHttp> clients = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process process = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                SandboxMain.class.getName(),
                                "--port",
                                "0",
                                "--state",
                                file.toString())
                        .redirectErrorStream(true)
                        .start();
                processes.add(process);
                clients.add(SandboxHttp.at(port(process), AutumnSandbox.DEFAULT_SECRET_KEY));
            }
            hammer(clients);
            assertEverythingLanded(clients.get(0));
            assertEverythingLanded(clients.get(1));
        } finally {
            for (Process process : processes) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        try (AutumnSandbox again = AutumnSandbox.builder().stateFile(file).start()) {
            assertEverythingLanded(new SandboxHttp(again));
        }
    }

    /**
     * Through each client at once: one feature each (distinct ids), one customer made by the first, then tracks of 1
     * on that customer from both; creates and tracks interleave.
     */
    private static void hammer(List<SandboxHttp> clients) throws Exception {
        SandboxHttp first = clients.get(0);
        first.post(
                "/v1/features.create",
                "{\"feature_id\":\"api_calls\",\"name\":\"API Calls\",\"type\":\"metered\",\"consumable\":true}");
        first.post(
                "/v1/plans.create",
                "{\"plan_id\":\"free\",\"name\":\"Free\",\"auto_enable\":true,\"items\":[{\"feature_id\":\"api_calls\","
                        + "\"included\":1000,\"reset\":{\"interval\":\"month\"}}]}");
        assertThat(clients.get(clients.size() - 1)
                        .post("/v1/customers.get_or_create", "{\"customer_id\":\"c1\"}")
                        .status())
                .as("the second sandbox sees the first one's plan")
                .isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < PER_SANDBOX; i++) {
                for (int c = 0; c < clients.size(); c++) {
                    SandboxHttp http = clients.get(c);
                    String feature = "{\"feature_id\":\"f" + c + "_" + i + "\",\"name\":\"F\",\"type\":\"boolean\"}";
                    statuses.add(pool.submit(
                            () -> http.post("/v1/features.create", feature).status()));
                    statuses.add(pool.submit(() -> http.post(
                                    "/v1/balances.track",
                                    "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"value\":1}")
                            .status()));
                }
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEverythingLanded(SandboxHttp http) {
        assertThat(http.post("/v1/features.list", "{}").json().path("list"))
                .as("every feature created through either sandbox")
                .hasSize(1 + 2 * PER_SANDBOX);
        assertThat(http.post("/v1/balances.check", "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\"}")
                        .json()
                        .path("balance")
                        .path("usage")
                        .asInt())
                .as("every track through either sandbox, counted once")
                .isEqualTo(2 * PER_SANDBOX);
    }

    private static int port(Process process) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/v1");
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            Matcher matcher = listening.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("SandboxMain did not say where it listens: " + seen
                + (Files.exists(Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]))
                        ? ""
                        : " (class path not found)"));
    }
}
