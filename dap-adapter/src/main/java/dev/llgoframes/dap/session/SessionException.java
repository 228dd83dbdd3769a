package dev.llgoframes.dap.session;

/** A request the session cannot honour in its current state; the message is for the user. */
public final class SessionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }
}
