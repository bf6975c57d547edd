package dev.autumncatalog.client;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for a base URL: the secret key travels with every request, so it goes over TLS or stays on this host. */
final class BaseUrls {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BaseUrls() {}

    static URI check(URI url) {
        if (url == null) {
            throw new NullPointerException("baseUrl is null");
        }
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new IllegalArgumentException("baseUrl '" + url + "' is not an http(s) URL with a host, such as "
                    + AutumnClient.DEFAULT_BASE_URL);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry credentials (user info before '@'); the"
                    + " secret key goes in secretKey(...)");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl '" + url + "' has a query or fragment; give the API's base"
                    + " only, such as " + AutumnClient.DEFAULT_BASE_URL);
        }
        if ("http".equals(scheme) && !loopback(url.getHost())) {
            throw new IllegalArgumentException("baseUrl '" + url + "' is plain http to " + url.getHost()
                    + ", which would send the secret key unencrypted; use https, or http only to a loopback"
                    + " address (127.0.0.1, ::1, localhost)");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("baseUrl '" + url + "' has no path; Autumn's routes live under the"
                    + " version path, such as " + AutumnClient.DEFAULT_BASE_URL);
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    /** Loopback by its literal form only: no name lookup when the client is built. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]");
    }
}
