package dev.llgoframes.core.trace;

/** Which toolchain printed a traceback. */
public enum Dialect {
    /** LLGo's runtime (spec §9). */
    LLGO,
    /** The standard Go toolchain's runtime (Go 1.20–1.26). */
    GC
}
