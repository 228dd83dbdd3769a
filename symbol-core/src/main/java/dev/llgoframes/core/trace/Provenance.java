package dev.llgoframes.core.trace;

/** Where a view frame's function, file and line came from. */
public enum Provenance {
    /** Only the traceback text. */
    TEXT,
    /** LLGo's funcinfo tables (embedded blob or sidecar). */
    TABLES,
    /** ELF/Mach-O symbol table (C functions, wrappers without records). */
    SYMTAB,
    DWARF,
    /** A live panic/fault snapshot read from the process. */
    SNAPSHOT,
    /** Made up by the gc view to mirror gc (e.g. {@code panic}, {@code runtime.sigpanic}). */
    INFERRED
}
