package dev.llgoframes.core.resolve;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeSortTest {
    @Test
    void sortsUnsignedAndKeepsTheLastOfEachRun() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(200);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = r.nextInt(40) - 5;   // negatives are huge unsigned values
            }
            int[] order = RuntimeSort.sortedOrder(keys);
            for (int i = 1; i < n; i++) {
                assertTrue(Long.compareUnsigned(keys[order[i - 1]], keys[order[i]]) <= 0);
            }
            int[] kept = RuntimeSort.keepLastOfRuns(order, keys);
            for (int i = 1; i < kept.length; i++) {
                assertTrue(Long.compareUnsigned(keys[kept[i - 1]], keys[kept[i]]) < 0);
            }
        }
    }

    @Test
    void tieOrderIsTheQuicksortsNotAStableSorts() {
        // 40 equal keys among others: a stable sort would keep index 39 last; the runtime's
        // partitioning swaps equal elements, so which one survives is the algorithm's.
        long[] keys = new long[60];
        for (int i = 0; i < 60; i++) {
            keys[i] = i < 40 ? 5 : 100 + i;
        }
        int[] kept = RuntimeSort.keepLastOfRuns(RuntimeSort.sortedOrder(keys), keys);
        int survivor = -1;
        for (int k : kept) {
            if (keys[k] == 5) {
                survivor = k;
            }
        }
        assertEquals(21, kept.length);
        // Hand-traced through Appendix B's partition steps.
        assertEquals(expectedSurvivor(keys), survivor);
    }

    /** Independent transcription of Appendix B over a value array (not indexes). */
    private static int expectedSurvivor(long[] keys) {
        long[][] a = new long[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            a[i] = new long[] {keys[i], i};
        }
        sort(a, 0, a.length - 1);
        int last = -1;
        for (long[] e : a) {
            if (e[0] == 5) {
                last = (int) e[1];
            }
        }
        return last;
    }

    private static void sort(long[][] a, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (a[mid][0] < a[lo][0]) { long[] t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
            if (a[hi][0] < a[mid][0]) { long[] t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
            if (a[mid][0] < a[lo][0]) { long[] t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
            long pivot = a[mid][0];
            int i = lo, j = hi;
            while (true) {
                while (a[i][0] < pivot) i++;
                while (a[j][0] > pivot) j--;
                if (i >= j) break;
                long[] t = a[i]; a[i] = a[j]; a[j] = t;
                i++; j--;
            }
            if (j - lo < hi - i) { sort(a, lo, j); lo = i; } else { sort(a, i, hi); hi = j; }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long[] x = a[i];
            int j = i - 1;
            while (j >= lo && a[j][0] > x[0]) { a[j + 1] = a[j]; j--; }
            a[j + 1] = x;
        }
    }
}
