package dev.llgoframes.core.funcinfo;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decoded funcinfo tables (§3.2–§3.6): function records, strings, hash, symbol index and
 * pcline records. Lookups follow the runtime's rules and limits exactly.
 */
public final class FuncInfoTables {
    public static final int RECORD_SIZE = 28;
    public static final int PCLINE_SIZE = 24;
    public static final int SYMBOL_INDEX_SIZE = 16;
    /** Runtime limit of function records and symbol-index entries (§3.1, §3.5). */
    public static final int MAX_RECORDS = 1 << 20;
    /** Runtime limit of pcline records, beyond which the pcline machinery is off (§3.6). */
    public static final int MAX_PCLINES = 1 << 20;

    private final List<FuncRecord> records;
    private final StringTable strings;
    private final int[] hash;           // u16 slots, empty when absent
    private final long[] indexIds;      // symbol index, empty when refused/absent
    private final int[] indexFuncs;
    private final boolean indexRefused;
    private final long[] pclineIds;
    private final PclineRecord[] pclines;

    private FuncInfoTables(List<FuncRecord> records, StringTable strings, int[] hash, long[] indexIds,
                           int[] indexFuncs, boolean indexRefused, long[] pclineIds, PclineRecord[] pclines) {
        this.records = records;
        this.strings = strings;
        this.hash = hash;
        this.indexIds = indexIds;
        this.indexFuncs = indexFuncs;
        this.indexRefused = indexRefused;
        this.pclineIds = pclineIds;
        this.pclines = pclines;
    }

    /**
     * Decodes the tables. Any slice may be null when its pointer was null; counts are the
     * values of the §3.1 count globals.
     */
    public static FuncInfoTables decode(ByteSlice recordBytes, long count, ByteSlice pool, ByteSlice offsets,
                                        long stringCount, ByteSlice hashBytes, long hashMask,
                                        ByteSlice indexBytes, long indexCount,
                                        ByteSlice pclineBytes, long pclineCount) throws BinaryFormatException {
        return decode(Layout.WIDE, recordBytes, count, pool, offsets, stringCount, hashBytes, hashMask, indexBytes,
                indexCount, pclineBytes, pclineCount);
    }

    /**
     * Record layouts: WIDE is the current 28-byte record with u32 string IDs; NARROW the
     * pre-2026-07-26 16-byte record with u16 IDs and a packed (root << 16 | name) pcline file (§4.7).
     */
    public enum Layout {
        WIDE(28), NARROW(16);

        private final int recordSize;

        Layout(int recordSize) {
            this.recordSize = recordSize;
        }

        public int recordSize() { return recordSize; }
    }

