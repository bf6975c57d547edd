package dev.autumncatalog.maven;

import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.Environment;
import dev.autumncatalog.engine.SecretKey;
import dev.autumncatalog.engine.Target;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.ClientSetting;
import dev.autumncatalog.engine.text.Words;
import java.io.File;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Base of the goals that talk to Autumn (plan, push, check, pull): where to, with which key, in which environment.
 */
abstract class AbstractAutumnMojo extends AbstractCatalogMojo {
    static final String KEY_VARIABLE = "AUTUMN_SECRET_KEY";

    /** The Maven session, for batch mode. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The user's settings, for {@code serverId}. */
    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    Settings settings;

    /** Decrypts settings.xml passwords. */
    @Component
    SettingsDecrypter decrypter;

    /**
     * Which Autumn to talk to: {@code api} (Autumn's API at {@code apiUrl}) or {@code local} (the local sandbox, a test
     * double started inside the build that keeps its state in {@code sandboxState}). Property {@code autumn.target}; default
     * {@code api}.
     */
    @Parameter(property = "autumn.target", defaultValue = "api")
    String target;

    /** Base URL of Autumn's API. Property {@code autumn.apiUrl}; default {@code https://api.useautumn.com/v1}. */
    @Parameter(property = "autumn.apiUrl", defaultValue = "https://api.useautumn.com/v1")
    String apiUrl;

    /**
     * The environment you mean: {@code sandbox} or {@code live}. A live key (am_sk_live_…) is refused unless this says
     * {@code live}, and the key's prefix must match it. Property {@code autumn.environment}; default {@code sandbox}.
     */
    @Parameter(property = "autumn.environment", defaultValue = "sandbox")
    String environment;

    /**
     * Id of a {@code <server>} in settings.xml whose {@code <password>} is the secret key (encrypted passwords are
     * decrypted). Without it the key comes from the {@code AUTUMN_SECRET_KEY} environment variable. Property {@code
     * autumn.serverId}; no default.
     */
    @Parameter(property = "autumn.serverId")
    String serverId;

    /**
     * State file of the local sandbox ({@code target=local}): outside {@code target/}, so {@code mvn clean} keeps what
     * was pushed to it (add {@code .autumn/} to {@code .gitignore}). Property {@code autumn.sandboxState}; default
     *  <code>${project.basedir}/.autumn/sandbox.json</code>.
     */
    @Parameter(property = "autumn.sandboxState", defaultValue = "${project.basedir}/.autumn/sandbox.json")
    File sandboxState;

    /**
     * Local sandbox only: customers to give sandbox plans before planning, as {@code plan:count} pairs separated by
     * commas ({@code pro:3,team:1}); a plan with fewer customers gets more, so an update of its price or items creates
     * a new version and a removal archives it, as on Autumn. The plans must exist in the sandbox (push first).
     * Property {@code autumn.sandboxCustomers}; no default.
     */
    @Parameter(property = "autumn.sandboxCustomers")
    String sandboxCustomers;

    /**
     * Local sandbox only: refuse request number N with a 400, to see how a failed push reads and that a re-run
     * converges. Property {@code autumn.sandboxFailRequest}; no default.
     */
    @Parameter(property = "autumn.sandboxFailRequest")
    Integer sandboxFailRequest;

    /**
     * Deadline of one request to Autumn, from connecting to the last byte of the answer, in seconds; a server that
     * accepts and never answers, or trickles its answer, is given up on after it (and retried like any failure without
     * an answer). Property {@code autumn.requestTimeout}; default {@code 30}.
     */
    @Parameter(property = "autumn.requestTimeout", defaultValue = "30")
    int requestTimeout = 30;

    /**
     * Deadline of one call to Autumn, its retries and their waits included, in seconds. Property {@code
     * autumn.callTimeout}; default {@code 120}.
     */
    @Parameter(property = "autumn.callTimeout", defaultValue = "120")
    int callTimeout = 120;

    /**
     * How long calls may wait with no request to Autumn completing, in seconds, before the goal stops (a long push that
     * makes progress is never cut short). Property {@code autumn.stallTimeout}; default {@code 180}.
     */
    @Parameter(property = "autumn.stallTimeout", defaultValue = "180")
    int stallTimeout = 180;

