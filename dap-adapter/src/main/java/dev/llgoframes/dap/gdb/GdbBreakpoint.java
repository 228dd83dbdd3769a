package dev.llgoframes.dap.gdb;

/** A breakpoint gdb created: its number and the address it resolved to (0 when pending/unknown). */
public record GdbBreakpoint(int number, long address) {}
