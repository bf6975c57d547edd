package dev.autumncatalog.engine.load;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and calls the project's {@link CatalogDefinition}. The catalog class is named, or discovered as the one class
 * implementing {@code CatalogDefinition} in the project's own output directories.
 */
public final class CatalogLoader {
    private final List<Path> classpath;
    private final List<Path> searchDirectories;

    /**
     * @param classpath every directory and jar the catalog class needs (the project's classes and dependencies)
     * @param searchDirectories the directories scanned when no class is named (the project's own classes)
     */
    public CatalogLoader(List<Path> classpath, List<Path> searchDirectories) {
        this.classpath = List.copyOf(classpath);
        this.searchDirectories = List.copyOf(searchDirectories);
    }

    /**
     * Loads the catalog.
     *
     * <pre>{@code
     * Catalog catalog = new CatalogLoader(classpath, List.of(classes)).load(null, FrontEnd.NEUTRAL).catalog();
     * }</pre>
     *
     * @param className the fully qualified catalog class, or {@code null} to discover it
     * @param frontEnd names the setting that names the class ({@link Setting#CATALOG_CLASS}) in messages
     * @throws CatalogLoadException saying where it looked and what to change
     */
    public Loaded load(String className, FrontEnd frontEnd) {
        String parameterHint = frontEnd.setting(Setting.CATALOG_CLASS);
        ClassLoader loader = classLoader();
        String name = className != null && !className.isBlank() ? className.trim() : discover(loader, parameterHint);
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CatalogLoadException(
                    "Catalog class " + name + " was not found on the project classpath (looked in "
                            + describe(classpath) + "). Check the name in " + parameterHint
                            + " and that the module compiles it.",
                    e);
        }
        if (!CatalogDefinition.class.isAssignableFrom(type)) {
            throw new CatalogLoadException(
                    "Class " + name + " is not a catalog: it must implement " + CatalogDefinition.class.getName()
                            + " (add 'implements CatalogDefinition' and a define() method).",
                    null);
        }
        CatalogDefinition definition = instantiate(type.asSubclass(CatalogDefinition.class));
        Catalog catalog;
        try {
            catalog = definition.define();
        } catch (RuntimeException | LinkageError e) {
            throw new CatalogLoadException(
                    name + ".define() threw " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (catalog == null) {
            throw new CatalogLoadException(
                    name + ".define() returned null; return the catalog, for example: return catalog(FREE, PRO);",
                    null);
        }
        return new Loaded(name, catalog, new CatalogConstants(type, catalog));
    }

    /**
     * The loaded catalog and the class it came from.
     *
     * @param className the catalog class
     * @param catalog its catalog, not yet validated
     * @param constants names the constants that hold the parts of the catalog, for messages
     */
    public record Loaded(String className, Catalog catalog, CatalogConstants constants) {}

    private CatalogDefinition instantiate(Class<? extends CatalogDefinition> type) {
        String name = type.getName();
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new CatalogLoadException(
                    "Catalog class " + name + " is abstract; name a concrete class that implements CatalogDefinition.",
                    null);
        }
        Constructor<? extends CatalogDefinition> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new CatalogLoadException(
                    "Catalog class " + name + " has no no-argument constructor; add 'public " + type.getSimpleName()
                            + "() {}'.",
                    e);
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new CatalogLoadException(
                    "Creating catalog class " + name + " threw "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    cause);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CatalogLoadException(
                    "The static initialiser of catalog class " + name + " threw "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                            + " (look at its static feature and product constants).",
                    cause);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new CatalogLoadException(
                    "Catalog class " + name + " could not be created: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    private String discover(ClassLoader loader, String parameterHint) {
        List<String> found = new ArrayList<>();
        for (Path directory : searchDirectories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    String relative = directory.relativize(file).toString().replace('\\', '/');
                    if (relative.contains("$") || relative.endsWith("module-info.class")) {
                        continue;
                    }
                    String candidate = relative.substring(0, relative.length() - ".class".length())
                            .replace('/', '.');
                    if (isCatalogDefinition(loader, candidate)) {
                        found.add(candidate);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not scan " + directory + " for a catalog class", e);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new CatalogLoadException(
                    "No catalog class found: no class in " + describe(searchDirectories) + " implements "
                            + CatalogDefinition.class.getName() + ". Add one, or name it with " + parameterHint + ".",
                    null);
        }
        found.sort(null);
        throw new CatalogLoadException(
                "Several catalog classes found: " + found + ". Name the one to use with " + parameterHint + ".", null);
    }

    private static boolean isCatalogDefinition(ClassLoader loader, String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            return CatalogDefinition.class.isAssignableFrom(type)
                    && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private ClassLoader classLoader() {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Bad classpath entry " + classpath.get(i), e);
            }
        }
        // The DSL classes come from the plugin's own loader, so CatalogDefinition is one type on both sides.
        return new URLClassLoader(urls, CatalogDefinition.class.getClassLoader());
    }

    private static String describe(List<Path> paths) {
        if (paths.isEmpty()) {
            return "no directories";
        }
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
