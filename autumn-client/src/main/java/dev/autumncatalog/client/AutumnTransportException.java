package dev.autumncatalog.client;

/**
 * No answer came: the connection failed, was reset, or the thread was interrupted. The request may or may not have
 * reached Autumn. {@link #status()} is 0; the cause is the I/O failure.
 */
public class AutumnTransportException extends AutumnException {
    private static final long serialVersionUID = 1L;

    AutumnTransportException(String attempted, String route, String detail, String hint, Throwable cause) {
        super(attempted, route, 0, null, detail, hint, cause);
    }
}
