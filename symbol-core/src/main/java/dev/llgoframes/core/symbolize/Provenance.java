package dev.llgoframes.core.symbolize;

/** Where an answer came from. */
public enum Provenance {
    TABLES, SYMTAB, DWARF;

    public String json() { return name().toLowerCase(); }
}
