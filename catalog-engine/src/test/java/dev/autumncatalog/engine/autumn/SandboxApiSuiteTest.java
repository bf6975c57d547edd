package dev.autumncatalog.engine.autumn;

import dev.autumncatalog.sandbox.AutumnSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared client suite against the local sandbox: the same tests that pass against the recording-checked
 * simulation must pass here, so the sandbox cannot drift from what the client expects of Autumn.
 */
class SandboxApiSuiteTest extends AbstractAutumnApiSuite {
    private static AutumnSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = AutumnSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Override
    protected String baseUrl() {
        return sandbox.baseUrl();
    }

    @Override
    protected String secretKey() {
        return sandbox.secretKey();
    }

    @Override
    protected void resetState() {
        sandbox.clearCatalog();
    }

    @Override
    protected boolean supportsCustomers() {
        return true;
    }

    @Override
    protected void addCustomer(String planId) {
        sandbox.addCustomer(planId);
    }
}
