package dev.autumncatalog.dsl;

import java.util.Objects;

/**
 * Where a bad value was written in the catalog's source: the first caller of the DSL outside the DSL itself.
 *
 * <pre>{@code
 * Plans.java:23   // toString()
 * }</pre>
 *
 * @param className the fully qualified class whose code made the call: {@code shop.Plans}
 * @param fileName the source file, or {@code null} when the class was compiled without it
 * @param line the line number, or a negative number when the class was compiled without line numbers
 */
public record SourceLocation(String className, String fileName, int line) {
    /** The class name is required. */
    public SourceLocation {
        Objects.requireNonNull(className, "className");
    }

    /** {@code Plans.java:23}; {@code Plans.java} without line numbers. */
    @Override
    public String toString() {
        String file = fileName;
        if (file == null) {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            int nested = simple.indexOf('$');
            file = (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
