package dev.llgoframes.dap.gdb;

import java.util.List;

/**
 * {@code -exec-*} commands. They answer {@code ^running} at once; the stop arrives later as
 * {@code *stopped} on the listener.
 */
public final class MiExec {
    private final MiClient mi;

    public MiExec(MiClient mi) {
        this.mi = mi;
    }

    /**
     * Sets the inferior's arguments. Without a startup shell gdb splits them on whitespace
     * only, with no quoting, so arguments containing whitespace cannot be passed faithfully.
     */
    public void arguments(List<String> args) {
        for (String a : args) {
            if (a.isEmpty() || a.chars().anyMatch(Character::isWhitespace)) {
                throw new GdbException("argument '" + a + "' is empty or contains whitespace: gdb without a startup shell"
                        + " splits arguments on whitespace and cannot pass it");
            }
        }
        mi.call("-exec-arguments " + String.join(" ", args));
    }

    /** Runs to the first instruction, so the image is mapped before breakpoints go in. */
    public void startAtFirstInstruction() {
        mi.call("-interpreter-exec console starti");
    }

    public void continueAll() {
        mi.call("-exec-continue");
    }

    public void stepInstruction(int threadId) {
        mi.call("-exec-step-instruction --thread " + threadId);
    }

    public void nextInstruction(int threadId) {
        mi.call("-exec-next-instruction --thread " + threadId);
    }

    public void finish(int threadId, int frameLevel) {
        mi.call("-exec-finish --thread " + threadId + " --frame " + frameLevel);
    }

    public void interrupt() {
        mi.call("-exec-interrupt");
    }
}
