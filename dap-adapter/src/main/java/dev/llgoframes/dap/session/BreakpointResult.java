package dev.llgoframes.dap.session;

/** The outcome of one requested breakpoint; line is where it really is (it may have moved). */
public record BreakpointResult(Integer id, boolean verified, Integer line, String message) {}
