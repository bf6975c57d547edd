package dev.autumncatalog.sandbox;

/** The sandbox's state file cannot be read or written; the message names the file and what to do. */
public final class SandboxStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SandboxStateException(String message) {
        super(message);
    }

    SandboxStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
