package dev.autumncatalog.engine.text;

/**
 * How a front end (the Maven plugin, a Gradle plugin, a CLI) names its settings and commands. The engine's messages
 * say what to do next with a typed {@link Setting} or {@link Operation}; the front end supplies the words, so no
 * build-tool syntax is written in the engine (as Jib's {@code HelpfulSuggestions} takes each plugin's words).
 *
 * <pre>{@code
 * FrontEnd cli = new FrontEnd() {
 *     public String setting(Setting setting) { return "--" + setting.key(); }      // --allowRemovals
 *     public String command(Operation operation) { return "autumn " + operation.word(); }  // autumn push
 *     public String generator() { return "autumn-cli"; }
 *     public String buildDirectory() { return "build"; }
 * };
 * }</pre>
 */
public interface FrontEnd {
    /** Plain names: {@code allowRemovals}, {@code push}; for tests, tools and callers without a build tool. */
    FrontEnd NEUTRAL = new FrontEnd() {
        @Override
        public String setting(Setting setting) {
            return "the " + setting.key() + " setting";
        }

        @Override
        public String assignment(Setting setting, String value) {
            return setting.key() + "=" + value;
        }

        @Override
        public String command(Operation operation) {
            return operation.word();
        }

        @Override
        public String generator() {
            return "the autumn catalog engine";
        }

        @Override
        public String buildDirectory() {
            return "build";
        }
    };

    /** How the user names a setting in a sentence: {@code --environment}, a build-file element, a property. */
    String setting(Setting setting);

    /** How the user gives a setting a value: {@code --allowRemovals=true}. */
    default String assignment(Setting setting, String value) {
        return setting(setting) + "=" + value;
    }

    /** The command that runs an operation, as quoted in "run '…' again": {@code autumn push}. */
    String command(Operation operation);

    /** What generated files name as their generator, in their first line: {@code autumn-cli}. */
    String generator();

    /** The build directory, relative to the project, for messages about default outputs: {@code build}. */
    String buildDirectory();
}
