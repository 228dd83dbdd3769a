package dev.llgoframes.dap.session;

import java.util.List;

/** A stop as the user should see it; reason uses DAP's vocabulary (breakpoint, step, exception, pause, entry, function breakpoint). */
public record StopEvent(String reason, int threadId, String description, String text, List<Integer> hitBreakpointIds) {}
