package dev.llgoframes.core.symbolize;

/** How an executable carries its symbolization tables (§1.2). */
public enum TableMode {
    /** Embedded tables, carrier rewritten to LLGOFTB1 by the post-link step. */
    EMBEDDED_PREBUILT,
    /** Embedded tables with raw entry sites (rewrite skipped or failed): first-use table. */
    EMBEDDED_RAW,
    /**
     * Embedded tables but no site sections (darwin DWARF builds, §1.2): the runtime's function
     * table comes from dlsym per record, and there are no statement lines.
     */
    EMBEDDED_NO_SITES,
    /** Historical LLGOFTB2 redirect header (§4.7). */
    EMBEDDED_REDIRECT,
    /** -pclntab=external: tables live in the sidecar. */
    EXTERNAL,
    /** -pclntab=none: no tables at all. */
    NONE,
    /** No LLGo sections: not an LLGo executable (symbol table only). */
    NOT_LLGO
}
