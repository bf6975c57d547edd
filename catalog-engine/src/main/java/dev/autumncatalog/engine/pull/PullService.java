package dev.autumncatalog.engine.pull;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pulls the Autumn catalog as Java DSL source: fetches it, writes it with {@link CatalogSourceWriter}, and never loses
 * code without being told to.
 *
 * <pre>{@code
 * PullResult result = new PullService().pull(api, PullRequest.of(PullOptions.of("com.example.pricing"),
 *         PullService.defaultOutputDirectory(Path.of("target"))));
 * result.notes().forEach(log::warn);
 * }</pre>
 *
 * <p>Overwrite policy, checked for every file before any is written:
 *
 * <ol>
 *   <li>Pulling into one of {@link PullRequest#sourceRoots()} (such as {@code src/main/java}) needs {@link
 *       PullRequest#overwrite()}; the default output, {@code autumn/pulled} under the build directory, does not.
 *   <li>An existing file without the marker line of {@link PulledFileMarker} was not written by a pull: replacing it
 *       needs {@link PullRequest#force()}.
 *   <li>An existing pulled file whose content no longer matches the hash in its marker was edited: replacing it needs
 *       {@link PullRequest#force()}.
 *   <li>A file whose content would not change is left untouched.
 * </ol>
 *
 * Files replaced by force are listed in {@link PullResult#forced()} and in the notes.
 */
public final class PullService {
    /** Where the pull goes by default, under the build directory. */
    public static final String DEFAULT_OUTPUT = "autumn/pulled";

    private final FrontEnd frontEnd;
    private final String overwriteHint;
    private final String forceHint;

    /** A service whose messages name its settings with {@link FrontEnd#NEUTRAL} names. */
    public PullService() {
        this(FrontEnd.NEUTRAL);
    }

    /**
     * A service whose refusals name the settings that allow what was refused ({@link Setting#PULL_OVERWRITE}, {@link
     * Setting#PULL_FORCE}) as {@code frontEnd} does.
     */
    public PullService(FrontEnd frontEnd) {
        this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
        this.overwriteHint = frontEnd.assignment(Setting.PULL_OVERWRITE, "true");
        this.forceHint = frontEnd.assignment(Setting.PULL_FORCE, "true");
    }

    /** {@code buildDirectory}/{@value #DEFAULT_OUTPUT}: {@code target/autumn/pulled} in a Maven build. */
    public static Path defaultOutputDirectory(Path buildDirectory) {
        return buildDirectory.resolve(DEFAULT_OUTPUT);
    }

    /**
     * Fetches the catalog (two list requests) and writes it.
     *
     * @throws PullRefusedException when the policy of the class comment forbids writing; nothing is written then
     * @throws dev.autumncatalog.engine.autumn.AutumnApiException when Autumn cannot be read
     * @throws UncheckedIOException when a file cannot be read or written, naming it
     */
    public PullResult pull(AutumnApi api, PullRequest request) {
        return write(api.fetchCatalog(), request);
    }

    /** Writes an already fetched catalog; see {@link #pull}. */
    public PullResult write(RemoteCatalog remote, PullRequest request) {
        PulledSource source = CatalogSourceWriter.write(remote, request.options());
        Path output = request.outputDirectory();
        refuseSourceRootUnlessOverwrite(request);

        Map<Path, String> contents = new LinkedHashMap<>();
        for (JavaFile file : source.files()) {
            contents.put(path(output, file), PulledFileMarker.mark(file.toString()));
        }
        List<Path> unchanged = new ArrayList<>();
        List<Path> notPulled = new ArrayList<>();
        List<Path> edited = new ArrayList<>();
        for (Map.Entry<Path, String> entry : contents.entrySet()) {
            Path path = entry.getKey();
            if (!Files.exists(path)) {
                continue;
            }
            String existing = read(path);
            if (existing.equals(entry.getValue())) {
                unchanged.add(path);
            } else if (PulledFileMarker.state(existing) == PulledFileMarker.State.NOT_PULLED) {
                notPulled.add(path);
            } else if (PulledFileMarker.state(existing) == PulledFileMarker.State.EDITED) {
                edited.add(path);
            }
        }
        if (!request.force()) {
            refuse(notPulled, edited);
        }

        List<String> notes = new ArrayList<>(source.notes());
        List<Path> forced = new ArrayList<>();
        for (Path path : notPulled) {
            forced.add(path);
            notes.add(path + ": replaced although a pull did not write it (forced)");
        }
        for (Path path : edited) {
            forced.add(path);
            notes.add(path + ": replaced although edited since it was pulled (forced)");
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> entry : contents.entrySet()) {
            if (!unchanged.contains(entry.getKey())) {
                writeAtomically(entry.getKey(), entry.getValue());
                written.add(entry.getKey());
            }
        }
        return new PullResult(written, unchanged, forced, notes);
    }

    private void refuseSourceRootUnlessOverwrite(PullRequest request) {
        if (request.overwrite()) {
            return;
        }
        Path output = request.outputDirectory().toAbsolutePath().normalize();
        for (Path root : request.sourceRoots()) {
            Path normalRoot = root.toAbsolutePath().normalize();
            if (output.startsWith(normalRoot)) {
                throw new PullRefusedException(
                        PullRefusedException.Reason.SOURCE_DIRECTORY,
                        List.of(request.outputDirectory()),
                        "Refusing to pull into " + request.outputDirectory() + ": it is in the source directory "
                                + root + ", where the pulled file could replace your code. Set " + overwriteHint
                                + " to pull into it (a pull still never replaces a file it did not write, or one"
                                + " edited since, without " + forceHint + "), or pull into the default "
                                + frontEnd.buildDirectory() + "/" + DEFAULT_OUTPUT + " and copy what you need.");
            }
        }
    }

    private void refuse(List<Path> notPulled, List<Path> edited) {
        if (!notPulled.isEmpty()) {
            List<Path> files = new ArrayList<>(notPulled);
            files.addAll(edited);
            StringBuilder message = new StringBuilder("Refusing to replace ")
                    .append(join(notPulled))
                    .append(": not written by a pull (no '" + PulledFileMarker.LINE_START
                            + "' marker line), so replacing it would lose code. Choose another class name or package,"
                            + " or set ")
                    .append(forceHint)
                    .append(" to replace it.");
            if (!edited.isEmpty()) {
                message.append(" Also edited since pulled: ")
                        .append(join(edited))
                        .append('.');
            }
            throw new PullRefusedException(PullRefusedException.Reason.NOT_PULLED, files, message.toString());
        }
        if (!edited.isEmpty()) {
            throw new PullRefusedException(
                    PullRefusedException.Reason.EDITED,
                    edited,
                    "Refusing to replace " + join(edited) + ": edited since it was pulled. Set " + forceHint
                            + " to replace it and lose the edits, or move your edits to another file first.");
        }
    }

    private static Path path(Path output, JavaFile file) {
        Path directory = output;
        if (!file.packageName().isEmpty()) {
            for (String part : file.packageName().split("\\.")) {
                directory = directory.resolve(part);
            }
        }
        return directory.resolve(file.typeSpec().name() + ".java");
    }

    private static String read(Path path) {
        try {
            // Lenient: a file in another encoding is still compared (and is not a pulled file).
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path path, String content) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".pull-", ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + path + ": " + e.getMessage(), e);
        }
    }

    private static String join(List<Path> paths) {
        List<String> names = new ArrayList<>();
        for (Path path : paths) {
            names.add(path.toString());
        }
        return String.join(", ", names);
    }
}
