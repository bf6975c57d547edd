package dev.autumncatalog.engine.autumn;

import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client suite against {@link FakeAutumn}, the recording-checked simulation, on MockWebServer (127.0.0.1). */
class FakeAutumnApiSuiteTest extends AbstractAutumnApiSuite {
    private static final FakeAutumn FAKE = new FakeAutumn(Responses.KEY);
    private static MockWebServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = Loopback.start(FAKE);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected String baseUrl() {
        return server.url("/v1").toString();
    }

    @Override
    protected String secretKey() {
        return Responses.KEY;
    }

    @Override
    protected void resetState() {
        FAKE.reset();
    }

    @Override
    protected boolean supportsCustomers() {
        return true;
    }

    @Override
    protected void addCustomer(String planId) {
        FAKE.addCustomer(planId);
    }
}
