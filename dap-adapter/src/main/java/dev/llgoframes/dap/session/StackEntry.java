package dev.llgoframes.dap.session;

/**
 * One frame of a thread's stack as the session presents it. {@code backendLevel} is the
 * backend's frame number, or -1 for a frame the backend did not find (recovered by the
 * session); {@code returnAddress} says whether pc is a return address (symbolized at pc-1).
 */
public record StackEntry(int backendLevel, long pc, boolean returnAddress, String backendName, String origin) {
    public static final String FROM_BACKEND = "backend";

    public boolean recovered() { return backendLevel < 0; }
}
