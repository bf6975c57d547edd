package dev.autumncatalog.maven;

import dev.autumncatalog.engine.CatalogSource;
import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.load.CatalogLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Base of the goals that load the project's own catalog class: parameters, and the Maven words of load failures. */
abstract class AbstractCatalogMojo extends AbstractMojo {
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

    /** The module's catalog class: named, or the only one in its compiled classes. */
    CatalogSource catalogSource() throws MojoExecutionException {
        return CatalogSource.classes(ProjectClasspath.compile(project), List.of(classes()), catalogClass);
    }

    /** A catalog class that could not be loaded, with how to compile it first when the classes are missing. */
    MojoFailureException loadFailure(CatalogLoadException e) {
        String compileHint = Files.isDirectory(classes())
                ? ""
                : "\n" + classes() + " does not exist: compile first, for example 'mvn compile autumn:" + goalName()
                        + "'.";
        return new MojoFailureException(e.getMessage() + compileHint, e);
    }

    /** An invalid catalog: every problem, and which class to fix. */
    static MojoFailureException invalid(InvalidCatalogException e) {
        // No cause: Maven would print the cause's own wording of the problems a second time.
        return new MojoFailureException(e.getMessage() + "\nFix these in " + e.className() + " and run again.");
    }

    private Path classes() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    /** The goal name, for messages: {@code push}. */
    abstract String goalName();
}
