package dev.llgoframes.dap.gdb;

/** A thread as {@code -thread-info} lists it. */
public record GdbThread(int id, String targetId, String name, String state) {}
