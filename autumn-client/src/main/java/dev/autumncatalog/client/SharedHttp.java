package dev.autumncatalog.client;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK HttpClient every AutumnClient shares unless given its own. Java 17's HttpClient has no {@code close()}: one
 * per JVM, made on first use, keeps its connection pool and selector thread from multiplying.
 */
final class SharedHttp {
    private SharedHttp() {}

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static HttpClient client() {
        return Holder.CLIENT;
    }
}
