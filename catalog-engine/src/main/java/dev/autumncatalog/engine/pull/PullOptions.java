package dev.autumncatalog.engine.pull;

import dev.autumncatalog.engine.codegen.JavaNames;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * What the pulled source looks like.
 *
 * <pre>{@code
 * PullOptions options = PullOptions.of("com.example.pricing").className("Pricing").includeArchived(true);
 * }</pre>
 *
 * @param packageName the package of the pulled class, such as {@code com.example.pricing}
 * @param className the simple name of the pulled class, {@value #DEFAULT_CLASS_NAME} by default
 * @param includeArchived whether features and plans archived on Autumn are pulled too (marked as archived in a
 *     comment); {@code false} by default
 */
public record PullOptions(String packageName, String className, boolean includeArchived) {
    /** The class name used unless another is chosen. */
    public static final String DEFAULT_CLASS_NAME = "PulledCatalog";

    /** Checks that the package and class names are legal Java names. */
    public PullOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        JavaNames.requirePackageName(packageName);
        if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
            throw new IllegalArgumentException(
                    "class name must be a legal Java class name such as 'PulledCatalog', was '" + className + "'");
        }
    }

    /** Pulls into {@code packageName}, class {@value #DEFAULT_CLASS_NAME}, without archived entities. */
    public static PullOptions of(String packageName) {
        return new PullOptions(packageName, DEFAULT_CLASS_NAME, false);
    }

    /** The same options with another class name. */
    public PullOptions className(String name) {
        return new PullOptions(packageName, name, includeArchived);
    }

    /** The same options, pulling archived features and plans too, or not. */
    public PullOptions includeArchived(boolean include) {
        return new PullOptions(packageName, className, include);
    }
}
