package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.ImageSegment;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What every fuzz test asserts besides "only typed errors escape": one input finishes in bounded
 * time, allocates no more than its size justifies, and a resolved frame never points outside the
 * image's executable segments.
 */
final class FuzzSupport {
    /** True in a fuzzing campaign (JAZZER_FUZZ set), false in regression mode (mvn test, CI). */
    static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();

    /**
     * Per-input time bound. Campaigns use 2 s; regression mode on a shared CI machine allows 10 s
     * so a cold JIT or a GC pause is not mistaken for a loop without progress.
     */
    static final long TIME_LIMIT_NANOS = (FUZZING ? 2_000L : 10_000L) * 1_000_000L;

    /** Allocation bound: a fixed allowance plus a multiple of the input size. */
    static final long ALLOC_FIXED = 96L << 20;
    static final long ALLOC_PER_INPUT_BYTE = 512;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzSupport() {}

    interface Body {
        void run() throws Exception;
    }

    /** A property violation found by a fuzz test (an escape or a bound); Jazzer reports it as a finding. */
    static final class PropertyViolation extends AssertionError {
        private static final long serialVersionUID = 1L;

        PropertyViolation(String message) {
            super(message);
        }

        PropertyViolation(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code body}; {@link BinaryFormatException} is the expected outcome for bad input and is
     * swallowed, anything else escapes. Then checks the time and allocation bounds.
     */
    static void bounded(long inputSize, Body body) {
        long allocBefore = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        try {
            body.run();
        } catch (BinaryFormatException e) {
            // the typed error: fine
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new PropertyViolation("checked exception other than BinaryFormatException escaped: " + e, e);
        }
        if (WARMING.get()) {
            return;
        }
        long took = System.nanoTime() - t0;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocBefore;
        if (took > TIME_LIMIT_NANOS) {
            throw new PropertyViolation("one input took " + took / 1_000_000 + " ms (limit "
                    + TIME_LIMIT_NANOS / 1_000_000 + " ms): a loop without progress?");
        }
        long allowed = ALLOC_FIXED + ALLOC_PER_INPUT_BYTE * inputSize;
        if (allocated > allowed) {
            throw new PropertyViolation("one input of " + inputSize + " bytes allocated " + allocated
                    + " bytes (limit " + allowed + "): an allocation driven by a count read from the input?");
        }
    }

    /** Runs a body outside the bounds, ignoring what it throws (class loading before the first input). */
    static void warmUp(Runnable r) {
        boolean was = WARMING.get();
        WARMING.set(true);
        try {
            r.run();
        } catch (RuntimeException | AssertionError e) {
            // a finding will show up again when the fuzzer runs the input
        } finally {
            WARMING.set(was);
        }
    }

    private static final ThreadLocal<Boolean> WARMING = ThreadLocal.withInitial(() -> false);

