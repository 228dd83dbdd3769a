package dev.llgoframes.core.trace;

/** The shape of a traceback block; decides how frames are re-symbolized and viewed. */
public enum TracebackKind {
    /** {@code panic: …} then goroutine stacks (LLGo §9.2 or gc). */
    PANIC,
    /** LLGo fault traceback (§9.3: {@code pc=0x…} lines), or a gc panic with a {@code [signal …]} line. */
    FAULT,
    /** Goroutine stacks without a panic line: {@code runtime.Stack}/{@code debug.Stack} output, SIGQUIT dumps. */
    STACK,
    /** LLGo's clite fallback dump (§9.4), {@code [0x… name+0x…, SP = 0x…]} lines. */
    CLITE,
    /** gc {@code fatal error: …} block. */
    FATAL,
    /** The stack sections of a {@code -race} report. */
    RACE
}
