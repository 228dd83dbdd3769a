package dev.llgoframes.dap.session;

/**
 * A stop as the backend reports it, before the session interprets it. {@code breakpoint} is
 * the backend's number for breakpoint hits; {@code exitCode} is set for exits.
 */
public record RawStop(Kind kind, int threadId, Integer breakpoint, String signalName, String signalMeaning,
                      long pc, Integer exitCode) {
    public enum Kind { BREAKPOINT, STEP_DONE, FUNCTION_FINISHED, SIGNAL, EXITED, EXITED_SIGNALLED, OTHER }

    public boolean isExit() {
        return kind == Kind.EXITED || kind == Kind.EXITED_SIGNALLED;
    }
}
