package dev.llgoframes.core.resolve;

/**
 * LLGo's in-place hybrid quicksort (Appendix B), ported operation for operation so that ties
 * between equal keys end in the same order as in the runtime. Sorts a permutation of indexes
 * by unsigned key.
 */
public final class RuntimeSort {
    private RuntimeSort() {}

    public static int[] sortedOrder(long[] keys) {
        int[] a = new int[keys.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        if (a.length > 1) {
            sort(a, keys, 0, a.length - 1);
        }
        return a;
    }

    private static boolean less(long x, long y) {
        return Long.compareUnsigned(x, y) < 0;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void sort(int[] a, long[] k, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (less(k[a[mid]], k[a[lo]])) {
                swap(a, mid, lo);
            }
            if (less(k[a[hi]], k[a[mid]])) {
                swap(a, hi, mid);
            }
            if (less(k[a[mid]], k[a[lo]])) {
                swap(a, mid, lo);
            }
            long pivot = k[a[mid]];
            int i = lo;
            int j = hi;
            while (true) {
                while (less(k[a[i]], pivot)) {
                    i++;
                }
                while (less(pivot, k[a[j]])) {
                    j--;
                }
                if (i >= j) {
                    break;
                }
                swap(a, i, j);
                i++;
                j--;
            }
            if (j - lo < hi - i) {
                sort(a, k, lo, j);
                lo = i;
            } else {
                sort(a, k, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= lo && less(k[x], k[a[j]])) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Of each run of equal keys in sorted order, keeps the LAST element (the runtime's dedupe). */
    public static int[] keepLastOfRuns(int[] order, long[] keys) {
        int[] out = new int[order.length];
        int n = 0;
        for (int i = 0; i < order.length; i++) {
            if (i + 1 < order.length && keys[order[i + 1]] == keys[order[i]]) {
                continue;
            }
            out[n++] = order[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
