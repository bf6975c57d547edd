package dev.autumncatalog.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The extension's real-server mode, with a separately started sandbox standing in for the server (it answers a paid
 * attach as the Stripe-less real server does): the catalog is pushed there over HTTP, customers go through the API,
 * and what only the sandbox can do aborts the test instead of failing it.
 */
class RealServerModeTest {
    private AutumnSandbox server;
    private AutumnSandboxExtension extension;

    @BeforeEach
    void pointAtAServer() {
        server = AutumnSandbox.start();
        System.setProperty("autumn.real.url", server.baseUrl());
        System.setProperty("autumn.real.key", server.secretKey());
        extension = AutumnSandboxExtension.withCatalog(new AutumnSandboxExtensionTest.Chat());
        extension.beforeAll(null);
    }

    @AfterEach
    void restore() {
        extension.afterAll(null);
        System.clearProperty("autumn.real.url");
        System.clearProperty("autumn.real.key");
        server.close();
    }

    @Test
    void catalogIsPushedToTheServer_andAFreePlanIsAttachedThroughTheApi() {
        assertThat(extension.againstRealServer()).isTrue();
        assertThat(extension.baseUrl()).isEqualTo(server.baseUrl());
        assertThat(server.customerCount("free")).isZero();

        String customer = extension.customerOn("free");

        assertThat(server.customerCount("free")).isEqualTo(1);
        assertThat(server.requests())
                .extracting(r -> r.path())
                .contains("/v1/customers.get_or_create", "/v1/billing.attach");
        assertThat(extension
                        .client()
                        .check(customer, MeteredFeature.of("messages"))
                        .allowed())
                .isTrue();
    }

    @Test
    void paidPlan_clock_andSandbox_abortTheTestSayingWhy() {
        assertThatThrownBy(() -> extension.customerOn("pro"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("The real Autumn server cannot attach paid plan 'pro' (no Stripe account is connected)"
                        + " here; the sandbox can.");
        assertThatThrownBy(() -> extension.advanceClock(Duration.ofDays(31)))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("The real Autumn server cannot move the clock forward PT744H here; the sandbox can.");
        assertThatThrownBy(extension::sandbox).isInstanceOf(TestAbortedException.class);
    }
}
