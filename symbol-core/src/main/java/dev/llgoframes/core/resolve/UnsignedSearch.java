package dev.llgoframes.core.resolve;

/** Binary searches over arrays sorted by unsigned 64-bit (or 32-bit) value: addresses are unsigned. */
public final class UnsignedSearch {
    private UnsignedSearch() {}

    /** Index of the last element ≤ x in keys[0, n), or −1. */
    public static int lastAtOrBelow(long[] keys, int n, long x) {
        int lo = 0;
        int hi = n - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(keys[mid], x) <= 0) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    public static int lastAtOrBelow(long[] keys, long x) {
        return lastAtOrBelow(keys, keys.length, x);
    }

    /** Same for u32 values stored in ints. */
    public static int lastAtOrBelow(int[] keys, long x) {
        int lo = 0;
        int hi = keys.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.toUnsignedLong(keys[mid]) <= x) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** Index of the first element ≥ x, or keys.length. */
    public static int firstAtOrAbove(long[] keys, long x) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(keys[mid], x) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
