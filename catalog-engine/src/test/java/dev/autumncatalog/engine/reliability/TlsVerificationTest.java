package dev.autumncatalog.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.AutumnTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No code path turns TLS verification off. Behaviour: against an HTTPS server on 127.0.0.1, a self-signed certificate
 * and a trusted certificate for another host both end the request in the handshake, before the request (and its {@code
 * Authorization} header) is sent; the same server with a trusted certificate for 127.0.0.1 answers, so the setup is
 * sound. Structure: the client's OkHttpClient keeps OkHttp's hostname verifier, pinner and platform trust manager, and
 * no main source names the types or calls that would replace them.
 */
class TlsVerificationTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private HttpsServer server;
    private final AtomicInteger served = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void selfSignedCertificate_failsTheHandshake_beforeTheRequestIsSent() throws Exception {
        Path keyStore = certificate("self-signed", "ip:127.0.0.1");
        serve(keyStore);

        Throwable failure = catchThrowable(() -> fetch(null));

        assertThat(failure)
                .isInstanceOf(AutumnTransportException.class)
                .hasMessageStartingWith(
                        "POST /v1/features.list failed without an answer: javax.net.ssl.SSLHandshakeException");
        assertThat(served).as("requests that reached the server").hasValue(0);
    }

    @Test
    void trustedCertificateForAnotherHost_failsHostnameVerification() throws Exception {
        Path keyStore = certificate("other-host", "dns:autumn.invalid");
        serve(keyStore);

        Throwable failure = catchThrowable(() -> fetch(keyStore));

        assertThat(failure)
                .isInstanceOf(AutumnTransportException.class)
                .hasRootCauseInstanceOf(SSLPeerUnverifiedException.class);
        assertThat(failure.getMessage()).contains("Hostname 127.0.0.1 not verified");
        assertThat(served).hasValue(0);
    }

    @Test
    void trustedCertificateForThisHost_answers_soTheRefusalsAboveAreVerification() throws Exception {
        Path keyStore = certificate("loopback", "ip:127.0.0.1");
        serve(keyStore);

        fetch(keyStore);

        assertThat(served).hasValue(2);
    }

    @Test
    void client_keepsOkHttpsVerifierPinnerAndPlatformTrust() throws Exception {
        try (AutumnHttpClient client = new AutumnHttpClient(
                AutumnClientConfig.builder().secretKey(Canary.KEY).build())) {
            Field transportField = AutumnHttpClient.class.getDeclaredField("transport");
            transportField.setAccessible(true);
            Object transport = transportField.get(client);
            Field field = transport.getClass().getDeclaredField("http");
            field.setAccessible(true);
            OkHttpClient http = (OkHttpClient) field.get(transport);
            OkHttpClient defaults = new OkHttpClient();

            assertThat(http.hostnameVerifier()).isSameAs(defaults.hostnameVerifier());
            assertThat(http.certificatePinner().getPins()).isEmpty();
            assertThat(http.x509TrustManager()).hasSameClassAs(defaults.x509TrustManager());
            assertThat(http.sslSocketFactory()).hasSameClassAs(defaults.sslSocketFactory());
            assertThat(http.connectionSpecs()).isEqualTo(defaults.connectionSpecs());
            assertThat(client.config().baseUrl().scheme()).isEqualTo("https");
        }
    }

    @Test
    void mainSources_nameNothingThatReplacesVerification() throws IOException {
        Pattern risky = Pattern.compile("HostnameVerifier|TrustManager|ALLOW_ALL|AllowAll|hostnameVerifier\\(|"
                + "sslSocketFactory\\(|SSLContext|checkServerTrusted|certificatePinner\\(|connectionSpecs\\(|"
                + "CLEARTEXT|setDefaultHostnameVerifier|setDefaultSSLSocketFactory|trustAll|insecure");
        List<String> hits = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (risky.matcher(lines.get(i)).find()) {
                        hits.add(source + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(50);
        assertThat(hits).isEmpty();
    }

    /** Plans nothing: one catalog fetch through a client trusting the platform, or {@code trustStore} instead. */
    private void fetch(Path trustStore) {
        String previous = System.getProperty("javax.net.ssl.trustStore");
        String previousPassword = System.getProperty("javax.net.ssl.trustStorePassword");
        if (trustStore != null) {
            System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        }
        try (AutumnHttpClient client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl("https://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .secretKey(Canary.KEY)
                .clock(new NoSleepClock())
                .maxRetries(0)
                .build())) {
            client.fetchCatalog();
        } finally {
            restore("javax.net.ssl.trustStore", previous);
            restore("javax.net.ssl.trustStorePassword", previousPassword);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private void serve(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"list\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A self-signed EC certificate for {@code san} in a PKCS12 store, made by the JDK's keytool. */
    private Path certificate(String name, String san) throws Exception {
        Path keyStore = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        name,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=" + san,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return keyStore;
    }
}
