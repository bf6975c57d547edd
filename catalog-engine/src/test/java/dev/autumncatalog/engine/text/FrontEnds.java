package dev.autumncatalog.engine.text;

/** Front ends for tests. */
public final class FrontEnds {
    private FrontEnds() {}

    /**
     * The words the Maven plugin's front end uses, so engine tests and golden files show what a Maven user reads. The
     * engine's main code never spells them (EngineWordsTest); the plugin's MavenFrontEndTest holds its real front end
     * to these words, so the two cannot drift apart.
     */
    public static final FrontEnd MAVEN_LIKE = new FrontEnd() {
        @Override
        public String setting(Setting setting) {
            return setting == Setting.CATALOG_CLASS
                    ? "<catalogClass> (-Dautumn.catalogClass)"
                    : "-Dautumn." + setting.key();
        }

        @Override
        public String assignment(Setting setting, String value) {
            return "-Dautumn." + setting.key() + "=" + value;
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
    };
}
