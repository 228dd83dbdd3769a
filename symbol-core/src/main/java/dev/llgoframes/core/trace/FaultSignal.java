package dev.llgoframes.core.trace;

/**
 * The signal behind a fault panic, told by its message (LLGo's {@code PanicSignal}, §8.6: SIGFPE →
 * integer divide by zero, anything else → nil dereference).
 */
public record FaultSignal(String name, String description) {
    public static final String NIL_DEREF = "invalid memory address or nil pointer dereference";
    public static final String DIVIDE = "integer divide by zero";

    /** Null when the text names no hardware fault. */
    public static FaultSignal of(String text) {
        if (text == null) return null;
        if (text.contains(NIL_DEREF)) return new FaultSignal("SIGSEGV", "segmentation violation");
        if (text.contains(DIVIDE)) return new FaultSignal("SIGFPE", "floating-point exception");
        return null;
    }
}
