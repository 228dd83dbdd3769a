package dev.llgoframes.dap.gdb;

import java.time.Duration;

/** gdb did not answer a command in time. The command may still complete later; its answer is dropped. */
public final class MiTimeoutException extends GdbException {
    private static final long serialVersionUID = 1L;

    public MiTimeoutException(String command, Duration timeout) {
        super("gdb did not answer '" + command + "' within " + timeout.toMillis() + " ms");
    }
}
