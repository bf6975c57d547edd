package dev.autumncatalog.engine.pull;

import java.nio.file.Path;
import java.util.List;

/** A pull would have replaced code it did not write, or written into a source directory unasked; nothing was written. */
public final class PullRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the pull stopped. */
    public enum Reason {
        /** The output directory is a source directory and overwriting was not asked for. */
        SOURCE_DIRECTORY,
        /** A file to replace was not written by a pull. */
        NOT_PULLED,
        /** A file to replace was edited since it was pulled. */
        EDITED
    }

    private final Reason reason;
    private final transient List<Path> files;

    /** A refusal naming the files (or the directory) and the switch that allows it. */
    public PullRefusedException(Reason reason, List<Path> files, String message) {
        super(message);
        this.reason = reason;
        this.files = List.copyOf(files);
    }

    /** Why the pull stopped. */
    public Reason reason() {
        return reason;
    }

    /** The files that would have been replaced, or the output directory for {@link Reason#SOURCE_DIRECTORY}. */
    public List<Path> files() {
        return files;
    }
}
