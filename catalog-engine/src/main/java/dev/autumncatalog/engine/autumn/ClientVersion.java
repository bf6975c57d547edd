package dev.autumncatalog.engine.autumn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this library, from a resource Maven filters at build time. */
final class ClientVersion {
    private static final String RESOURCE = "client.properties";
    private static final String VERSION = load();

    private ClientVersion() {}

    /** The version, such as {@code 0.1.0}; {@code dev} when built outside Maven; never {@code null} or blank. */
    static String version() {
        return VERSION;
    }

    /** The {@code User-Agent} value: {@code autumn-catalog/0.1.0}. */
    static String userAgent() {
        return "autumn-catalog/" + VERSION;
    }

    private static String load() {
        String version = null;
        try (InputStream in = ClientVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        if (!usable(version)) {
            version = ClientVersion.class.getPackage().getImplementationVersion();
        }
        // Unfiltered resources (an IDE build without Maven): still a readable agent, never "null".
        return usable(version) ? version.trim() : "dev";
    }

    private static boolean usable(String version) {
        return version != null && !version.isBlank() && !version.contains("${") && !"null".equals(version.trim());
    }
}
