package dev.autumncatalog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an open target says about itself (the plan's first line, live or not) and what closing it releases. */
class AutumnTargetTest {
    private static final String TEST_KEY = "am_sk_test_AutumnTargetTest0123456789abcdef";
    private static final String LIVE_KEY = "am_sk_live_" + "AutumnTargetTest0123456789abcdef";

    @TempDir
    Path work;

    @Test
    void api_blankOrMissingUrl_isAutumnsOwn_andTheDescriptionNamesEnvironmentAndUrl() {
        try (AutumnTarget blank = AutumnTarget.api("  ", SecretKey.of(TEST_KEY, "k"), null);
                AutumnTarget missing = AutumnTarget.api(null, SecretKey.of(LIVE_KEY, "k"), ClientListener.NONE)) {
            assertThat(blank.description()).isEqualTo("Autumn sandbox at https://api.useautumn.com/v1/");
            assertThat(missing.description()).isEqualTo("Autumn live at https://api.useautumn.com/v1/");
            assertThat(blank.sandbox()).isEmpty();
            assertThat(blank.sandboxRequests()).isEqualTo(OptionalInt.empty());
        }
    }

    @Test
    void api_givenUrl_isTrimmedAndUsed() {
        try (AutumnTarget target = AutumnTarget.api(" http://127.0.0.1:9/v1 ", SecretKey.of(TEST_KEY, "k"), null)) {
            assertThat(target.description()).isEqualTo("Autumn sandbox at http://127.0.0.1:9/v1/");
        }
    }

    @Test
    void live_onlyForALiveKey() {
        // A push asks "Push N changes to LIVE Autumn?" exactly when this is true.
        try (AutumnTarget test = AutumnTarget.api(null, SecretKey.of(TEST_KEY, "k"), null);
                AutumnTarget live = AutumnTarget.api(null, SecretKey.of(LIVE_KEY, "k"), null);
                AutumnTarget local = AutumnTarget.localSandbox(work.resolve("s.json"), null, null)) {
            assertThat(test.live()).isFalse();
            assertThat(live.live()).isTrue();
            assertThat(local.live()).isFalse();
        }
    }

    @Test
    void localSandbox_withoutAFailRequest_servesEveryRequest_andSaysItIsATestDouble() {
        Path state = work.resolve("sandbox.json");
        try (AutumnTarget target = AutumnTarget.localSandbox(state, null, null)) {
            assertThat(target.description()).isEqualTo("the local sandbox (a test double, not Autumn), state " + state);
            assertThat(target.api().fetchCatalog().features()).isEmpty();
            assertThat(target.sandboxRequests()).isEqualTo(OptionalInt.of(2));
            assertThat(target.sandbox()).isPresent();
        }
    }

    @Test
    void localSandbox_failRequest_refusesThatRequest() {
        try (AutumnTarget target = AutumnTarget.localSandbox(work.resolve("s.json"), 1, null)) {
            assertThatThrownBy(() -> target.api().fetchCatalog())
                    .hasMessageContaining("failure injected by autumn.sandboxFailRequest");
        }
    }

    @Test
    void close_stopsTheClientAndTheSandbox() {
        AutumnTarget target = AutumnTarget.localSandbox(work.resolve("s.json"), null, null);
        AutumnSandbox sandbox = target.sandbox().orElseThrow();
        int port = sandbox.port();

        target.close();

        assertThat(accepts(port)).as("sandbox port open after close").isFalse();
        assertThatThrownBy(() -> target.api().fetchCatalog()).isNotNull();
    }

    @Test
    void close_ofAnApiTarget_stopsItsClient() {
        try (AutumnSandbox autumn = AutumnSandbox.builder().secretKeys(TEST_KEY).start()) {
            AutumnTarget target = AutumnTarget.api(autumn.baseUrl(), SecretKey.of(TEST_KEY, "k"), null);
            assertThat(target.api().fetchCatalog().plans()).isEmpty();

            target.close();

            // The server is still there: only a closed client explains the refusal.
            assertThatThrownBy(() -> target.api().fetchCatalog()).isNotNull();
        }
    }

    @Test
    void localSandbox_whoseClientCannotBeBuilt_isStoppedAgain() {
        long before = dispatchers();

        assertThatThrownBy(() -> AutumnTarget.localSandbox(work.resolve("s.json"), null, null, options -> {
                    throw new IllegalArgumentException("bad option");
                }))
                .hasMessage("bad option");

        assertThat(dispatchers()).as("sandbox servers still running").isEqualTo(before);
    }

    /** Live threads of the JDK HTTP server the sandbox runs on: one per running sandbox. */
    private static long dispatchers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("HTTP-Dispatcher"))
                .count();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
