package dev.llgoframes.core.macho;

/**
 * A decoded chain node: the slot's link-time address and the value dyld stores there before
 * the slide (a rebase target, or the bound symbol's address plus addends). An unresolved bind
 * (import outside this executable, or an ordinal past the imports table) has value 0.
 */
public record ChainedFixup(long slot, Kind kind, long value, boolean resolved, long importOrdinal) {
    public enum Kind { REBASE, BIND }
}
