package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.TableGlobals;
import dev.llgoframes.core.io.ByteSlice;

import java.util.List;

/**
 * The funcinfo tables (§3.1–§3.6) as {@code LlgoBinary.load} decodes them from an executable:
 * one or more of the globals (counts, pointers, bounds) lie, or a record, string offset, pcline
 * record, hash slot, symbol-index entry or site row holds a hostile value. The other mode feeds
 * {@link FuncInfoTables#decode} directly with fuzzer-built slices and counts.
 */
class FuzzFuncInfoTest {
    private static final List<ElfLayout> BASES = List.of(ElfLayout.of("nopie"), ElfLayout.of("lld-nopie"),
            ElfLayout.of("pie"), ElfLayout.of("prebuilt"), ElfLayout.of("aarch64-nopie"));

    static {
        for (ElfLayout b : BASES) {
            FuzzSupport.warmUp(() -> FuzzElfTest.openAndSymbolize(b.bytes.clone(), new long[0]));
        }
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void tables(FuzzedDataProvider p) {
        if (p.consumeInt(0, 3) == 0) {
            direct(p);
            return;
        }
        ElfLayout base = BASES.get(p.consumeInt(0, BASES.size() - 1));
        byte[] f = base.bytes.clone();
        int mutations = p.consumeInt(1, 4);
        for (int m = 0; m < mutations && p.remainingBytes() > 0; m++) {
            mutate(base, f, p);
        }
        long[] pcs = new long[p.consumeInt(0, 4)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        FuzzElfTest.openAndSymbolize(f, pcs);
    }

    private static void mutate(ElfLayout b, byte[] f, FuzzedDataProvider p) {
        TableGlobals g = b.globals;
        switch (p.consumeInt(0, 8)) {
            case 0: { // a §3.1 global
                String name = TableGlobals.NAMES[p.consumeInt(0, TableGlobals.NAMES.length - 1)];
                Long slot = b.globalSlots.get(name);
                if (slot != null) {
                    write(f, slot, 8, p, b.nearby);
                }
                return;
            }
            case 1: // a function record field: six string IDs and the line
                element(b, f, p, g.table(), g.count(), 28, new int[][] {{0, 4}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 4}, {24, 4}},
                        new long[] {g.stringCount(), g.stringCount() - 1, 0xffff, 0x10000});
                return;
            case 2: // a string offset
                element(b, f, p, g.stringOffsets(), g.stringCount(), 4, new int[][] {{0, 4}}, new long[] {0, 1});
                return;
            case 3: // a pcline record: id, function index, file IDs, line
                element(b, f, p, g.pclineTable(), g.pclineCount(), 24, new int[][] {{0, 8}, {8, 4}, {12, 4}, {16, 4}, {20, 4}},
                        new long[] {g.count(), g.count() + 1, g.stringCount()});
                return;
            case 4: // a hash slot
                element(b, f, p, g.hash(), g.hashMask() + 1, 2, new int[][] {{0, 2}}, new long[] {g.count(), g.count() + 1});
                return;
            case 5: // a symbol-index entry: id, function index
                element(b, f, p, g.symbolIndex(), g.symbolIndexCount(), 16, new int[][] {{0, 8}, {8, 4}, {12, 4}},
                        new long[] {g.count(), g.count() + 1});
                return;
            case 6: // an entry site row
                element(b, f, p, g.entryStart(), (g.entryEnd() - g.entryStart()) / 16, 16, new int[][] {{0, 8}, {8, 8}}, b.nearby);
                return;
            case 7: // a pcline site row
                element(b, f, p, g.pcsiteStart(), (g.pcsiteEnd() - g.pcsiteStart()) / 16, 16, new int[][] {{0, 8}, {8, 8}}, b.nearby);
                return;
            default: { // a byte of the string pool (drop a NUL, add one)
                long off = b.fileOffset(g.strings());
                if (off >= 0) {
                    int at = (int) Math.min(f.length - 1, off + p.consumeInt(0, 4096));
                    f[at] = p.consumeBoolean() ? 0 : (byte) 'A';
                }
            }
        }
    }

    /** Overwrites one field of element i of an array at {@code address} (count elements of {@code size} bytes). */
    private static void element(ElfLayout b, byte[] f, FuzzedDataProvider p, long address, long count, int size,
                                int[][] fields, long[] nearby) {
        long off = b.fileOffset(address);
        if (off < 0 || count <= 0) {
            return;
        }
        long i = p.consumeLong(0, Math.min(count, 1 << 20) - 1);
        int[] fd = fields[p.consumeInt(0, fields.length - 1)];
        write(f, off + i * size + fd[0], fd[1], p, nearby);
    }

    private static void write(byte[] f, long off, int width, FuzzedDataProvider p, long[] nearby) {
        long v = FuzzSupport.interesting(p, FuzzSupport.get(f, off, width), f.length, nearby);
        FuzzSupport.put(f, off, width, v);
    }

    /** {@link FuncInfoTables#decode} on fuzzer-made slices, counts that may lie, either layout. */
    private static void direct(FuzzedDataProvider p) {
        FuncInfoTables.Layout layout = p.consumeBoolean() ? FuncInfoTables.Layout.WIDE : FuncInfoTables.Layout.NARROW;
        long count = p.consumeBoolean() ? p.consumeLong(0, 64) : p.consumeLong();
        long stringCount = p.consumeBoolean() ? p.consumeLong(0, 64) : p.consumeLong();
        long hashMask = p.consumeBoolean() ? (1L << p.consumeInt(0, 6)) - 1 : p.consumeLong();
        long indexCount = p.consumeBoolean() ? p.consumeLong(0, 64) : p.consumeLong();
        long pclineCount = p.consumeBoolean() ? p.consumeLong(0, 64) : p.consumeLong();
        byte[] recs = p.consumeBytes(p.consumeInt(0, 2048));
        byte[] pool = p.consumeBytes(p.consumeInt(0, 1024));
        byte[] offsets = p.consumeBytes(p.consumeInt(0, 512));
        byte[] hash = p.consumeBytes(p.consumeInt(0, 256));
        byte[] index = p.consumeBytes(p.consumeInt(0, 1024));
        byte[] pcline = p.consumeRemainingAsBytes();
        long size = (long) recs.length + pool.length + offsets.length + hash.length + index.length + pcline.length;
        FuzzSupport.bounded(size, () -> {
            FuncInfoTables t = FuncInfoTables.decode(layout, slice(recs, "records"), count, slice(pool, "pool"),
                    slice(offsets, "offsets"), stringCount, hash.length == 0 ? null : slice(hash, "hash"), hashMask,
                    index.length == 0 ? null : slice(index, "index"), indexCount,
                    pcline.length == 0 ? null : slice(pcline, "pcline"), pclineCount);
            t.symbolIndexAgreement();
            t.allSymbolsNamed();
            t.pclineIdsSorted();
            for (var r : t.records()) {
                t.recordBySymbol(r.symbol());
                t.symbolIndexLookup(r.index());
            }
            for (var r : t.pclineRecords()) {
                t.pclineById(r.id());
            }
            t.recordBySymbol("main.main");
        });
    }

    private static ByteSlice slice(byte[] b, String what) {
        return ByteSlice.of(b, 0x1000, "fuzz-tables", what);
    }
}
