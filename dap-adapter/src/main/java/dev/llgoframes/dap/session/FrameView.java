package dev.llgoframes.dap.session;

/**
 * A frame handed to the client: its id for scopes/evaluate, the entry and its description.
 * {@code code} is the disassembly shown instead of source when the core knows no file:line.
 */
public record FrameView(int id, int threadId, StackEntry entry, FrameDescription description, CodeLocation code) {
    /** A line of a disassembly listing (a DAP source reference). */
    public record CodeLocation(int reference, String title, int line) {}
}
