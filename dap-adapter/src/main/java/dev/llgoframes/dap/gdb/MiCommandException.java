package dev.llgoframes.dap.gdb;

/** gdb answered a command with {@code ^error}; the message is gdb's own. */
public final class MiCommandException extends GdbException {
    private static final long serialVersionUID = 1L;
    private final String command;

    public MiCommandException(String command, String gdbMessage) {
        super(gdbMessage);
        this.command = command;
    }

    public String command() { return command; }
}