    /**
     * The largest answer read from Autumn, in MiB; a larger one stops the goal, unread and not repeated. A
     * 5,000-plan {@code plans.list} is about 18 MB. Property {@code autumn.maxAnswerSize}; default {@code 64}.
     */
    @Parameter(property = "autumn.maxAnswerSize", defaultValue = "64")
    int maxAnswerSize = 64;

    /**
     * The client's pace in requests per second, shared by all its threads; at most this many plus one go in any
     * second, and a 429 halves it for a while. Autumn allows 25 per second per org and environment. Property {@code
     * autumn.requestsPerSecond}; default {@code 24}.
     */
    @Parameter(property = "autumn.requestsPerSecond", defaultValue = "24")
    double requestsPerSecond = AutumnClientConfig.DEFAULT_REQUESTS_PER_SECOND;

    /**
     * The client options the parameters above set, as one step on the engine's builder. (The fields start at the
     * defaults too, for Mojos made without Maven's injection, as the unit tests make them.)
     */
    UnaryOperator<AutumnClientConfig.Builder> clientOptions() throws MojoFailureException {
        positive(requestTimeout, "requestTimeout");
        positive(callTimeout, "callTimeout");
        positive(stallTimeout, "stallTimeout");
        positive(maxAnswerSize, "maxAnswerSize");
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new MojoFailureException("<requestsPerSecond> (-Dautumn.requestsPerSecond) must be a number above 0,"
                    + " was " + requestsPerSecond + "; Autumn allows 25 per second, the default is 24.");
        }
        return builder -> builder.requestTimeout(Duration.ofSeconds(requestTimeout))
                .callTimeout(Duration.ofSeconds(callTimeout))
                .stallTimeout(Duration.ofSeconds(stallTimeout))
                .maxAnswerBytes(maxAnswerSize * 1024L * 1024L)
                .requestsPerSecond(requestsPerSecond);
    }

    private static void positive(int value, String name) throws MojoFailureException {
        if (value < 1) {
            throw new MojoFailureException(
                    "<" + name + "> (-Dautumn." + name + ") must be 1 or more, was " + value + ".");
        }
    }

    /**
     * The target the parameters name: Autumn's API with the key (read when the engine opens it, after the catalog is
     * validated), or the local sandbox.
     */
    Target autumnTarget() throws MojoFailureException {
        String where = target == null ? "api" : target.trim().toLowerCase(Locale.ROOT);
        if (where.equals("local")) {
            getLog().info("Local sandbox state: " + sandboxState + " (kept across 'mvn clean'; set"
                    + " -Dautumn.sandboxState to move it, delete the file to start empty).");
            return Target.localSandbox(sandboxState.toPath())
                    .failingRequest(sandboxFailRequest)
                    .customers(sandboxCustomers(sandboxCustomers))
                    .withClient(clientOptions());
        }
        if (!where.equals("api")) {
            throw new MojoFailureException(
                    "Unknown target '" + target + "' in <target> (-Dautumn.target); use api or local.");
        }
        // A sandbox setting with the real API would be silently ignored: say so instead.
        if (sandboxFailRequest != null) {
            throw sandboxOnly("sandboxFailRequest");
        }
        if (sandboxCustomers != null && !sandboxCustomers.isBlank()) {
            throw sandboxOnly("sandboxCustomers");
        }
        try {
            return Target.api(apiUrl, this::secretKey, Environment.parse(environment, MavenFrontEnd.GOALS))
                    .withClient(clientOptions());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private MojoFailureException sandboxOnly(String name) {
        return new MojoFailureException("<" + name + "> (-Dautumn." + name + ") applies only to the local sandbox,"
                + " but the target is Autumn's API (-Dautumn.target=api). Remove it, or add -Dautumn.target=local.");
    }

    /** {@code pro:3,team:1} as plan → count, in order. */
    static Map<String, Integer> sandboxCustomers(String text) throws MojoFailureException {
        Map<String, Integer> customers = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return customers;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.trim().split(":", -1);
            Integer count = null;
            if (parts.length == 2 && !parts[0].isBlank()) {
                try {
                    count = Integer.valueOf(parts[1].trim());
                } catch (NumberFormatException e) {
                    count = null;
                }
            }
            if (count == null || count < 0) {
                throw new MojoFailureException("<sandboxCustomers> (-Dautumn.sandboxCustomers) takes plan:count pairs"
                        + " separated by commas, for example pro:3,team:1; '" + pair.trim() + "' is not one.");
            }
            customers.put(parts[0].trim(), count);
        }
        return customers;
    }

    /** Logs retries, and every request at debug level. */
    class MavenListener implements EngineListener {
        private final AtomicInteger retries = new AtomicInteger();

        @Override
        public void retrying(RetryEvent event) {
            retries.incrementAndGet();
            getLog().warn("Retrying: " + event);
        }

        /** How many retries were announced so far. */
        int retries() {
            return retries.get();
        }

        @Override
        public void requestSent(RequestEvent event) {
            if (getLog().isDebugEnabled()) {
                getLog().debug("Autumn request: " + event);
            }
        }
    }

    /** {@code The local sandbox (a test double, not Autumn) served 2 requests.}, when it was the target. */
    void reportSandbox(OptionalInt requests) {
        requests.ifPresent(count -> getLog().info(
                        "The local sandbox (a test double, not Autumn) served " + Words.count(count, "request") + "."));
    }

    /** The key from settings.xml ({@code serverId}) or the environment; thrown problems end the goal. */
    private SecretKey secretKey() {
        String fromEnvironment = System.getenv(KEY_VARIABLE);
        if (serverId != null && !serverId.isBlank()) {
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                getLog().warn(KEY_VARIABLE + " is set but ignored: -Dautumn.serverId names settings.xml server '"
                        + serverId + "', whose password is used.");
            }
            return keyFromSettings(serverId.trim());
        }
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalArgumentException("No Autumn secret key: set the " + KEY_VARIABLE
                    + " environment variable, or name a settings.xml <server> whose <password> is the key with "
                    + "-Dautumn.serverId. To try without a key, use the local sandbox: -Dautumn.target=local.");
        }
        return SecretKey.of(fromEnvironment, KEY_VARIABLE);
    }

    private SecretKey keyFromSettings(String id) {
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new IllegalArgumentException("settings.xml has no <server> with <id>" + id
                    + "</id> (named by -Dautumn.serverId). Add one whose <password> is the Autumn secret key.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem text can quote the encrypted value; name the server only.
                throw new SettingsDecryptionFailure("Could not decrypt the password of settings.xml server '" + id
                        + "' (" + problem.getSeverity() + "); check settings-security.xml.");
            }
        }
        String password = result.getServer().getPassword();
        return SecretKey.of(password, "settings.xml server '" + id + "'");
    }

    /** settings.xml could not be decrypted: an execution problem, not the user's catalog. */
    static final class SettingsDecryptionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettingsDecryptionFailure(String message) {
            super(message);
        }
    }

    /** {@code Tried to read the catalog from Autumn but …}, and how to run the goal again. */
    MojoExecutionException readFailure(AutumnApiException e) {
        // Suppressed, not the cause: Maven appends a cause's message to the one it prints (the failure read twice).
        MojoExecutionException failure = new MojoExecutionException("Tried to read the catalog from Autumn but "
                + describe(e) + ".\nRun 'mvn autumn:" + goalName() + "' again once the cause is fixed.");
        failure.addSuppressed(e);
        return failure;
    }

    /** {@code Autumn answered 400 invalid_inputs: …} or {@code the request failed: …}, never the key. */
    static String describe(AutumnApiException e) {
        StringBuilder text = new StringBuilder();
        if (e.status() == 0) {
            text.append(e.method()).append(' ').append(e.route()).append(" failed without an answer");
        } else {
            text.append("Autumn answered ").append(e.status());
            if (e.code() != null) {
                text.append(' ').append(e.code());
            }
            text.append(" to ").append(e.method()).append(' ').append(e.route());
        }
        if (e.autumnMessage() != null) {
            text.append(": ").append(e.autumnMessage());
        }
        if (e.hint() != null) {
            text.append(" (").append(e.hint()).append(')');
        }
        if (e.setting() != null) {
            text.append(". Set it with ").append(property(e.setting()));
        }
        return text.toString();
    }

    /** The Maven property of a client setting the engine names, with its unit. */
    static String property(ClientSetting setting) {
        return switch (setting) {
            case REQUEST_TIMEOUT -> "-Dautumn.requestTimeout=<seconds>";
            case CALL_TIMEOUT -> "-Dautumn.callTimeout=<seconds>";
            case STALL_TIMEOUT -> "-Dautumn.stallTimeout=<seconds>";
            case MAX_ANSWER_BYTES -> "-Dautumn.maxAnswerSize=<MiB>";
            case REQUESTS_PER_SECOND -> "-Dautumn.requestsPerSecond=<n>";
        };
    }
}
