package dev.llgoframes.core.dwarf;

import java.util.List;

/**
 * The fixed part and the tables of one line program header. Positions are relative to the
 * start of the unit (its unit_length field), so {@code programStart} and {@code unitEnd}
 * bound the opcode stream.
 */
record LineHeader(
        long unitOffset,
        int version,
        int offsetSize,
        int addressSize,          // 0 when the header does not say (DWARF 2-4)
        int minInstLength,
        int maxOpsPerInst,
        boolean defaultIsStmt,
        int lineBase,
        int lineRange,
        int opcodeBase,
        int[] standardOpcodeLengths,   // index i holds the argument count of opcode i + 1
        List<String> directories,
        List<FileEntry> files,
        long programStart,
        long unitEnd) {}
