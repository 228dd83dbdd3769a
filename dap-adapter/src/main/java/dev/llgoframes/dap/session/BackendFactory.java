package dev.llgoframes.dap.session;

/** Starts a backend; the protocol layer wires the gdb one. */
@FunctionalInterface
public interface BackendFactory {
    Backend start(String debuggerPath, BackendEvents events);
}
