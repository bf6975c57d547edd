package dev.autumncatalog.maven;

import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Operation;
import dev.autumncatalog.engine.text.Setting;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Maven words of the engine's messages: the one place that spells {@code -Dautumn.…}, {@code <catalogClass>} and
 * {@code mvn autumn:…}. The engine says which {@link Setting} or {@link Operation} a user needs; this says how a Maven
 * user gets it.
 */
final class MavenFrontEnd implements FrontEnd {
    /** The property of {@link Setting#ALLOW_REMOVALS}. */
    static final String ALLOW_REMOVALS = "autumn.allowRemovals";
    /** The property of {@link Setting#VERSION_POLICY}. */
    static final String VERSION_POLICY = "autumn.versionPolicy";
    /** The property of {@link Setting#DROP_UNSUPPORTED}. */
    static final String DROP_UNSUPPORTED = "autumn.dropUnsupported";

    /** The goals that find the catalog class in the module's own classes (validate, plan, push, check). */
    static final MavenFrontEnd GOALS = new MavenFrontEnd("<catalogClass> (-Dautumn.catalogClass)");

    /** {@code autumn:generate}, whose catalog class is in a dependency and is named in its execution. */
    static final MavenFrontEnd GENERATE = new MavenFrontEnd("<catalogClass> / -Dautumn.catalogClass");

    /** User properties a hint never repeats: they belong to the run that failed, not to the command it suggests. */
    private static final Set<String> NOT_REPEATED =
            Set.of("autumn.skip", "autumn.applyPlan", "autumn.sandboxFailRequest", "autumn.summaryFile");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,=@+-]*");

    private final String catalogClass;
    private final String flags;

    private MavenFrontEnd(String catalogClass, String flags) {
        this.catalogClass = catalogClass;
        this.flags = flags;
    }

    private MavenFrontEnd(String catalogClass) {
        this(catalogClass, "");
    }

    /**
     * The same words, with commands that repeat the flags of this run: {@code mvn autumn:push -Dautumn.target=local -pl
     * pricing}, so a hint can be copied as it stands.
     *
     * @param selectedProjects the projects chosen with {@code -pl}, in order
     * @param userProperties the {@code -D} properties of this run; those starting with {@code autumn.} are repeated
     */
    MavenFrontEnd withFlags(List<String> selectedProjects, Properties userProperties) {
        return new MavenFrontEnd(catalogClass, flags(selectedProjects, userProperties));
    }

    /** {@code  -Dautumn.target=local -pl pricing}: the flags a hint repeats, with a leading space, or empty. */
    static String flags(List<String> selectedProjects, Properties userProperties) {
        StringBuilder text = new StringBuilder();
        if (userProperties != null) {
            for (String name : new TreeSet<>(userProperties.stringPropertyNames())) {
                if (name.startsWith("autumn.") && !name.startsWith("autumn.pull.") && !NOT_REPEATED.contains(name)) {
                    text.append(' ').append(quoted("-D" + name + "=" + userProperties.getProperty(name)));
                }
            }
        }
        if (selectedProjects != null && !selectedProjects.isEmpty()) {
            text.append(" -pl ").append(quoted(String.join(",", selectedProjects)));
        }
        return text.toString();
    }

    private static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The user property of a setting: {@code autumn.allowRemovals}. */
    static String property(Setting setting) {
        return switch (setting) {
            case CATALOG_CLASS -> "autumn.catalogClass";
            case ENVIRONMENT -> "autumn.environment";
            case ALLOW_REMOVALS -> ALLOW_REMOVALS;
            case VERSION_POLICY -> VERSION_POLICY;
            case DROP_UNSUPPORTED -> DROP_UNSUPPORTED;
            case PULL_OVERWRITE -> "autumn.pull.overwrite";
            case PULL_FORCE -> "autumn.pull.force";
        };
    }

    @Override
    public String setting(Setting setting) {
        return setting == Setting.CATALOG_CLASS ? catalogClass : "-D" + property(setting);
    }

    @Override
    public String assignment(Setting setting, String value) {
        return "-D" + property(setting) + "=" + value;
    }

    @Override
    public String command(Operation operation) {
        return "mvn autumn:" + operation.word() + flags;
    }

    @Override
    public String generator() {
        return "autumn-maven-plugin (autumn:generate)";
    }

    @Override
    public String buildDirectory() {
        return "target";
    }
}
