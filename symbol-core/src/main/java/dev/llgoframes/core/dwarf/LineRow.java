package dev.llgoframes.core.dwarf;

/**
 * One row of a decoded DWARF line table. {@code address} is an unsigned 64-bit value held in a
 * long; {@code line} is the DWARF line register (0 means "no source line").
 */
public record LineRow(long address, String file, int line, int column, boolean isStmt, boolean endSequence) {}
