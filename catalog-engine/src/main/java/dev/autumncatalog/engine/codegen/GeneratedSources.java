package dev.autumncatalog.engine.codegen;

import com.palantir.javapoet.JavaFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes generated files into a source directory without touching those whose bytes are unchanged, so an unchanged
 * catalog leaves every timestamp alone and incremental compilation stays quiet.
 *
 * <pre>{@code
 * GeneratedSources.Result result = GeneratedSources.write(files, outputDirectory, "com.example.Pricing");
 * }</pre>
 */
public final class GeneratedSources {
    private GeneratedSources() {}

    /**
     * What {@link #write} did; paths are absolute.
     *
     * @param written files created or changed
     * @param unchanged files whose bytes were already right, left untouched
     * @param deleted files generated earlier from the same catalog class that are no longer generated (after a
     *     package change)
     */
    public record Result(List<Path> written, List<Path> unchanged, List<Path> deleted) {
        /** Copies the lists. */
        public Result {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
            deleted = List.copyOf(deleted);
        }

        /** {@code true} when nothing on disk changed. */
        public boolean upToDate() {
            return written.isEmpty() && deleted.isEmpty();
        }

        /** How many files the generator produced. */
        public int fileCount() {
            return written.size() + unchanged.size();
        }
    }

    /** The UTF-8 bytes of a generated file. */
    public static byte[] bytes(JavaFile file) {
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Where a file goes below a source directory: {@code com/example/Features.java}. */
    public static Path path(Path directory, JavaFile file) {
        Path result = directory;
        if (!file.packageName().isEmpty()) {
            for (String part : file.packageName().split("\\.")) {
                result = result.resolve(part);
            }
        }
        return result.resolve(file.typeSpec().name() + ".java");
    }

    /**
     * Writes {@code files} below {@code directory}, skipping files whose bytes are unchanged, and deletes {@code .java}
     * files below it that an earlier run generated from the same catalog class ({@code origin}) but this run does not.
     * Files of any other origin are never touched.
     */
    public static Result write(List<JavaFile> files, Path directory, String origin) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        Set<Path> current = new HashSet<>();
        for (JavaFile file : files) {
            Path target = path(root, file);
            current.add(target);
            byte[] content = bytes(file);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                unchanged.add(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            written.add(target);
        }
        List<Path> deleted = new ArrayList<>();
        for (Path stale : javaFiles(root)) {
            if (!current.contains(stale) && ConstantsGenerator.isHeaderOf(firstLine(stale), origin)) {
                Files.delete(stale);
                deleted.add(stale);
            }
        }
        return new Result(written, unchanged, deleted);
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
