package dev.autumncatalog.engine;

import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.engine.text.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A saved plan was not applied because the world moved since it was made: Autumn's catalog, the customers behind its
 * versioning or removal decisions, or the catalog itself, so the plan a push would apply now is not the one that was
 * reviewed. Nothing was changed. {@link #differences()} says what moved, one line each.
 */
public final class StalePlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> differences;

    /**
     * @param file the saved plan
     * @param differences what changed since it was made, one line each, not empty
     * @param frontEnd names the command that makes a new plan
     */
    public StalePlanException(Path file, List<String> differences, FrontEnd frontEnd) {
        super(message(file, differences, frontEnd));
        this.differences = List.copyOf(differences);
    }

    /** What changed since the plan was made, one line each. */
    public List<String> differences() {
        return differences;
    }

    private static String message(Path file, List<String> differences, FrontEnd frontEnd) {
        Objects.requireNonNull(file, "file");
        StringBuilder text = new StringBuilder("The saved plan ")
                .append(file)
                .append(" was not applied: it no longer describes what a push would do; nothing was changed in"
                        + " Autumn.");
        for (String difference : differences) {
            text.append("\n  ").append(difference);
        }
        return text.append("\nRun '")
                .append(frontEnd.command(Operation.PLAN))
                .append("' again, review the new plan, and apply that one.")
                .toString();
    }
}
