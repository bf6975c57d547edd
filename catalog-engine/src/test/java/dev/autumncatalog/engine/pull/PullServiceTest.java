package dev.autumncatalog.engine.pull;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.autumn.VersionChoice;
import dev.autumncatalog.engine.pull.PullRefusedException.Reason;
import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Operation;
import dev.autumncatalog.engine.text.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullServiceTest {
    private static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    private static final Product FREE = product("free")
            .name("Free")
            .item(featureItem(API_CALLS).included(100).monthly());
    private static final PullOptions OPTIONS = PullOptions.of("com.example.pricing");

    @TempDir
    Path project;

    private Path target;
    private Path sources;
    private FakeApi api;
    private final PullService service = new PullService(MAVEN_LIKE);

    @BeforeEach
    void setUp() {
        target = PullService.defaultOutputDirectory(project.resolve("target"));
        sources = project.resolve("src/main/java");
        api = new FakeApi(new RemoteCatalog(
                List.of(new RemoteFeature("api_calls", API_CALLS, false, List.of("event names: call"))),
                List.of(new RemotePlan("free", FREE, false, 1, List.of()))));
    }

    @Test
    void defaultOutputDirectory_isAutumnPulledUnderTheBuildDirectory() {
        assertThat(PullService.defaultOutputDirectory(Path.of("target"))).isEqualTo(Path.of("target/autumn/pulled"));
    }

    @Test
    void pull_intoTheBuildDirectory_writesAMarkedFileAndReturnsTheNotes() throws IOException {
        PullResult result = service.pull(api, request(target));

        Path file = target.resolve("com/example/pricing/PulledCatalog.java");
        assertThat(api.fetches).isEqualTo(1);
        assertThat(result.written()).containsExactly(file);
        assertThat(result.unchanged()).isEmpty();
        assertThat(result.forced()).isEmpty();
        assertThat(result.notes())
                .containsExactly("feature 'api_calls': not pulled, the DSL cannot express it: event names: call");
        String content = Files.readString(file);
        assertThat(content).startsWith("// autumn:pull sha256=").contains("public static final Product FREE");
        assertThat(PulledFileMarker.state(content)).isEqualTo(PulledFileMarker.State.PULLED);
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void pull_again_leavesTheUnchangedFileAlone() throws IOException {
        service.pull(api, request(target));
        Path file = target.resolve("com/example/pricing/PulledCatalog.java");
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(file, old);

        PullResult result = service.pull(api, request(target));

        assertThat(result.written()).isEmpty();
        assertThat(result.unchanged()).containsExactly(file);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void pull_afterAChangeOnAutumn_replacesTheUntouchedPulledFile() throws IOException {
        service.pull(api, request(target));
        api.catalog =
                new RemoteCatalog(List.of(new RemoteFeature("api_calls", API_CALLS, false, List.of())), List.of());

        PullResult result = service.pull(api, request(target));

        Path file = target.resolve("com/example/pricing/PulledCatalog.java");
        assertThat(result.written()).containsExactly(file);
        assertThat(result.forced()).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("FREE");
    }

    @Test
    void pull_intoASourceDirectoryWithoutOverwrite_refusesAndWritesNothing() {
        assertThatThrownBy(() -> service.pull(api, request(sources)))
                .isInstanceOfSatisfying(PullRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SOURCE_DIRECTORY);
                    assertThat(e.files()).containsExactly(sources);
                })
                .hasMessage("Refusing to pull into " + sources + ": it is in the source directory " + sources
                        + ", where the pulled file could replace your code. Set -Dautumn.pull.overwrite=true to pull"
                        + " into it (a pull still never replaces a file it did not write, or one edited since,"
                        + " without -Dautumn.pull.force=true), or pull into the default target/autumn/pulled and copy"
                        + " what you need.");
        assertThat(sources).doesNotExist();
    }

    @Test
    void pull_belowASourceDirectory_refusedToo() {
        assertThatThrownBy(() -> service.pull(api, request(sources.resolve("com/example"))))
                .isInstanceOf(PullRefusedException.class)
                .hasMessageContaining("it is in the source directory " + sources);
    }

    @Test
    void pull_intoASourceDirectoryWithOverwrite_writes() {
        PullResult result = service.pull(api, request(sources).overwrite(true));

        assertThat(result.written()).containsExactly(sources.resolve("com/example/pricing/PulledCatalog.java"));
    }

    @Test
    void pull_overAFileItDidNotWrite_refusesNamingTheFileAndTheProperty() throws IOException {
        Path file = write(sources.resolve("com/example/pricing/PulledCatalog.java"), "class Mine {}\n");

        assertThatThrownBy(() -> service.pull(api, request(sources).overwrite(true)))
                .isInstanceOfSatisfying(PullRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_PULLED);
                    assertThat(e.files()).containsExactly(file);
                })
                .hasMessage("Refusing to replace " + file + ": not written by a pull (no '// autumn:pull' marker"
                        + " line), so replacing it would lose code. Choose another class name or package, or set"
                        + " -Dautumn.pull.force=true to replace it.");
        assertThat(Files.readString(file)).isEqualTo("class Mine {}\n");
    }

    @Test
    void pull_overAFileItDidNotWrite_forced_replacesItAndSaysSo() throws IOException {
        Path file = write(target.resolve("com/example/pricing/PulledCatalog.java"), "class Mine {}\n");

        PullResult result = service.pull(api, request(target).force(true));

        assertThat(result.written()).containsExactly(file);
        assertThat(result.forced()).containsExactly(file);
        assertThat(result.notes()).contains(file + ": replaced although a pull did not write it (forced)");
        assertThat(Files.readString(file)).startsWith("// autumn:pull sha256=");
    }

    @Test
    void pull_overAnEditedPulledFile_refusesListingIt() throws IOException {
        service.pull(api, request(target));
        Path file = target.resolve("com/example/pricing/PulledCatalog.java");
        String edited = Files.readString(file).replace("\"Free\"", "\"Free forever\"");
        Files.writeString(file, edited);

        assertThatThrownBy(() -> service.pull(api, request(target)))
                .isInstanceOfSatisfying(PullRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EDITED);
                    assertThat(e.files()).containsExactly(file);
                })
                .hasMessage("Refusing to replace " + file + ": edited since it was pulled. Set"
                        + " -Dautumn.pull.force=true to replace it and lose the edits, or move your edits to another"
                        + " file first.");
        assertThat(Files.readString(file)).isEqualTo(edited);
    }

    @Test
    void pull_overAnEditedPulledFile_forced_replacesItAndSaysSo() throws IOException {
        service.pull(api, request(target));
        Path file = target.resolve("com/example/pricing/PulledCatalog.java");
        Files.writeString(file, Files.readString(file) + "// my note\n");

        PullResult result = service.pull(api, request(target).force(true));

        assertThat(result.forced()).containsExactly(file);
        assertThat(result.notes()).contains(file + ": replaced although edited since it was pulled (forced)");
        assertThat(Files.readString(file)).doesNotContain("my note");
    }

    @Test
    void pull_pulledFileWithWindowsLineEndings_isNotAnEdit() throws IOException {
        service.pull(api, request(target));
        Path file = target.resolve("com/example/pricing/PulledCatalog.java");
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
        api.catalog = new RemoteCatalog(List.of(), List.of());

        PullResult result = service.pull(api, request(target));

        assertThat(result.written()).containsExactly(file);
        assertThat(result.forced()).isEmpty();
    }

    @Test
    void pull_messagesNameTheCallersSwitches() throws IOException {
        write(target.resolve("com/example/pricing/PulledCatalog.java"), "class Mine {}\n");
        PullService withHints = new PullService(new FrontEnd() {
            @Override
            public String setting(Setting setting) {
                return "<" + setting.key() + ">";
            }

            @Override
            public String assignment(Setting setting, String value) {
                return "<" + setting.key().replace("pull.", "") + ">" + value + "</"
                        + setting.key().replace("pull.", "") + ">";
            }

            @Override
            public String command(Operation operation) {
                return operation.word();
            }

            @Override
            public String generator() {
                return "test";
            }

            @Override
            public String buildDirectory() {
                return "target";
            }
        });

        assertThatThrownBy(() -> withHints.pull(api, request(target)))
                .hasMessageContaining("or set <force>true</force> to replace it.");
        assertThatThrownBy(() -> withHints.pull(api, request(sources)))
                .hasMessageContaining("Set <overwrite>true</overwrite> to pull into it");
    }

    private PullRequest request(Path output) {
        return PullRequest.of(OPTIONS, output).sourceRoots(List.of(sources, project.resolve("src/test/java")));
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Serves one catalog; nothing else is needed by a pull. */
    private static final class FakeApi implements AutumnApi {
        RemoteCatalog catalog;
        int fetches;

        FakeApi(RemoteCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public RemoteCatalog fetchCatalog() {
            fetches++;
            return catalog;
        }

        @Override
        public RemoteFeature createFeature(Feature feature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemoteFeature updateFeature(Feature feature, boolean archived) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemoteFeature archiveFeature(String featureId, boolean archived) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteFeature(String featureId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureUsage featureUsage(String featureId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemotePlan createPlan(Product product) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemotePlan updatePlan(Product product, boolean archived, VersionChoice versionChoice) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemotePlan archivePlan(String planId, boolean archived) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deletePlan(String planId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlanCustomers planCustomers(Product product) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean planHasCustomers(String planId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
