package dev.llgoframes.core.dwarf;

import java.util.Arrays;

/**
 * Finished sequences sorted by start address, for pc lookup by binary search. Sequences may
 * overlap (e.g. discarded functions left at address 0), so a running maximum of end addresses
 * lets the search walk back only as far as an earlier sequence could still cover the pc.
 * All address comparisons are unsigned.
 */
final class SequenceIndex {
    private final long[] low;
    private final long[] high;
    private final long[] maxHighSoFar;
    private final int[] firstRow;
    private final int[] endRow;

    SequenceIndex(long[] address, int[] seqFirst, int[] seqEnd, int seqCount) {
        // Sort sequence numbers by (low, high), skipping empty ones: they cover no pc.
        int n = 0;
        Integer[] order = new Integer[seqCount];
        for (int s = 0; s < seqCount; s++) {
            if (address[seqFirst[s]] != address[seqEnd[s]]) {
                order[n++] = s;
            }
        }
        Integer[] live = Arrays.copyOf(order, n);
        Arrays.sort(live, (a, b) -> {
            int c = Long.compareUnsigned(address[seqFirst[a]], address[seqFirst[b]]);
            return c != 0 ? c : Long.compareUnsigned(address[seqEnd[a]], address[seqEnd[b]]);
        });
        low = new long[n];
        high = new long[n];
        maxHighSoFar = new long[n];
        firstRow = new int[n];
        endRow = new int[n];
        long max = 0;
        for (int i = 0; i < n; i++) {
            int s = live[i];
            firstRow[i] = seqFirst[s];
            endRow[i] = seqEnd[s];
            low[i] = address[seqFirst[s]];
            high[i] = address[seqEnd[s]];
            if (i == 0 || Long.compareUnsigned(high[i], max) > 0) {
                max = high[i];
            }
            maxHighSoFar[i] = max;
        }
    }

    /** Index of the row covering pc, or -1. */
    int rowFor(long pc, long[] address) {
        int i = lastAtOrBelow(low, 0, low.length, pc);
        for (; i >= 0 && Long.compareUnsigned(maxHighSoFar[i], pc) > 0; i--) {
            if (Long.compareUnsigned(high[i], pc) > 0) {
                // The end_sequence row is above pc, so the answer is among the rows before it.
                return lastAtOrBelow(address, firstRow[i], endRow[i], pc);
            }
        }
        return -1;
    }

    int size() { return low.length; }

    /** Last index in [from, to) whose value is <= key (unsigned), or from - 1. */
    private static int lastAtOrBelow(long[] a, int from, int to, long key) {
        int lo = from;
        int hi = to;   // answer is lo - 1 once lo == hi
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(a[mid], key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
