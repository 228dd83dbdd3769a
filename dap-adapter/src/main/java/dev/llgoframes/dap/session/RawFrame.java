package dev.llgoframes.dap.session;

/** A frame as the backend unwound it. {@code backendName} is never shown for code in the executable. */
public record RawFrame(int level, long pc, String backendName, boolean signalTrampoline) {}
