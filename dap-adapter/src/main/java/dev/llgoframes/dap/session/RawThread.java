package dev.llgoframes.dap.session;

/** A thread as the backend lists it. */
public record RawThread(int id, String targetId, String name) {}
