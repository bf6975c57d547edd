package dev.autumncatalog.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** The project's compile classpath as paths, for {@link dev.autumncatalog.engine.load.CatalogLoader}. */
final class ProjectClasspath {
    private ProjectClasspath() {}

    /**
     * The module's own classes and every compile-scope dependency (needs {@code requiresDependencyResolution =
     * COMPILE} or wider on the Mojo).
     */
    static List<Path> compile(MavenProject project) throws MojoExecutionException {
        List<Path> paths = new ArrayList<>();
        try {
            for (String element : project.getCompileClasspathElements()) {
                paths.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException(
                    "The compile classpath of " + project.getId() + " is not resolved: " + e.getMessage(), e);
        }
        return paths;
    }
}
