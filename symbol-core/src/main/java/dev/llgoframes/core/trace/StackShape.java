package dev.llgoframes.core.trace;

/** Which LLGo printer produced a frame list; decides the pc rules and what gc would show. */
public enum StackShape {
    /** §9.2: {@code name(...)}, leading runtime frames already hidden, tail {@code runtime.main}/{@code goexit}. */
    PANIC_TRACEBACK,
    /** §9.3: starts at the faulting instruction (frame 0 pc = fault pc + 1). */
    FAULT_TRACEBACK,
    /** §9.5: {@code runtime.Stack}/{@code debug.Stack}, starts with {@code runtime.Callers()}. */
    STACK_DUMP,
    /** §9.4: clite fallback dump. */
    CLITE_DUMP
}
