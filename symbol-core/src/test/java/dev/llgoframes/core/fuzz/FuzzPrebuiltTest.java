package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.funcinfo.TableGlobals;
import dev.llgoframes.core.io.ByteSlice;
import dev.llgoframes.core.prebuilt.PrebuiltFuncTab;
import dev.llgoframes.core.resolve.FunctionTable;

import java.util.Arrays;
import java.util.List;

/**
 * The post-link LLGOFTB1 blob (§4.3). In an executable: its header (link address, base slot, row
 * count, bucket count), a row, the sentinel, the buckets, the carrier bounds, or the magic turned
 * into the historical LLGOFTB2 redirect. Directly: {@link PrebuiltFuncTab#parse} on the real blob
 * or fuzzer bytes, then the PREBUILT function table's lookups over it.
 */
class FuzzPrebuiltTest {
    private static final List<ElfLayout> BASES = List.of(ElfLayout.of("prebuilt"));
    private static final byte[] BLOB;

    static {
        ElfLayout b = BASES.get(0);
        long off = b.fileOffset(b.globals.entryStart());
        int len = (int) (b.globals.entryEnd() - b.globals.entryStart());
        BLOB = Arrays.copyOfRange(b.bytes, (int) off, (int) off + len);
        FuzzSupport.warmUp(() -> FuzzElfTest.openAndSymbolize(b.bytes.clone(), new long[0]));
        FuzzSupport.warmUp(() -> FuzzElfTest.openAndSymbolize(FuzzSupport.base("prebuilt-stripped"), new long[0]));
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void blob(FuzzedDataProvider p) {
        switch (p.consumeInt(0, 3)) {
            case 0 -> direct(p, BLOB.clone());
            case 1 -> direct(p, null);
            case 2 -> inExecutable(p, FuzzSupport.base("prebuilt-stripped"), -1);
            default -> inExecutable(p, BASES.get(0).bytes.clone(), BASES.get(0).fileOffset(BASES.get(0).globals.entryStart()));
        }
    }

    private static final int[][] HEADER_FIELDS = {{0, 8}, {8, 8}, {16, 8}, {24, 4}, {28, 4}};

    private static void inExecutable(FuzzedDataProvider p, byte[] f, long blobAt) {
        if (blobAt < 0) {
            blobAt = indexOf(f, BLOB, 0, 64);
        }
        ElfLayout b = BASES.get(0);
        int mutations = p.consumeInt(1, 4);
        for (int m = 0; m < mutations && p.remainingBytes() > 0 && blobAt >= 0; m++) {
            long count = FuzzSupport.get(f, blobAt + 24, 4);
            switch (p.consumeInt(0, 5)) {
                case 0 -> { // header field
                    int[] fd = HEADER_FIELDS[p.consumeInt(0, HEADER_FIELDS.length - 1)];
                    write(f, blobAt + fd[0], fd[1], p, new long[] {count, BLOB.length, b.globals.count()});
                }
                case 1 -> { // a row: entry offset or function index
                    long row = p.consumeLong(0, Math.max(0, Math.min(count, 4096) - 1));
                    write(f, blobAt + 32 + 8 * row + (p.consumeBoolean() ? 4 : 0), 4, p,
                            new long[] {b.globals.count(), FuzzSupport.get(f, blobAt + 32 + 8 * row, 4)});
                }
                case 2 -> { // the sentinel
                    write(f, blobAt + 32 + 8 * Math.max(0, count - 1), 4, p, new long[] {0x10000});
                }
                case 3 -> { // buckets
                    int at = (int) Math.min(f.length - 1, blobAt + 32 + 8 * Math.min(count, 4096) + p.consumeInt(0, 512));
                    f[at] = p.consumeByte();
                }
                case 4 -> { // the magic becomes LLGOFTB2 (historical redirect, §4.7), pointer at +16
                    FuzzSupport.put(f, blobAt, 8, PrebuiltFuncTab.REDIRECT_MAGIC);
                    write(f, blobAt + 16, 8, p, b.nearby);
                }
                default -> { // the carrier bounds globals (symtab base only)
                    String name = p.consumeBoolean() ? TableGlobals.NAMES[9] : TableGlobals.NAMES[10];
                    Long slot = b.globalSlots.get(name);
                    if (slot != null && f.length == b.bytes.length) {
                        write(f, slot, 8, p, b.nearby);
                    }
                }
            }
        }
        long[] pcs = new long[p.consumeInt(0, 4)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        FuzzElfTest.openAndSymbolize(f, pcs);
    }

    private static void write(byte[] f, long off, int width, FuzzedDataProvider p, long[] nearby) {
        FuzzSupport.put(f, off, width, FuzzSupport.interesting(p, FuzzSupport.get(f, off, width), f.length, nearby));
    }

    private static void direct(FuzzedDataProvider p, byte[] carrier) {
        long available = p.consumeBoolean() ? p.consumeLong() : -1;
        long base = p.consumeLong();
        int recordCount = p.consumeInt(0, 4096);
        long[] pcs = new long[p.consumeInt(0, 8)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        byte[] c;
        if (carrier == null) {
            c = p.consumeRemainingAsBytes();
        } else {
            c = carrier;
            int writes = p.consumeInt(0, 4);
            for (int w = 0; w < writes && c.length > 0; w++) {
                int at = p.consumeInt(0, c.length - 1);
                int width = new int[] {1, 2, 4, 8}[p.consumeInt(0, 3)];
                FuzzSupport.put(c, at, width, FuzzSupport.interesting(p, FuzzSupport.get(c, at, width), c.length, new long[0]));
            }
        }
        long avail = available < 0 ? c.length : available;
        FuzzSupport.bounded(c.length, () -> {
            PrebuiltFuncTab t;
            try {
                t = PrebuiltFuncTab.parse(ByteSlice.of(c, 0x2000, "fuzz-blob", "LLGOFTB1 blob"), avail, base, recordCount);
            } catch (PrebuiltFuncTab.Rejected r) {
                return;   // the runtime's refusal: typed, fine
            }
            t.offsetsIncreasing();
            if (recordCount == 0) {
                return;
            }
            FunctionTable ft = FunctionTable.prebuilt(t, recordCount);
            for (int k = 0; k <= recordCount + 1; k += Math.max(1, recordCount / 16)) {
                ft.entryOf(k);
            }
            for (long pc : pcs) {
                probe(ft, t, pc);
            }
            for (int i = 0; i < Math.min(t.rowCount(), 32); i++) {
                probe(ft, t, t.entry(i));
                probe(ft, t, t.entry(i) - 1);
            }
        });
    }

    private static void probe(FunctionTable ft, PrebuiltFuncTab t, long pc) {
        int row = ft.lookup(pc);
        if (row >= 0) {
            ft.rowEntry(row);
            ft.rowFunc(row);
        }
        ft.inText(pc);
        ft.exactPrebuiltRow(pc);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from, int len) {
        outer:
        for (int i = from; i + len <= hay.length; i++) {
            for (int j = 0; j < len; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