    public static FuncInfoTables decode(Layout layout, ByteSlice recordBytes, long count, ByteSlice pool, ByteSlice offsets,
                                        long stringCount, ByteSlice hashBytes, long hashMask,
                                        ByteSlice indexBytes, long indexCount,
                                        ByteSlice pclineBytes, long pclineCount) throws BinaryFormatException {
        final int RECORD_SIZE = layout.recordSize();
        if (recordBytes == null || pool == null || offsets == null || count == 0) {
            return empty();
        }
        if (count < 0 || count > MAX_RECORDS) {
            throw recordBytes.error(0, "function record count " + Long.toUnsignedString(count) + " exceeds the runtime limit of 2^20");
        }
        if (count * RECORD_SIZE > recordBytes.length()) {
            throw recordBytes.error(0, count + " function records need " + count * RECORD_SIZE + " bytes, only " + recordBytes.length() + " available");
        }
        if (stringCount < 0 || stringCount > offsets.length() / 4) {   // not stringCount * 4: it can overflow
            throw offsets.error(0, "string count " + Long.toUnsignedString(stringCount) + " does not fit in " + offsets.length() + " bytes of offsets");
        }
        StringTable strings = new StringTable(pool, offsets, (int) stringCount);
        int n = (int) count;
        List<FuncRecord> recs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long o = (long) i * RECORD_SIZE;
            int w = layout == Layout.WIDE ? 4 : 2;
            long[] id = new long[6];
            for (int f = 0; f < 6; f++) {
                id[f] = w == 4 ? recordBytes.u32(o + 4L * f) : recordBytes.u16(o + 2L * f);
            }
            String symbol = Names.joinQualified(strings.get(id[0]), strings.get(id[1]));
            String display = Names.joinQualified(strings.get(id[2]), strings.get(id[3]));
            String file = strings.get(id[4]) + strings.get(id[5]);
            long line = recordBytes.u32(o + 6L * w);
            recs.add(new FuncRecord(i + 1, symbol, display, file, (int) Math.min(line, Integer.MAX_VALUE)));
        }
        int[] hash = new int[0];
        if (hashBytes != null && hashMask != 0) {
            // runtime refuses the hash when N > 2^20 or mask > 2^22
            if (hashMask > 0 && hashMask <= (1 << 22) && (hashMask + 1) * 2 <= hashBytes.length()) {
                hash = new int[(int) hashMask + 1];
                for (int i = 0; i < hash.length; i++) {
                    hash[i] = hashBytes.u16(2L * i);
                }
            }
        }
        long[] ids = new long[0];
        int[] funcs = new int[0];
        boolean refused = false;
        if (indexBytes != null && indexCount > 0) {
            if (indexCount > n || indexCount > MAX_RECORDS || indexCount * SYMBOL_INDEX_SIZE > indexBytes.length()) {
                refused = true;
            } else {
                int m = (int) indexCount;
                ids = new long[m];
                funcs = new int[m];
                for (int i = 0; i < m; i++) {
                    ids[i] = indexBytes.u64(16L * i);
                    funcs[i] = (int) Math.min(indexBytes.u32(16L * i + 8), Integer.MAX_VALUE);
                }
            }
        }
        long[] pids = new long[0];
        PclineRecord[] prs = new PclineRecord[0];
        if (pclineBytes != null && pclineCount > 0) {
            if (pclineCount * PCLINE_SIZE > pclineBytes.length()) {
                throw pclineBytes.error(0, pclineCount + " pcline records do not fit in " + pclineBytes.length() + " bytes");
            }
            int p = (int) pclineCount;
            pids = new long[p];
            prs = new PclineRecord[p];
            for (int i = 0; i < p; i++) {
                long o = (long) i * PCLINE_SIZE;
                long id = pclineBytes.u64(o);
                long fi = pclineBytes.u32(o + 8);
                String file;
                long line;
                if (layout == Layout.WIDE) {
                    file = strings.get(pclineBytes.u32(o + 12)) + strings.get(pclineBytes.u32(o + 16));
                    line = pclineBytes.u32(o + 20);
                } else {
                    long packed = pclineBytes.u32(o + 12);
                    file = packed == 0 ? "" : strings.get(packed >>> 16) + strings.get(packed & 0xffff);
                    line = pclineBytes.u32(o + 16);
                }
                pids[i] = id;
                prs[i] = new PclineRecord(id, (int) Math.min(fi, Integer.MAX_VALUE), file, (int) Math.min(line, Integer.MAX_VALUE));
            }
        }
        return new FuncInfoTables(List.copyOf(recs), strings, hash, ids, funcs, refused, pids, prs);
    }

    /**
     * How well the records agree with the symbol index: the share of index entries whose record's
     * joined linker symbol hashes to the entry's symbolID (1.0 = all). -1 without an index.
     */
    public double symbolIndexAgreement() {
        if (indexIds.length == 0) {
            return -1;
        }
        int ok = 0;
        for (int i = 0; i < indexIds.length; i++) {
            int k = indexFuncs[i];
            if (k >= 1 && k <= records.size() && Fnv.symbolId(records.get(k - 1).symbol()) == indexIds[i]) {
                ok++;
            }
        }
        return (double) ok / indexIds.length;
    }

    /** True if every record has a non-empty linker symbol (decoding with the wrong layout rarely gives that). */
    public boolean allSymbolsNamed() {
        return records.stream().noneMatch(r -> r.symbol().isEmpty());
    }

    public static FuncInfoTables empty() {
        return new FuncInfoTables(List.of(), null, new int[0], new long[0], new int[0], false, new long[0], new PclineRecord[0]);
    }

    public boolean isEmpty() { return records.isEmpty(); }

    public int recordCount() { return records.size(); }

    public List<FuncRecord> records() { return records; }

    public int stringCount() { return strings == null ? 0 : strings.count(); }

    public int poolSize() { return strings == null ? 0 : strings.poolSize(); }

    public int hashSize() { return hash.length; }

    public int symbolIndexSize() { return indexIds.length; }

    public boolean symbolIndexRefused() { return indexRefused; }

    public int pclineCount() { return pclines.length; }

    public PclineRecord[] pclineRecords() { return pclines.clone(); }

    /** Record k (1-based), or empty when out of range. */
    public Optional<FuncRecord> record(int k) {
        return k >= 1 && k <= records.size() ? Optional.of(records.get(k - 1)) : Optional.empty();
    }

    /** Runtime symbol-index lookup (§3.5): 0 when not found or out of range. */
    public int symbolIndexLookup(long id) {
        int lo = 0;
        int hi = indexIds.length;
        while (lo < hi) {           // first entry with id >= query, unsigned order
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(indexIds[mid], id) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < indexIds.length && indexIds[lo] == id) {
            int k = indexFuncs[lo];
            return k >= 1 && k <= records.size() ? k : 0;
        }
        return 0;
    }

    /** Runtime funcInfoForSymbol (§3.4): hash probe, or a linear scan when there is no hash. */
    public Optional<FuncRecord> recordBySymbol(String symbol) {
        if (symbol == null || symbol.isEmpty() || records.isEmpty()) {
            return Optional.empty();
        }
        int n = records.size();
        if (hash.length > 0) {
            int mask = hash.length - 1;
            int slot = Fnv.hashString(symbol) & mask;
            for (int probes = 0; probes < hash.length; probes++) {
                int v = hash[slot];
                if (v == 0) {
                    return Optional.empty();
                }
                if (v <= n && records.get(v - 1).symbol().equals(symbol)) {
                    return Optional.of(records.get(v - 1));
                }
                slot = (slot + 1) & mask;
            }
            return Optional.empty();
        }
        for (FuncRecord r : records) {
            if (r.symbol().equals(symbol)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Binary search by pcline ID (§3.6), unsigned order. */
    public Optional<PclineRecord> pclineById(long id) {
        int lo = 0;
        int hi = pclineIds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(pclineIds[mid], id);
            if (c == 0) {
                return Optional.of(pclines[mid]);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Optional.empty();
    }

    /** True if the pcline IDs are strictly increasing, as the format requires. */
    public boolean pclineIdsSorted() {
        for (int i = 1; i < pclineIds.length; i++) {
            if (Long.compareUnsigned(pclineIds[i - 1], pclineIds[i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    long[] symbolIndexIds() { return Arrays.copyOf(indexIds, indexIds.length); }
}
