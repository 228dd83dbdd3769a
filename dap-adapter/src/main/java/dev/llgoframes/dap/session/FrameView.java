package dev.llgoframes.dap.session;

/** A frame handed to the client: its id for scopes/evaluate, the entry and its description. */
public record FrameView(int id, int threadId, StackEntry entry, FrameDescription description) {}
