package dev.autumncatalog.maven;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogValidationException;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.load.CatalogLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Base of the goals that load the project's own catalog class: parameters, class loading, validation. */
abstract class AbstractCatalogMojo extends AbstractMojo {
    static final String CATALOG_CLASS_HINT = "<catalogClass> (-Dautumn.catalogClass)";

    /** The Maven project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * Fully qualified name of the class implementing {@code CatalogDefinition}. Property {@code autumn.catalogClass};
     * default: the only such class compiled by this module.
     */
    @Parameter(property = "autumn.catalogClass")
    String catalogClass;

    /** Skips the goal. Property {@code autumn.skip}; default {@code false}. */
    @Parameter(property = "autumn.skip", defaultValue = "false")
    boolean skip;

    /** Loads the catalog from the project's compiled classes and validates it. */
    Catalog loadValidCatalog() throws MojoExecutionException, MojoFailureException {
        Catalog catalog = loadCatalog().catalog();
        try {
            return catalog.requireValid();
        } catch (CatalogValidationException e) {
            throw new MojoFailureException(
                    e.getMessage() + "\nFix these in " + describeSource() + " and run again.", e);
        }
    }

    /** Loads the catalog class without validating it. */
    CatalogLoader.Loaded loadCatalog() throws MojoExecutionException, MojoFailureException {
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getCompileClasspathElements()) {
                classpath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Could not resolve the compile classpath of " + project.getId(), e);
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        try {
            CatalogLoader.Loaded loaded =
                    new CatalogLoader(classpath, List.of(classes)).load(catalogClass, MavenFrontEnd.GOALS);
            loadedFrom = loaded.className();
            return loaded;
        } catch (CatalogLoadException e) {
            String compileHint = java.nio.file.Files.isDirectory(classes)
                    ? ""
                    : "\n" + classes + " does not exist: compile first, for example 'mvn compile autumn:" + goalName()
                            + "'.";
            throw new MojoFailureException(e.getMessage() + compileHint, e);
        }
    }

    private String loadedFrom;

    private String describeSource() {
        return loadedFrom != null ? loadedFrom : "the catalog class";
    }

    /** How the user names the catalog class, for messages. */
    String hint() {
        return CATALOG_CLASS_HINT;
    }

    /** The goal name, for messages: {@code push}. */
    abstract String goalName();
}
