package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.funcinfo.Fnv;
import dev.llgoframes.core.image.ElfImage;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.sidecar.SidecarReader;
import dev.llgoframes.core.sidecar.SidecarResult;
import dev.llgoframes.core.symbolize.LlgoBinary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code <exe>.pclntab} sidecar (§5): header fields, the eight (offset, count) descriptors,
 * table elements inside the payload, truncation. The FNV-1a checksum and the file-size field are
 * usually recomputed after the mutation so the checks behind them are reached. The sidecar is
 * written next to the external-mode fixture and read the way users read it: {@code
 * SidecarReader.load} (which must return a typed result, never throw) and {@code LlgoBinary.load}
 * plus symbolization.
 */
class FuzzSidecarTest {
    private static final byte[] EXE = FuzzSupport.base("external");
    private static final byte[] SIDECAR = FuzzSupport.resource("/dev/llgoframes/core/fuzz/bases/external.pclntab");
    private static final Path DIR;
    private static final Path EXE_PATH;
    private static final ElfImage IMAGE;
    private static final int[] ELEMENT = {28, 24, 1, 4, 2, 16, 16, 16};

    static {
        try {
            DIR = Files.createTempDirectory("llgo-fuzz-sidecar");
            DIR.toFile().deleteOnExit();
            EXE_PATH = DIR.resolve("prog");
            IMAGE = ElfImage.parse(EXE_PATH, EXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BinaryFormatException e) {
            throw new IllegalStateException(e);
        }
        FuzzSupport.warmUp(() -> run(SIDECAR.clone(), new long[0]));
    }

    private static final int[][] HEADER_FIELDS = { // offset, width
        {0, 8}, {8, 4}, {12, 4}, {16, 1}, {17, 1}, {18, 1}, {19, 1}, {20, 4}, {24, 8}, {32, 8}, {40, 8}, {48, 8},
        {56, 8}, {64, 8}, {72, 8}};

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void sidecar(FuzzedDataProvider p) {
        byte[] s = SIDECAR.clone();
        int mutations = p.consumeInt(1, 4);
        for (int m = 0; m < mutations && p.remainingBytes() > 0; m++) {
            s = mutate(s, p);
        }
        if (p.consumeInt(0, 7) != 0 && s.length >= 256) {
            FuzzSupport.put(s, 24, 8, s.length);
            FuzzSupport.put(s, 32, 8, Fnv.fnv1a64(Arrays.copyOfRange(s, 256, s.length)));
        }
        long[] pcs = new long[p.consumeInt(0, 4)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        run(s, pcs);
    }

    private static byte[] mutate(byte[] s, FuzzedDataProvider p) {
        switch (p.consumeInt(0, 4)) {
            case 0: { // header field
                int[] fd = HEADER_FIELDS[p.consumeInt(0, HEADER_FIELDS.length - 1)];
                write(s, fd[0], fd[1], p);
                return s;
            }
            case 1: { // descriptor offset or count
                int d = p.consumeInt(0, 7);
                write(s, 96 + 16L * d + (p.consumeBoolean() ? 8 : 0), 8, p);
                return s;
            }
            case 2: { // one field of one element of a table, where its descriptor says it is
                int d = p.consumeInt(0, 7);
                long off = FuzzSupport.get(s, 96 + 16L * d, 8);
                long cnt = FuzzSupport.get(s, 96 + 16L * d + 8, 8);
                if (cnt <= 0 || off < 0 || off >= s.length) {
                    return s;
                }
                long i = p.consumeLong(0, Math.min(cnt, 1 << 16) - 1);
                int width = Math.min(ELEMENT[d] == 28 || ELEMENT[d] == 24 ? 4 : ELEMENT[d] == 16 ? 8 : ELEMENT[d], 8);
                long within = ELEMENT[d] <= width ? 0 : p.consumeInt(0, ELEMENT[d] / width - 1) * (long) width;
                write(s, off + i * ELEMENT[d] + within, width, p);
                return s;
            }
            case 3: { // any bytes
                if (s.length == 0) {
                    return s;
                }
                int at = p.consumeInt(0, s.length - 1);
                byte[] v = p.consumeBytes(p.consumeInt(1, 8));
                System.arraycopy(v, 0, s, at, Math.min(v.length, s.length - at));
                return s;
            }
            default: // truncate or extend
                return Arrays.copyOf(s, p.consumeInt(0, s.length + 64));
        }
    }

    private static void write(byte[] s, long off, int width, FuzzedDataProvider p) {
        long[] nearby = {s.length, 256, s.length - 256, FuzzSupport.get(s, 48, 8), FuzzSupport.get(s, 56, 8)};
        FuzzSupport.put(s, off, width, FuzzSupport.interesting(p, FuzzSupport.get(s, off, width), s.length, nearby));
    }

    static void run(byte[] sidecar, long[] pcs) {
        Path sc = DIR.resolve("prog.pclntab");
        try {
            Files.write(sc, sidecar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FuzzSupport.bounded(sidecar.length + EXE.length, () -> {
            SidecarResult r = SidecarReader.load(IMAGE, sc);
            if (r == null) {
                throw new FuzzSupport.PropertyViolation("SidecarReader.load returned null");
            }
            r.describe();
            LlgoBinary bin = LlgoBinary.load(IMAGE);
            long[] probes = FuzzSupport.probePcs(bin, null, 0);
            long[] all = Arrays.copyOf(probes, probes.length + pcs.length);
            System.arraycopy(pcs, 0, all, probes.length, pcs.length);
            FuzzSupport.symbolizeAll(bin, all);
        });
    }
}
