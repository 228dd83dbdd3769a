package dev.llgoframes.dap.gdb;

/** A frame as gdb unwound it: level, pc and gdb's own name (never shown for Go code). */
public record GdbFrame(int level, long pc, String gdbFunction, String from) {
    /** gdb's marker for the frame of a signal handler's trampoline. */
    public boolean isSignalTrampoline() {
        return "<signal handler called>".equals(gdbFunction);
    }
}
