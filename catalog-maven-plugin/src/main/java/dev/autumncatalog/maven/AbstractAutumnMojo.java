package dev.autumncatalog.maven;

import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.Environment;
import dev.autumncatalog.engine.SecretKey;
import dev.autumncatalog.engine.Target;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.text.Words;
import java.io.File;
import java.util.Locale;
import java.util.OptionalInt;
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
     * State file of the local sandbox ({@code target=local}). Property {@code autumn.sandboxState}; default {@code
     * ${project.build.directory}/autumn/sandbox.json}.
     */
    @Parameter(property = "autumn.sandboxState", defaultValue = "${project.build.directory}/autumn/sandbox.json")
    File sandboxState;

    /**
     * Local sandbox only: refuse request number N with a 400, to see how a failed push reads and that a re-run
     * converges. Property {@code autumn.sandboxFailRequest}; no default.
     */
    @Parameter(property = "autumn.sandboxFailRequest")
    Integer sandboxFailRequest;

    /**
     * The target the parameters name: Autumn's API with the key (read when the engine opens it, after the catalog is
     * validated), or the local sandbox.
     */
    Target autumnTarget() throws MojoFailureException {
        String where = target == null ? "api" : target.trim().toLowerCase(Locale.ROOT);
        if (where.equals("local")) {
            return Target.localSandbox(sandboxState.toPath()).failingRequest(sandboxFailRequest);
        }
        if (!where.equals("api")) {
            throw new MojoFailureException(
                    "Unknown target '" + target + "' in <target> (-Dautumn.target); use api or local.");
        }
        try {
            return Target.api(apiUrl, this::secretKey, Environment.parse(environment, MavenFrontEnd.GOALS));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Logs retries, and every request at debug level. */
    class MavenListener implements EngineListener {
        @Override
        public void retrying(RetryEvent event) {
            getLog().warn("Retrying: " + event);
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
        return new MojoExecutionException(
                "Tried to read the catalog from Autumn but " + describe(e) + "\nRun 'mvn autumn:" + goalName()
                        + "' again once the cause is fixed.",
                e);
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
        return text.toString();
    }
}
