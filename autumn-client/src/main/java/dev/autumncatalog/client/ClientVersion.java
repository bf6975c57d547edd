package dev.autumncatalog.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The version of this client, from a resource Maven filters at build time. */
final class ClientVersion {
    private static final String RESOURCE = "autumn-client.properties";
    private static final String VERSION = load();

    private ClientVersion() {}

    /** The version, such as {@code 0.1.0}; {@code dev} when built outside Maven; never blank. */
    static String version() {
        return VERSION;
    }

    /** The {@code User-Agent}: {@code autumn-client-java/0.1.0 (Java 17.0.15)}. */
    static String userAgent() {
        return "autumn-client-java/" + VERSION + " (Java " + Runtime.version() + ")";
    }

    private static String load() {
        String version = null;
        try (InputStream in = ClientVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                version = properties.getProperty("version");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        // Unfiltered resources (an IDE build without Maven): still a readable agent.
        return version == null || version.isBlank() || version.contains("${") ? "dev" : version.trim();
    }
}
