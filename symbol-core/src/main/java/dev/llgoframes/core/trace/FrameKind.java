package dev.llgoframes.core.trace;

/** What a view frame stands for. */
public enum FrameKind {
    /** Go code (user or library). */
    GO,
    /** C code (LLGo-compiled C, libc, crt). */
    C,
    /** Go runtime or LLGo runtime machinery. */
    RUNTIME,
    /** gc's {@code panic(...)} frame ({@code runtime.gopanic}), or LLGo's stand-in for it. */
    PANIC
}
