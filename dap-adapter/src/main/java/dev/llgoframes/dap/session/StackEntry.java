package dev.llgoframes.dap.session;

/**
 * One frame of a thread's stack as the session presents it. {@code backendLevel} is the
 * backend's frame number, or -1 for a frame the backend did not find (recovered by the
 * session, or taken from LLGo's panic snapshot); {@code returnAddress} says whether pc is a
 * return address (symbolized at pc-1). {@code role} marks the frames gc shows for a panic.
 */
public record StackEntry(int backendLevel, long pc, boolean returnAddress, String backendName, String origin, Role role) {
    public static final String FROM_BACKEND = "backend";
    public static final String FROM_SNAPSHOT = "LLGo's panic-site snapshot (g.panicPCs)";

    /** gc's panic frames: {@code panic} (where LLGo has its runtime machinery) and {@code runtime.sigpanic}. */
    public enum Role { FRAME, PANIC, SIGPANIC }

    public StackEntry(int backendLevel, long pc, boolean returnAddress, String backendName, String origin) {
        this(backendLevel, pc, returnAddress, backendName, origin, Role.FRAME);
    }

    public boolean recovered() { return backendLevel < 0; }

    public StackEntry withRole(Role r) {
        return new StackEntry(backendLevel, pc, returnAddress, backendName, origin, r);
    }
}
