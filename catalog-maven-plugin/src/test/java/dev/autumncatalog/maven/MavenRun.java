package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real Maven that runs this build on a fixture project, with our artifacts from the private repository that
 * invoker:install fills (target/it-repo) and everything else from the user's repository. Failsafe passes the paths.
 */
final class MavenRun {
    private static final Path MAVEN_HOME = Path.of(required("maven.home"));
    private static final Path IT_REPO = Path.of(required("it.repo"));
    private static final Path USER_REPO = Path.of(required("it.userRepo"));
    private static final Path SETTINGS_TEMPLATE = Path.of(required("it.settings"));
    static final String VERSION = required("it.version");

    private MavenRun() {}

    /** The exit code and the whole log of one Maven run. */
    record Result(int exitCode, String log) {
        Result succeeded() {
            assertThat(exitCode).as("Maven failed:\n" + log).isZero();
            return this;
        }

        Result failed() {
            assertThat(exitCode).as("Maven should have failed:\n" + log).isNotZero();
            return this;
        }

        /** The lines Maven printed at INFO/WARN/ERROR, without the level prefix. */
        String text() {
            StringBuilder text = new StringBuilder();
            for (String line : log.split("\n", -1)) {
                text.append(line.replaceFirst("^\\[(INFO|WARNING|ERROR)\\] ?", ""))
                        .append('\n');
            }
            return text.toString();
        }
    }

    /** Copies {@code src/test/e2e/<name>} to a fresh directory, filling in the project version. */
    static Path fixture(String name, Path into) {
        Path source = Path.of("src/test/e2e", name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = into.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file).replace("@project.version@", VERSION));
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the settings of {@code project} with one {@code <server>} holding {@code password}. */
    static void settingsWithServer(Path project, String id, String password) {
        try {
            String settings = Files.readString(SETTINGS_TEMPLATE)
                    .replace("@localRepositoryUrl@", USER_REPO.toUri().toString())
                    .replace(
                            "<profiles>",
                            "<servers><server><id>" + id + "</id><password>" + password
                                    + "</password></server></servers>\n  <profiles>");
            Files.writeString(project.resolve("it-settings.xml"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mvn -B <args>} in {@code project} with these environment variables (null values are removed). */
    static Result run(Path project, Map<String, String> environment, String... args) {
        return run(MAVEN_HOME.resolve("bin/mvn"), project, environment, args);
    }

    /** The wrapper's Maven, which runs this build. */
    static Path wrapperMaven() {
        return MAVEN_HOME.resolve("bin/mvn");
    }

    /** Like {@link #run(Path, Map, String...)}, with the Maven launcher {@code mvn}. */
    static Result run(Path mvn, Path project, Map<String, String> environment, String... args) {
        try {
            Path settings = project.resolve("it-settings.xml");
            if (!Files.exists(settings)) {
                Files.writeString(
                        settings,
                        Files.readString(SETTINGS_TEMPLATE)
                                .replace(
                                        "@localRepositoryUrl@",
                                        USER_REPO.toUri().toString()));
            }
            List<String> command = new ArrayList<>();
            command.add(mvn.toString());
            command.add("-B");
            command.add("-ntp");
            command.add("-s");
            command.add(settings.toString());
            command.add("-Dmaven.repo.local=" + IT_REPO);
            command.addAll(List.of(args));
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
            builder.environment().remove("AUTUMN_SECRET_KEY");
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Maven did not finish in 5 minutes: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property
                    + " is not set; run this test through the build (failsafe passes it).");
        }
        return value;
    }
}
