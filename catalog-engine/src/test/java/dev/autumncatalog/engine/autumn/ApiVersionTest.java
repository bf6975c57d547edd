package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.client.AutumnClient;
import org.junit.jupiter.api.Test;

/**
 * The build-time engine and the run-time client speak one version of Autumn's API: a service's generated handles, its
 * catalog push and its checks and tracks must not read the same catalog through two wire formats.
 */
class ApiVersionTest {
    @Test
    void enginePinsTheClientsApiVersion() {
        assertThat(AutumnClientConfig.API_VERSION)
                .isEqualTo(AutumnClient.API_VERSION)
                .isEqualTo("2.3.0");
    }
}
