package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.Fault;
import dev.autumncatalog.sandbox.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Maven runs of {@code autumn:push}, {@code plan} and {@code check} on a fixture project against a sandbox held
 * by this test, so the test can count requests, inject faults and see what Autumn ends up holding.
 */
class PushEndToEndIT {
    /** The sandbox accepts only this key: a canary that must never show in any output. */
    private static final String KEY = "am_sk_test_CANARYe2eSecretKey0123456789abcdefghijklmno";

    private static AutumnSandbox sandbox;

    @TempDir
    Path work;

    private Path project;

    @BeforeAll
    static void startSandbox() {
        sandbox = AutumnSandbox.builder().secretKeys(KEY).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void freshProject() {
        sandbox.clearCatalog();
        sandbox.faults().clear();
        project = MavenRun.fixture("shop", work.resolve("shop"));
    }

    @Test
    void push_createsEverything_thenASecondPushIsANoOpOfExactlyTwoRequests() {
        String first = maven("compile", "autumn:push").succeeded().text();

        assertThat(first)
                .contains(header() + "\n\n  + feature api_calls  (single-use, \"API Calls\")\n")
                .contains("  + plan pro  \"Pro\"\n"
                        + "      price: $20 per month\n"
                        + "      items[api_calls]: 10,000 per month\n"
                        + "      items[seats]: $8 each, prepaid, billed every month\n"
                        + "      items[sso]: granted\n")
                .contains("Plan: 6 to create, 0 to update, 0 to remove (0 archive, 0 delete), 0 to un-archive.")
                .contains("Pushed 6 changes to " + target() + ".");

        int before = sandbox.requestCount();
        String second = maven("compile", "autumn:push").succeeded().text();

        assertThat(second).contains(header() + "\n\nNo changes. Autumn matches the catalog.\n");
        assertThat(sandbox.requestCount() - before).isEqualTo(2);
    }

    @Test
    void plan_afterAnEdit_showsTheExactFieldDiff_andCheckFailsWithTheFix() throws IOException {
        maven("compile", "autumn:push").succeeded();
        edit("priceItem(20).monthly()", "priceItem(\"24.50\").monthly()");
        edit("featureItem(API_CALLS).included(10_000).monthly()", "featureItem(API_CALLS).included(20_000).monthly()");

        String plan = maven("compile", "autumn:plan").succeeded().text();

        assertThat(plan)
                .contains(header() + "\n\n"
                        + "  ~ plan pro\n"
                        + "      price.amount: $20 → $24.50\n"
                        + "      items[api_calls].included: 10,000 → 20,000\n"
                        + "\n"
                        + "Plan: 0 to create, 1 to update, 0 to remove (0 archive, 0 delete), 0 to un-archive.\n");
        assertThat(Files.readString(project.resolve("target/autumn/plan.json"))).contains("\"pro\"");

        String check = maven("compile", "autumn:check").failed().text();

        assertThat(check)
                .contains("  ~ plan pro\n")
                .contains("Failed to execute goal dev.autumncatalog:autumn-maven-plugin:" + MavenRun.VERSION
                        + ":check (default-cli) on project shop-pricing: drift: Autumn (" + target() + ") differs from"
                        + " the catalog: 1 change pending. Run 'mvn autumn:push -Dautumn.apiUrl=" + sandbox.baseUrl()
                        + "' to apply.");
    }

    @Test
    void push_removalWithoutOptIn_refusesAndChangesNothing_thenTheOptInRemoves() throws IOException {
        maven("compile", "autumn:push").succeeded();
        edit("return catalog(FREE, PRO, PACK);", "return catalog(FREE, PRO);");
        int before = sandbox.requestCount();

        String refused = maven("compile", "autumn:push").failed().text();

        assertThat(refused)
                .contains("Push refused; nothing was changed in Autumn:")
                .contains("-Dautumn.allowRemovals=true");
        assertThat(writesSince(before)).isEmpty();

        String removed = maven("compile", "autumn:push", "-Dautumn.allowRemovals=true")
                .succeeded()
                .text();

        assertThat(removed).contains("  - plan pack  (delete: it has no customers)");
        assertThat(maven("compile", "autumn:plan").succeeded().text())
                .contains("No changes. Autumn matches the catalog.");
    }

    @Test
    void liveKey_withoutTheLiveOptIn_isRefusedBeforeAnyRequest() {
        int before = sandbox.requestCount();

        String refused = run(
                        Map.of("AUTUMN_SECRET_KEY", "am_sk_live_" + "CANARYlive0123456789abcdefghijklmnopqrstuv"),
                        "compile",
                        "autumn:push",
                        "-Dautumn.apiUrl=" + sandbox.baseUrl())
                .failed()
                .text();

        assertThat(refused).contains("The Autumn key is a live key (am_sk_live_…) but the environment is sandbox.");
        assertThat(refused).doesNotContain("CANARYlive");
        assertThat(sandbox.requestCount()).isEqualTo(before);
    }

    @Test
    void push_failingMidway_reportsWhatWasApplied_andAReRunConvergesWithoutDuplicates() throws Exception {
        // Request 2 lists, then 3 features; the 6th request is the first plan create.
        sandbox.faults().atRequest(sandbox.requestCount() + 6, Fault.error(400, "invalid_request", "injected"));

        String failed = maven("compile", "autumn:push").failed().text();

        // Features take requests 3 to 5, so the refused request is one of the plan creates (which one is up to the
        // concurrent plan level).
        assertThat(failed)
                .contains("Push stopped: 1 failed, 5 applied, 0 not started.\nFailed:\n  + plan ")
                .contains("Autumn answered 400 invalid_request: injected (POST /v1/plans.create)")
                .contains("Applied:\n  + feature api_calls\n  + feature seats\n  + feature sso\n")
                .contains("Failed to execute goal dev.autumncatalog:autumn-maven-plugin:" + MavenRun.VERSION
                        + ":push (default-cli) on project shop-pricing: push-failed: Push stopped:")
                // The hint repeats the run's flags (issue 14 item 5).
                .contains("Fix the cause and run 'mvn autumn:push -Dautumn.apiUrl=" + sandbox.baseUrl()
                        + "' again; applied changes will not be repeated.");
        assertThat(Files.readString(project.resolve("target/autumn/summary.json")))
                .contains("\"outcome\" : \"push-failed\"")
                .contains("\"applied\" : [ {")
                .contains("\"failed\" : [ {");

        String rerun = maven("compile", "autumn:push").succeeded().text();

        assertThat(rerun).doesNotContain("+ feature");
        assertThat(maven("compile", "autumn:plan").succeeded().text())
                .contains("No changes. Autumn matches the catalog.");
        assertThat(allPlanVersions()).containsExactlyInAnyOrder("free@1", "pack@1", "pro@1");
    }

    @Test
    void everyGoalAtDebugLevel_keyFromSettings_appearsNowhere() throws IOException {
        MavenRun.settingsWithServer(project, "autumn-sandbox", KEY);
        StringBuilder all = new StringBuilder();
        for (String goal : List.of("autumn:validate", "autumn:plan", "autumn:push", "autumn:check")) {
            all.append(run(
                            Map.of(),
                            "-X",
                            "compile",
                            goal,
                            "-Dautumn.serverId=autumn-sandbox",
                            "-Dautumn.apiUrl=" + sandbox.baseUrl())
                    .succeeded()
                    .log());
        }
        MavenRun.settingsWithServer(project, "autumn-sandbox", KEY.replace("CANARY", "WRONGx"));
        all.append(run(
                        Map.of(),
                        "-X",
                        "compile",
                        "autumn:plan",
                        "-Dautumn.serverId=autumn-sandbox",
                        "-Dautumn.apiUrl=" + sandbox.baseUrl())
                .failed()
                .log());
        all.append(Files.readString(project.resolve("target/autumn/plan.json")));

        assertThat(all.toString())
                .contains("autumn:" + MavenRun.VERSION + ":push")
                .contains("invalid_secret_key");
        assertNoFragmentOfTheKey(all.toString());
    }

    @Test
    void keyInSettingsAndInTheEnvironment_theServerWins_andAWarningSaysSo() throws IOException {
        // README: "When both are present the server wins and a warning says the variable is ignored."
        MavenRun.settingsWithServer(project, "autumn-sandbox", KEY);

        String log = run(
                        Map.of("AUTUMN_SECRET_KEY", KEY.replace("CANARY", "WRONGx")),
                        "compile",
                        "autumn:plan",
                        "-Dautumn.serverId=autumn-sandbox",
                        "-Dautumn.apiUrl=" + sandbox.baseUrl())
                .succeeded()
                .log();

        assertThat(log)
                .contains("[WARNING] AUTUMN_SECRET_KEY is set but ignored: -Dautumn.serverId names settings.xml"
                        + " server 'autumn-sandbox', whose password is used.");
    }

    @Test
    void encryptedPasswordInSettings_isDecrypted() throws IOException {
        // README: "Maven-encrypted passwords are decrypted", with Maven's own encryption as a user does it.
        Path security = project.resolve("settings-security.xml");
        String master = lastBraced(run(Map.of(), "--encrypt-master-password", "master-CANARY")
                .succeeded()
                .log());
        Files.writeString(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>");
        String encrypted = lastBraced(run(Map.of(), "-Dsettings.security=" + security, "--encrypt-password", KEY)
                .succeeded()
                .log());
        MavenRun.settingsWithServer(project, "autumn-sandbox", encrypted);

        String log = run(
                        Map.of(),
                        "compile",
                        "autumn:push",
                        "-Dsettings.security=" + security,
                        "-Dautumn.serverId=autumn-sandbox",
                        "-Dautumn.apiUrl=" + sandbox.baseUrl())
                .succeeded()
                .log();

        assertThat(encrypted).doesNotContain("CANARY");
        assertThat(log).contains("Pushed 6 changes to " + target());
        assertNoFragmentOfTheKey(log);
    }

    /** The last {@code {…}} Maven printed: the output of {@code --encrypt-password}. */
    private static String lastBraced(String log) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\\{[A-Za-z0-9+/=]+\\}").matcher(log);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        assertThat(last).as("an encrypted value in:\n" + log).isNotNull();
        return last;
    }

    @Test
    void everyGoalAtDebugLevel_keyFromTheEnvironment_appearsOnlyInMavensOwnEnvironmentDump() {
        StringBuilder all = new StringBuilder();
        for (String goal : List.of("autumn:validate", "autumn:plan", "autumn:push", "autumn:check")) {
            all.append(maven("-X", "compile", goal).succeeded().log());
        }

        // Maven core prints every environment variable at -X ("[DEBUG] env.NAME: value"); nothing of ours may.
        String ours = all.toString()
                .lines()
                .filter(line -> !line.startsWith("[DEBUG] env.AUTUMN_SECRET_KEY: "))
                .collect(Collectors.joining("\n"));
        assertThat(ours).contains("autumn:" + MavenRun.VERSION + ":push");
        assertNoFragmentOfTheKey(ours);
    }

    private static void assertNoFragmentOfTheKey(String text) {
        String secret = KEY.substring("am_sk_test_".length());
        for (int i = 0; i + 12 <= secret.length(); i++) {
            assertThat(text).as("12-character fragment %d of the key", i).doesNotContain(secret.substring(i, i + 12));
        }
    }

    private MavenRun.Result maven(String... args) {
        String[] withUrl = new String[args.length + 1];
        System.arraycopy(args, 0, withUrl, 0, args.length);
        withUrl[args.length] = "-Dautumn.apiUrl=" + sandbox.baseUrl();
        return run(Map.of("AUTUMN_SECRET_KEY", KEY), withUrl);
    }

    private MavenRun.Result run(Map<String, String> environment, String... args) {
        return MavenRun.run(project, new HashMap<>(environment), args);
    }

    private void edit(String from, String to) throws IOException {
        Path source = project.resolve("src/main/java/shop/Pricing.java");
        String text = Files.readString(source);
        if (text.contains(from)) {
            Files.writeString(source, text.replace(from, to));
        }
    }

    private List<RecordedRequest> writesSince(int requestNumber) {
        return sandbox.requests().stream()
                .filter(r -> r.number() > requestNumber)
                .filter(r -> r.method().equals("POST"))
                .filter(r -> r.path().matches(".*\\.(create|update|delete)$"))
                .collect(Collectors.toList());
    }

    /** Every stored version of every plan, archived ones included, as {@code id@version}. */
    private static List<String> allPlanVersions() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/plans.list"))
                                .header("Authorization", "Bearer " + KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"include_archived\":true,\"all_versions\":true}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<String> versions = new ArrayList<>();
        for (JsonNode plan : new ObjectMapper().readTree(response.body()).path("list")) {
            versions.add(plan.path("id").asText() + "@" + plan.path("version").asInt());
        }
        return versions;
    }

    private static String target() {
        return "Autumn sandbox at " + sandbox.baseUrl() + "/";
    }

    private static String header() {
        return "Autumn plan for " + target() + " (sandbox)";
    }
}
