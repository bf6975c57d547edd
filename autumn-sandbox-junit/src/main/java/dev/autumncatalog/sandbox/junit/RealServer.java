package dev.autumncatalog.sandbox.junit;

import dev.autumncatalog.client.AutumnApiException;
import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.Customer;
import dev.autumncatalog.client.Subscription;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.CatalogSource;
import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.PushRequest;
import dev.autumncatalog.engine.SecretKey;
import dev.autumncatalog.engine.Target;
import dev.autumncatalog.engine.text.FrontEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentest4j.TestAbortedException;

/**
 * A real Autumn server the extension's tests run against instead of the sandbox, named by system properties (a test
 * profile sets them; nothing here runs in the default build): {@code autumn.real.url}, and {@code autumn.real.key} or
 * {@code autumn.real.newOrg} (a script printing a fresh org's secret key on its last line).
 */
final class RealServer {
    private final String baseUrl;
    private final String key;

    private RealServer(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The server the properties name, or {@code null} when {@code autumn.real.url} is not set. */
    static RealServer fromSystemProperties() {
        String url = System.getProperty("autumn.real.url", "").trim();
        if (url.isEmpty()) {
            return null;
        }
        String key = System.getProperty("autumn.real.key", "").trim();
        if (key.isEmpty()) {
            key = newOrg(System.getProperty("autumn.real.newOrg", "/tmp/autumn-server/new-org.sh"));
        }
        return new RealServer(url, key);
    }

    private static String newOrg(String script) {
        try {
            Process process = new ProcessBuilder("bash", script).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int status = process.waitFor();
            String[] lines = out.split("\\R");
            String last = lines[lines.length - 1].trim();
            if (status != 0 || !last.startsWith("am_sk_test_")) {
                throw new IllegalStateException("No org key from " + script + " (exit " + status + "): is the real"
                        + " server up? Set -Dautumn.real.key instead.");
            }
            return last;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script, e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String key() {
        return key;
    }

    /** Pushes the catalog through the engine, as {@code mvn autumn:push} would (at the engine's pace). */
    void push(Catalog catalog, String origin) {
        Target target = Target.api(
                baseUrl, SecretKey.of(key, "the real server's org"), dev.autumncatalog.engine.Environment.SANDBOX);
        CatalogEngine.create(FrontEnd.NEUTRAL, EngineListener.NONE)
                .push(PushRequest.of(PlanRequest.of(CatalogSource.of(catalog, origin), target)));
    }

    AutumnClient.Builder clientBuilder() {
        return AutumnClient.builder()
                .baseUrl(baseUrl)
                .secretKey(key)
                .expectEnvironment(dev.autumncatalog.client.Environment.SANDBOX);
    }

    /**
     * Creates the customer (it gets the auto-enabled plans) and attaches {@code planId} unless it has it. A paid plan
     * needs Stripe, which the real server here does not have: the test is aborted, saying so.
     */
    void subscribe(AutumnClient client, String customerId, String planId) {
        Customer customer = client.getOrCreateCustomer(customerId);
        for (Subscription subscription : customer.subscriptions()) {
            if (Objects.equals(subscription.planId(), planId)) {
                return;
            }
        }
        try {
            client.attach(customerId, planId);
        } catch (AutumnApiException e) {
            if (e.status() == 400 && String.valueOf(e.detail()).contains("Stripe")) {
                throw cannot("attach paid plan '" + planId + "' (no Stripe account is connected)");
            }
            throw e;
        }
    }

    /** Aborts the test: a step only the sandbox can do. */
    static TestAbortedException cannot(String what) {
        return new TestAbortedException("The real Autumn server cannot " + what + " here; the sandbox can.");
    }
}
