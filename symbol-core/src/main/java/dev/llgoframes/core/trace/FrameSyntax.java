package dev.llgoframes.core.trace;

/** How a frame was written in the text. */
public enum FrameSyntax {
    /** {@code name(args)} line, usually followed by an indented location line. */
    CALL,
    /** {@code created by name [in goroutine N]} line (gc only). */
    CREATED_BY,
    /** LLGo clite dump line {@code [0x%08X name+0x%x, SP = 0x%x]} (§9.4). */
    CLITE
}
