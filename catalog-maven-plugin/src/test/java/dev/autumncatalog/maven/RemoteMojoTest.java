package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.engine.autumn.AutumnApiException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote goals (plan, check, push) as Maven runs them, on hand-made projects: each failure printed once, a distinct
 * outcome word leading the message and in the summary file (issue 14 items 3 and 5, issue 15's summary), sandbox-only
 * settings refused with the real API (issue 15 item 6), the sandbox state outside target/ (item 6).
 */
class RemoteMojoTest {
    private static final String KEY = "am_sk_test_RemoteMojoTest0123456789";

    @TempDir
    Path basedir;

    private final List<String> infos = new ArrayList<>();

    private <M extends AbstractRemoteMojo> M mojo(M mojo) {
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(classes());
        mojo.project = project;
        mojo.catalogClass = ShopCatalog.class.getName();
        mojo.target = "local";
        mojo.environment = "sandbox";
        mojo.apiUrl = "https://api.useautumn.com/v1";
        mojo.versionPolicy = "fail";
        mojo.sandboxState = basedir.resolve(".autumn/sandbox.json").toFile();
        mojo.planFile = basedir.resolve("target/autumn/plan.json").toFile();
        mojo.summaryFile = basedir.resolve("target/autumn/summary.json").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    private PushMojo push() {
        PushMojo push = mojo(new PushMojo());
        push.parallelism = 4;
        return push;
    }

    private String summary() throws IOException {
        return Files.readString(basedir.resolve("target/autumn/summary.json"));
    }

    @Test
    void check_drift_failsWithTheDriftWord_andWritesTheOutcome() throws Exception {
        assertThatThrownBy(() -> mojo(new CheckMojo()).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("drift: Autumn (the local sandbox")
                .hasMessageEndingWith("differs from the catalog: 2 changes pending. Run 'mvn autumn:push' to apply.");
        assertThat(summary()).contains("\"outcome\" : \"drift\"").contains("\"success\" : false");

        push().execute();
        mojo(new CheckMojo()).execute();
        assertThat(summary()).contains("\"outcome\" : \"in-sync\"");
    }

    @Test
    void plan_invalidCatalog_failsWithItsOwnWord_beforeAnyKeyOrRequest() throws Exception {
        CheckMojo check = mojo(new CheckMojo());
        check.catalogClass = FourBadValues.class.getName();
        check.target = "api"; // no key anywhere: an invalid catalog is reported first

        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("invalid-catalog: Catalog has 5 problems:")
                .hasNoCause();
        assertThat(summary()).contains("\"outcome\" : \"invalid-catalog\"");
    }

    @Test
    void push_unreachableServer_failsOnce_asANetworkError_namingWhatItTriedAndHowLongItWaited() throws Exception {
        PushMojo push = mojo(new PushMojo());
        push.parallelism = 4;
        push.target = "api";
        push.apiUrl = "http://127.0.0.1:" + closedPort() + "/v1";
        push.callTimeout = 2;
        withKeyFromSettings(push);

        MojoExecutionException failure = (MojoExecutionException) catchThrowable(push::execute);

        assertThat(failure.getMessage())
                .startsWith("network-error: Tried to read the catalog from Autumn but POST /v1/")
                .containsPattern(
                        "gave up after [0-9.]+ m?s and [0-9]+ attempts?, the deadline of one call \\(callTimeout"
                                + " = 2 s, retries included\\)")
                .contains("Set it with -Dautumn.callTimeout=<seconds>.")
                .endsWith("\nRun 'mvn autumn:push' again once the cause is fixed.");
        assertThat(occurrences(failure.getMessage(), "check the network")).isEqualTo(1);
        // Maven prints the message followed by every cause's message it does not already contain: before, the
        // engine's exception was the cause, and the failure was printed twice.
        assertThat(failure).hasNoCause();
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(AutumnApiException.class);
        String printed = new DefaultExceptionHandler().handleException(failure).getMessage();
        assertThat(printed).isEqualTo(failure.getMessage());
        assertThat(summary()).contains("\"outcome\" : \"network-error\"").doesNotContain(KEY.substring(11));
    }

    @Test
    void push_stalePlan_isRefusedWithItsOwnWord() throws Exception {
        mojo(new PlanMojo()).execute();
        push().execute(); // the world moves: the saved plan's creates are done
        PushMojo apply = push();
        apply.applyPlan = basedir.resolve("target/autumn/plan.json").toFile();

        assertThatThrownBy(apply::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("stale-plan: The saved plan ");
        assertThat(summary()).contains("\"outcome\" : \"stale-plan\"");
    }

    @Test
    void plan_savesAPlanThatAPushAppliesExactly() throws Exception {
        mojo(new PlanMojo()).execute();
        assertThat(summary()).contains("\"outcome\" : \"changes\"");
        PushMojo apply = push();
        apply.applyPlan = basedir.resolve("target/autumn/plan.json").toFile();

        apply.execute();

        assertThat(summary()).contains("\"outcome\" : \"applied\"").contains("\"id\" : \"pro\"");
        assertThat(infos)
                .contains(
                        "Local sandbox state: " + basedir.resolve(".autumn/sandbox.json")
                                + " (kept across 'mvn clean'; set -Dautumn.sandboxState to move it, delete the file to start empty).");
    }

    @Test
    void sandboxOnlySettings_withTheRealApi_areErrors_notIgnored() {
        PushMojo failing = push();
        failing.target = "api";
        failing.sandboxFailRequest = 3;
        assertThatThrownBy(failing::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("configuration: <sandboxFailRequest> (-Dautumn.sandboxFailRequest) applies only to the"
                        + " local sandbox, but the target is Autumn's API (-Dautumn.target=api). Remove it, or add"
                        + " -Dautumn.target=local.");
        PushMojo customers = push();
        customers.target = "api";
        customers.sandboxCustomers = "pro:3";
        assertThatThrownBy(customers::execute).hasMessageContaining("<sandboxCustomers> (-Dautumn.sandboxCustomers)");
    }

    @Test
    void sandboxCustomers_parsesPairs_andRefusesAnythingElse() throws Exception {
        assertThat(AbstractAutumnMojo.sandboxCustomers(" pro:3, team:1 "))
                .containsExactly(java.util.Map.entry("pro", 3), java.util.Map.entry("team", 1));
        assertThatThrownBy(() -> AbstractAutumnMojo.sandboxCustomers("pro=3"))
                .hasMessage("<sandboxCustomers> (-Dautumn.sandboxCustomers) takes plan:count pairs separated by"
                        + " commas, for example pro:3,team:1; 'pro=3' is not one.");
        assertThatThrownBy(() -> AbstractAutumnMojo.sandboxCustomers("pro:-1")).hasMessageContaining("'pro:-1'");
    }

    @Test
    void hints_repeatTheFlagsOfTheRun() {
        Properties properties = new Properties();
        properties.setProperty("autumn.target", "local");
        properties.setProperty("autumn.applyPlan", "target/autumn/plan.json");
        properties.setProperty("autumn.catalogClass", "com.acme.Pricing Plans");
        properties.setProperty("other", "x");

        assertThat(MavenFrontEnd.GOALS
                        .withFlags(List.of("pricing"), properties)
                        .command(dev.autumncatalog.engine.text.Operation.PUSH))
                .isEqualTo("mvn autumn:push '-Dautumn.catalogClass=com.acme.Pricing Plans' -Dautumn.target=local"
                        + " -pl pricing");
        assertThat(MavenFrontEnd.GOALS.command(dev.autumncatalog.engine.text.Operation.PUSH))
                .isEqualTo("mvn autumn:push");
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void withKeyFromSettings(AbstractAutumnMojo mojo) {
        Server server = new Server();
        server.setId("autumn");
        server.setPassword(KEY);
        mojo.settings = new Settings();
        mojo.settings.addServer(server);
        mojo.serverId = "autumn";
        mojo.decrypter = request -> new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return request.getServers().get(0);
            }

            @Override
            public List<Server> getServers() {
                return request.getServers();
            }

            @Override
            public org.apache.maven.settings.Proxy getProxy() {
                return null;
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return List.of();
            }
        };
    }

    private static String classes() {
        try {
            return Path.of(ShopCatalog.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
