package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.BinaryImages;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.fixtures.macho.MachOArch;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOWriter;
import dev.llgoframes.fixtures.macho.UniversalWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mach-O open + classify ({@code BinaryImages.parse}, {@code LlgoBinary.load}) and symbolization.
 * The bases come from the fixture toolchain's Mach-O writer (every table mode and a universal
 * file); mutations aim at the fields a hostile file lies in: header counts, load command sizes,
 * segment and section offsets, the symbol table's and the chained fixups' offsets and counts.
 */
class FuzzMachOTest {
    static final Path NAME = Path.of("fuzz-input.macho");
    private static final byte[][] BASES = bases();

    static {
        for (byte[] b : BASES) {
            FuzzSupport.warmUp(() -> openAndSymbolize(b, new long[0]));
        }
    }

    private static byte[][] bases() {
        List<byte[]> out = new ArrayList<>();
        for (MachOMode m : MachOMode.values()) {
            out.add(MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(m)).executable());
        }
        byte[] x86 = MachOWriter.write(MachOProgram.standard(),
                MachOOptions.defaults(MachOMode.RAW).withArch(MachOArch.X86_64).withPointerFormat(2)).executable();
        out.add(x86);
        out.add(UniversalWriter.write(List.of(UniversalWriter.Slice.of(MachOArch.X86_64, x86),
                UniversalWriter.Slice.of(MachOArch.ARM64, out.get(0)))));
        return out.toArray(byte[][]::new);
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void structured(FuzzedDataProvider p) {
        byte[] file = BASES[p.consumeInt(0, BASES.length - 1)].clone();
        int mutations = p.consumeInt(1, 6);
        for (int m = 0; m < mutations && p.remainingBytes() > 0; m++) {
            mutate(file, p);
        }
        long[] pcs = new long[p.consumeInt(0, 8)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        openAndSymbolize(file, pcs);
    }

    static void openAndSymbolize(byte[] file, long[] extraPcs) {
        FuzzSupport.bounded(file.length, () -> {
            BinaryImage image;
            try {
                image = BinaryImages.parse(NAME, file, OpenOptions.defaults());
                image.details();
            } catch (BinaryFormatException e) {
                FuzzSupport.checkNamesFile(NAME, e);
                return;
            }
            FuzzSupport.loadAndSymbolize(NAME, image, extraPcs);
        });
    }

    // ---- structure-aware mutations -------------------------------------------------------------

    private static final int LC_SEGMENT_64 = 0x19;
    private static final int LC_SYMTAB = 0x2;
    private static final int LC_DYSYMTAB = 0xb;

    /** Offsets and widths of the fields worth lying in, found by walking the file's own load commands. */
    static List<int[]> fields(byte[] f) {
        List<int[]> out = new ArrayList<>();
        int base = 0;
        if (f.length >= 8 && FuzzSupport.get(f, 0, 4) == 0xbebafecaL) {  // FAT_MAGIC, big-endian on disk
            out.add(new int[] {4, 4});
            for (int i = 0; i < 2 && 8 + 20 * i + 20 <= f.length; i++) {
                out.add(new int[] {8 + 20 * i + 8, 4});   // offset
                out.add(new int[] {8 + 20 * i + 12, 4});  // size
            }
            base = (int) Long.reverseBytes(FuzzSupport.get(f, 16, 4) << 32);   // first slice's offset
            if (base < 0 || base > f.length - 32) {
                return out;
            }
        }
        out.add(new int[] {base + 16, 4});   // ncmds
        out.add(new int[] {base + 20, 4});   // sizeofcmds
        long ncmds = FuzzSupport.get(f, base + 16, 4);
        long at = base + 32;
        for (int i = 0; i < Math.min(ncmds, 64) && at + 8 <= f.length; i++) {
            int cmd = (int) FuzzSupport.get(f, at, 4);
            long size = FuzzSupport.get(f, at + 4, 4);
            int a = (int) at;
            out.add(new int[] {a + 4, 4});
            if (cmd == LC_SEGMENT_64) {
                for (int o : new int[] {24, 32, 40, 48}) {
                    out.add(new int[] {a + o, 8});   // vmaddr, vmsize, fileoff, filesize
                }
                out.add(new int[] {a + 64, 4});      // nsects
                long nsects = FuzzSupport.get(f, at + 64, 4);
                for (int s = 0; s < Math.min(nsects, 32); s++) {
                    int sec = a + 72 + 80 * s;
                    out.add(new int[] {sec + 32, 8});   // addr
                    out.add(new int[] {sec + 40, 8});   // size
                    out.add(new int[] {sec + 48, 4});   // offset
                }
            } else if (cmd == LC_SYMTAB) {
                for (int o : new int[] {8, 12, 16, 20}) {
                    out.add(new int[] {a + o, 4});   // symoff, nsyms, stroff, strsize
                }
            } else if (cmd == LC_DYSYMTAB) {
                for (int o = 8; o < 80; o += 4) {
                    out.add(new int[] {a + o, 4});
                }
            } else {
                // linkedit_data_command (chained fixups, function starts, ...) and entry point
                out.add(new int[] {a + 8, 4});
                out.add(new int[] {a + 12, 4});
            }
            if (size < 8) {
                break;
            }
            at += size;
        }
        return out;
    }

    static void mutate(byte[] f, FuzzedDataProvider p) {
        List<int[]> fields = fields(f);
        switch (p.consumeInt(0, 3)) {
            case 0, 1 -> {
                if (fields.isEmpty()) {
                    return;
                }
                int[] fd = fields.get(p.consumeInt(0, fields.size() - 1));
                long nearby = FuzzSupport.get(f, fields.get(p.consumeInt(0, fields.size() - 1))[0], 4);
                long v = FuzzSupport.interesting(p, FuzzSupport.get(f, fd[0], fd[1]), f.length, new long[] {nearby});
                FuzzSupport.put(f, fd[0], fd[1], v);
            }
            case 2 -> {   // any bytes
                if (f.length == 0) {
                    return;
                }
                int at = p.consumeInt(0, f.length - 1);
                byte[] v = p.consumeBytes(p.consumeInt(1, 8));
                System.arraycopy(v, 0, f, at, Math.min(v.length, f.length - at));
            }
            default -> {  // a byte range copied over another (tables that point at each other)
                if (f.length < 2) {
                    return;
                }
                int from = p.consumeInt(0, f.length - 1);
                int to = p.consumeInt(0, f.length - 1);
                int len = Math.min(p.consumeInt(1, 256), Math.min(f.length - from, f.length - to));
                System.arraycopy(f, from, f, to, len);
            }
        }
    }
}