    static byte[] resource(String path) {
        try (InputStream in = FuzzSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture executables the structure-aware tests mutate (built by the fixture toolchain). */
    static byte[] base(String variant) {
        return resource("/dev/llgoframes/core/fuzz/bases/" + variant + ".elf");
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A value for a field: the boundary values hostile files use, neighbours of the old value, or anything. */
    static long interesting(FuzzedDataProvider p, long current, long fileLength, long[] nearby) {
        switch (p.consumeInt(0, 15)) {
            case 0: return 0;
            case 1: return 1;
            case 2: return -1;
            case 3: return current + p.consumeInt(-64, 64);
            case 4: return current * 2;
            case 5: return fileLength + p.consumeInt(-16, 16);
            case 6: return Integer.MAX_VALUE;
            case 7: return 1L << 31;
            case 8: return 0xffff_ffffL;
            case 9: return 1L << 32;
            case 10: return Long.MAX_VALUE;
            case 11: return Long.MIN_VALUE;
            case 12: return nearby.length == 0 ? current : nearby[p.consumeInt(0, nearby.length - 1)] + p.consumeInt(-8, 8);
            case 13: return current ^ (1L << p.consumeInt(0, 63));
            case 14: return p.consumeInt(0, 1 << 16);
            default: return p.consumeLong();
        }
    }

    static void put(byte[] b, long off, int width, long v) {
        if (off < 0 || off > b.length - width) {
            return;
        }
        for (int i = 0; i < width; i++) {
            b[(int) off + i] = (byte) (v >>> (8 * i));
        }
    }

    static long get(byte[] b, long off, int width) {
        if (off < 0 || off > b.length - width) {
            return 0;
        }
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (b[(int) off + i] & 0xffL);
        }
        return v;
    }

    /** A typed error from a reader must name the file it read (the user sees nothing else). */
    static void checkNamesFile(java.nio.file.Path name, BinaryFormatException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith(name + ": ")) {
            throw new PropertyViolation("typed error does not name the file: " + e.getMessage(), e);
        }
    }

    /** Loads the tables of an opened image and symbolizes the probe pcs plus the fuzzer's own. */
    static void loadAndSymbolize(java.nio.file.Path name, BinaryImage image, long[] extraPcs) {
        LlgoBinary bin;
        try {
            bin = LlgoBinary.load(image);
        } catch (BinaryFormatException e) {
            checkNamesFile(name, e);
            return;
        }
        bin.configuration();
        long[] probes = probePcs(bin, null, 0);
        long[] all = java.util.Arrays.copyOf(probes, probes.length + extraPcs.length);
        System.arraycopy(extraPcs, 0, all, probes.length, extraPcs.length);
        symbolizeAll(bin, all);
    }

    /** pcs worth asking about: segment and section edges, table entries, and fuzzer-chosen values. */
    static long[] probePcs(LlgoBinary bin, FuzzedDataProvider p, int fromFuzzer) {
        List<Long> pcs = new ArrayList<>();
        BinaryImage image = bin.image();
        for (ImageSegment s : image.loadSegments()) {
            pcs.add(s.address());
            pcs.add(s.address() + s.memSize() / 2);
            pcs.add(s.address() + s.memSize() - 1);
            pcs.add(s.address() + s.memSize());
        }
        image.textSection().ifPresent(t -> {
            pcs.add(t.address());
            pcs.add(t.address() + 1);
            pcs.add(t.end() - 1);
        });
        var ft = bin.resolver().functionTable();
        for (int i = 0; i < Math.min(ft.rowCount(), 16); i++) {
            pcs.add(ft.rowEntry(i));
            pcs.add(ft.rowEntry(i) + 1);
        }
        pcs.add(0L);
        pcs.add(-1L);
        for (int i = 0; i < fromFuzzer && p.remainingBytes() > 0; i++) {
            pcs.add(p.consumeLong());
        }
        long[] out = new long[Math.min(pcs.size(), 96)];
        for (int i = 0; i < out.length; i++) {
            out[i] = pcs.get(i);
        }
        return out;
    }

    /**
     * Symbolizes every pc and checks that a resolved answer never points outside the file's
     * text: its entry (when given) and the pc itself lie inside an executable PT_LOAD segment.
     */
    static void symbolizeAll(LlgoBinary bin, long[] pcs) {
        Symbolizer s = Symbolizer.of(bin);
        BinaryImage image = bin.image();
        for (long pc : pcs) {
            for (boolean ra : new boolean[] {false, true}) {
                SymbolizedPc r = s.symbolize(pc, ra);
                if (!r.resolved()) {
                    continue;
                }
                long lookup = r.pc();
                if (!inExecutable(image, lookup) && !inExecutable(image, lookup - 1)) {
                    throw new PropertyViolation("pc 0x" + Long.toHexString(pc) + " (return address " + ra
                            + ") resolved to " + r.function() + " but lies outside every executable segment " + image.loadSegments());
                }
                if (r.entry() != null && !inExecutable(image, r.entry())) {
                    throw new PropertyViolation("pc 0x" + Long.toHexString(pc) + " resolved to " + r.function()
                            + " with entry 0x" + Long.toHexString(r.entry()) + " outside every executable segment " + image.loadSegments());
                }
            }
        }
        // The other lookups a debugger and the LSP make on the same tables.
        for (var rec : bin.resolver().tables().records().subList(0, Math.min(8, bin.resolver().tables().recordCount()))) {
            s.entryOf(rec.functionName());
            s.pcsForLine(rec.file(), rec.line());
        }
    }

    static boolean inExecutable(BinaryImage image, long pc) {
        for (ImageSegment seg : image.loadSegments()) {
            if (seg.isExecutable() && seg.containsInMemory(pc)) {
                return true;
            }
        }
        return false;
    }

    static ImageSection sectionOrNull(BinaryImage image, String name) {
        return image.section(name).orElse(null);
    }
}
