package dev.llgoframes.dap.session;

/**
 * What a client breakpoint asks for besides its place: a gdb condition (evaluated by gdb), a
 * hit condition (counted by the session) and a log message (a logpoint never stops).
 */
public record BreakpointOptions(String condition, String hitCondition, String logMessage) {
    public static final BreakpointOptions NONE = new BreakpointOptions(null, null, null);

    public boolean isLogpoint() {
        return logMessage != null && !logMessage.isEmpty();
    }
}
