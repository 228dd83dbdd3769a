package dev.llgoframes.core.resolve;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.FuncRecord;
import dev.llgoframes.core.funcinfo.Site;
import dev.llgoframes.core.prebuilt.PrebuiltFuncTab;

import java.util.List;

/**
 * The runtime's function table FT (§6.1): PREBUILT (adopted LLGOFTB1 blob), FIRST_USE (built
 * from entry sites, or from dlsym per record), or NONE. Lookup is "nearest below, no upper
 * bound" (§6.2).
 */
public final class FunctionTable {
    public enum Mode { NONE, PREBUILT, FIRST_USE }

    /** How FIRST_USE rows were obtained (the runtime's "entries=" report). */
    public enum EntrySource { PREBUILT, SITES, DLSYM, NONE }

    private static final long FIRST_USE_SLACK = 1L << 20;

    private final Mode mode;
    private final EntrySource entrySource;
    private final PrebuiltFuncTab blob;
    private final long[] entries;      // FIRST_USE: sorted absolute entries
    private final int[] funcs;
    private final long[] entryMin;     // index k (1-based); 0 = none

    private FunctionTable(Mode mode, EntrySource source, PrebuiltFuncTab blob, long[] entries, int[] funcs, long[] entryMin) {
        this.mode = mode;
        this.entrySource = source;
        this.blob = blob;
        this.entries = entries;
        this.funcs = funcs;
        this.entryMin = entryMin;
    }

    public static FunctionTable none() {
        return new FunctionTable(Mode.NONE, EntrySource.NONE, null, new long[0], new int[0], new long[0]);
    }

    public static FunctionTable prebuilt(PrebuiltFuncTab blob, int recordCount) {
        long[] min = new long[recordCount + 1];
        for (int i = 0; i < blob.rowCount(); i++) {
            int k = blob.funcIndexes()[i];
            if (k >= 1 && k <= recordCount) {
                long e = blob.entry(i);
                if (min[k] == 0 || Long.compareUnsigned(e, min[k]) < 0) {
                    min[k] = e;
                }
            }
        }
        return new FunctionTable(Mode.PREBUILT, EntrySource.PREBUILT, blob, new long[0], new int[0], min);
    }

    /**
     * FIRST_USE construction from raw entry sites (section order), falling back to dlsym per
     * record when no site could be used.
     */
    public static FunctionTable firstUse(FuncInfoTables tables, List<Site> entrySites, boolean boundsUsable,
                                         DynamicSymbols dyn) {
        int n = tables.recordCount();
        if (n == 0 || n > (1 << 20)) {
            return none();
        }
        long[] min = new long[n + 1];
        long[] keys = new long[0];
        int[] ks = new int[0];
        int used = 0;
        if (boundsUsable && !entrySites.isEmpty() && entrySites.size() <= 16L * n && entrySites.size() <= (1 << 20)) {
            keys = new long[entrySites.size()];
            ks = new int[entrySites.size()];
            for (Site s : entrySites) {
                if (!s.isLive()) {
                    continue;
                }
                int k = tables.symbolIndexLookup(s.id());
                if (k == 0 || k > n) {
                    continue;
                }
                keys[used] = s.pc();
                ks[used] = k;
                used++;
                if (min[k] == 0 || Long.compareUnsigned(s.pc(), min[k]) < 0) {
                    min[k] = s.pc();
                }
            }
        }
        EntrySource source = EntrySource.SITES;
        if (used == 0) {
            source = EntrySource.DLSYM;
            keys = new long[n];
            ks = new int[n];
            for (FuncRecord r : tables.records()) {
                long pc = dyn.dlsym(r.symbol());
                if (pc == 0) {
                    continue;
                }
                keys[used] = pc;
                ks[used] = r.index();
                used++;
                if (min[r.index()] == 0 || Long.compareUnsigned(pc, min[r.index()]) < 0) {
                    min[r.index()] = pc;
                }
            }
        }
        long[] k2 = java.util.Arrays.copyOf(keys, used);
        int[] order = RuntimeSort.keepLastOfRuns(RuntimeSort.sortedOrder(k2), k2);
        long[] e = new long[order.length];
        int[] f = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            e[i] = k2[order[i]];
            f[i] = ks[order[i]];
        }
        return new FunctionTable(Mode.FIRST_USE, source, null, e, f, min);
    }

    public Mode mode() { return mode; }

    public EntrySource entrySource() { return entrySource; }

    public int rowCount() {
        return mode == Mode.PREBUILT ? blob.rowCount() : entries.length;
    }

    public long rowEntry(int i) {
        return mode == Mode.PREBUILT ? blob.entry(i) : entries[i];
    }

    public int rowFunc(int i) {
        return mode == Mode.PREBUILT ? blob.funcIndexes()[i] : funcs[i];
    }

    /** Row index of the function containing pc (nearest below), or -1. */
    public int lookup(long pc) {
        if (mode == Mode.PREBUILT) {
            if (Long.compareUnsigned(pc, blob.base()) < 0) {
                return -1;
            }
            long off = (pc - blob.base()) & 0xFFFFFFFFL;  // the runtime truncates to 32 bits
            return UnsignedSearch.lastAtOrBelow(blob.entryOffsets(), off);
        }
        if (mode == Mode.FIRST_USE) {
            return UnsignedSearch.lastAtOrBelow(entries, pc);
        }
        return -1;
    }

    /** The runtime's text bound (§6.1). */
    public boolean inText(long pc) {
        if (mode == Mode.PREBUILT) {
            return blob.inText(pc);
        }
        if (mode == Mode.FIRST_USE && entries.length > 0) {
            return Long.compareUnsigned(pc, entries[0]) >= 0
                    && Long.compareUnsigned(pc, entries[entries.length - 1] + FIRST_USE_SLACK) < 0;
        }
        return false;
    }

    /** entryOf(k) (§6.1); 0 when the function has no row. */
    public long entryOf(int k) {
        return k >= 1 && k < entryMin.length ? entryMin[k] : 0;
    }

    /** PREBUILT only: row whose entry equals pc exactly, or -1 (FuncForPC shortcut). */
    public int exactPrebuiltRow(long pc) {
        if (mode != Mode.PREBUILT) {
            return -1;
        }
        int i = lookup(pc);
        return i >= 0 && blob.entry(i) == pc ? i : -1;
    }

    /** FIRST_USE only: first row with entry >= pc (FuncForPC's 64-byte slack rule), or -1. */
    public int firstRowAtOrAbove(long pc) {
        int i = UnsignedSearch.firstAtOrAbove(entries, pc);
        return i < entries.length ? i : -1;
    }

    public PrebuiltFuncTab blob() { return blob; }
}
