package dev.llgoframes.core.dwarf;

import java.util.Arrays;

/**
 * Collects rows into parallel primitive arrays (about 21 bytes a row) and records where each
 * finished sequence starts and ends. Rows of a sequence that never reaches end_sequence are
 * dropped by {@link #dropOpenSequence()}; a whole unit can be rolled back with {@link #mark()}.
 */
final class LineRowsBuilder {
    static final byte STMT = 1;
    static final byte END = 2;

    long[] address = new long[256];
    int[] file = new int[256];
    int[] line = new int[256];
    int[] column = new int[256];
    byte[] flags = new byte[256];
    int size;

    int[] seqFirst = new int[16];   // first row of each finished sequence
    int[] seqEnd = new int[16];     // its end_sequence row
    int seqCount;

    private int openStart;   // first row of the sequence being built

    /** Appends a row; returns false if its address is below the previous row of the sequence. */
    boolean add(long addr, int fileId, int ln, int col, boolean isStmt, boolean endSequence) {
        if (size > openStart && Long.compareUnsigned(addr, address[size - 1]) < 0) {
            return false;
        }
        if (size == address.length) {
            grow();
        }
        address[size] = addr;
        file[size] = fileId;
        line[size] = ln;
        column[size] = col;
        flags[size] = (byte) ((isStmt ? STMT : 0) | (endSequence ? END : 0));
        size++;
        if (endSequence) {
            if (seqCount == seqFirst.length) {
                seqFirst = Arrays.copyOf(seqFirst, seqCount * 2);
                seqEnd = Arrays.copyOf(seqEnd, seqCount * 2);
            }
            seqFirst[seqCount] = openStart;
            seqEnd[seqCount] = size - 1;
            seqCount++;
            openStart = size;
        }
        return true;
    }

    /** Number of rows in the unfinished sequence, which are then discarded. */
    int dropOpenSequence() {
        int dropped = size - openStart;
        size = openStart;
        return dropped;
    }

    long mark() { return ((long) size << 32) | seqCount; }

    void rollback(long mark) {
        size = (int) (mark >>> 32);
        seqCount = (int) mark;
        openStart = size;
    }

    private void grow() {
        // Rows cost at least one opcode byte each, so this stays proportional to the input.
        int n = (int) Math.min(Integer.MAX_VALUE - 8, size + (long) (size >> 1));
        address = Arrays.copyOf(address, n);
        file = Arrays.copyOf(file, n);
        line = Arrays.copyOf(line, n);
        column = Arrays.copyOf(column, n);
        flags = Arrays.copyOf(flags, n);
    }
}
