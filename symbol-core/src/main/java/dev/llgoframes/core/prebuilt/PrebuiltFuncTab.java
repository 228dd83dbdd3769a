package dev.llgoframes.core.prebuilt;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

/**
 * The post-link {@code LLGOFTB1} function table (§4.3): a base address, sorted entry offsets
 * with funcIndexes, a sentinel at the text end, and uint16 find buckets.
 */
public record PrebuiltFuncTab(long linkAddress, long base, int[] entryOffsets, int[] funcIndexes,
                              long sentinelOffset, int bucketCount, long need) {
    public static final long MAGIC = 0x314254464F474C4CL;      // "LLGOFTB1"
    public static final long REDIRECT_MAGIC = 0x324254464F474C4CL;  // "LLGOFTB2", historical (§4.7)
    public static final int HEADER = 32;

    /** Why the runtime would not adopt a blob (§4.3). */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String why) {
            super(why);
        }
    }

    public static boolean hasMagic(ByteSlice carrier) throws BinaryFormatException {
        return carrier.length() >= 8 && carrier.u64(0) == MAGIC;
    }

    /**
     * Parses a blob at the start of {@code carrier}. {@code available} is end − start of the
     * carrier as the runtime sees it (the bounds globals), {@code base} the decoded base slot,
     * {@code recordCount} N for the {@code count ≤ 16·N + 1} rule.
     */
    public static PrebuiltFuncTab parse(ByteSlice carrier, long available, long base, long recordCount)
            throws BinaryFormatException, Rejected {
        if (available < HEADER || carrier.length() < HEADER) {
            throw new Rejected("carrier of " + available + " bytes is shorter than the 32-byte header");
        }
        if (carrier.u64(0) != MAGIC) {
            throw new Rejected("no LLGOFTB1 magic");
        }
        long link = carrier.u64(8);
        long count = carrier.u32(24);
        long buckets = carrier.u32(28);
        if (count < 2) {
            throw new Rejected("row count " + count + " < 2");
        }
        long need = HEADER + 8 * count + 36 * buckets;
        if (need > available) {
            throw new Rejected("blob needs " + need + " bytes but the carrier has " + available);
        }
        if (count > 16 * recordCount + 1) {
            throw new Rejected("row count " + count + " exceeds 16·N+1 for N=" + recordCount);
        }
        if (need > carrier.length()) {
            throw carrier.error(0, "blob of " + need + " bytes runs past the " + carrier.length() + " readable bytes of the carrier");
        }
        int rows = (int) count - 1;
        int[] offs = new int[rows];
        int[] funcs = new int[rows];
        for (int i = 0; i < rows; i++) {
            offs[i] = carrier.i32(HEADER + 8L * i);
            funcs[i] = carrier.i32(HEADER + 8L * i + 4);
        }
        long sentinel = carrier.u32(HEADER + 8L * rows);
        return new PrebuiltFuncTab(link, base, offs, funcs, sentinel, (int) buckets, need);
    }

    public int rowCount() { return entryOffsets.length; }

    public long entry(int row) { return base + Integer.toUnsignedLong(entryOffsets[row]); }

    /** Text bound of PREBUILT mode: [base, base + sentinel). */
    public boolean inText(long pc) {
        return Long.compareUnsigned(pc, base) >= 0 && Long.compareUnsigned(pc - base, sentinelOffset) < 0;
    }

    /** True if the entry offsets strictly increase, as the writer guarantees. */
    public boolean offsetsIncreasing() {
        for (int i = 1; i < entryOffsets.length; i++) {
            if (Integer.compareUnsigned(entryOffsets[i - 1], entryOffsets[i]) >= 0) {
                return false;
            }
        }
        return true;
    }
}
