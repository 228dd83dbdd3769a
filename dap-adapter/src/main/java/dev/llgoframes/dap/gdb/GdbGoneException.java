package dev.llgoframes.dap.gdb;

/** gdb exited or closed its MI stream while a command was pending. */
public final class GdbGoneException extends GdbException {
    private static final long serialVersionUID = 1L;

    public GdbGoneException(String message) {
        super(message);
    }
}
