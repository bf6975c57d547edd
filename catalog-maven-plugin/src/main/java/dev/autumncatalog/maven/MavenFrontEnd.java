package dev.autumncatalog.maven;

import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Operation;
import dev.autumncatalog.engine.text.Setting;

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

    private final String catalogClass;

    private MavenFrontEnd(String catalogClass) {
        this.catalogClass = catalogClass;
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
        return "mvn autumn:" + operation.word();
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
