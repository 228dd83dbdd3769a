package dev.llgoframes.dap.gdb;

/** Anything that went wrong talking to gdb. Unchecked so futures can carry it. */
public class GdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GdbException(String message) {
        super(message);
    }

    public GdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
