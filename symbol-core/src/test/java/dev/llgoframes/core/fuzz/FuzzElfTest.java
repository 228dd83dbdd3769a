package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.image.ElfImage;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * ELF open + classify ({@code ElfImage.parse}, {@code LlgoBinary.load}) and symbolization of the
 * result. {@link #rawBytes} lets libFuzzer mutate whole files (seeded with fixture executables);
 * {@link #structured} mutates header, section-header, program-header and symbol fields of a
 * fixture, which byte flips reach only by luck.
 */
class FuzzElfTest {
    static final Path NAME = Path.of("fuzz-input.elf");
    private static final List<String> BASES = List.of("nopie", "pie", "pie-lld", "lld-nopie", "prebuilt",
            "prebuilt-stripped", "redirect", "external", "nopie-dwarf5", "nopie-dwarf4", "nopie-stripped", "none", "aarch64-nopie");
    private static final byte[][] BASE_BYTES = BASES.stream().map(FuzzSupport::base).toArray(byte[][]::new);

    static {
        // Load and instrument every class on the path once, so the first input's bounds do not
        // count the fuzzer's own class loading.
        for (byte[] b : BASE_BYTES) {
            FuzzSupport.warmUp(() -> openAndSymbolize(b, new long[0]));
        }
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void rawBytes(FuzzedDataProvider p) {
        // The pcs come from the end of the input, the file from the rest (libFuzzer's provider layout).
        int extra = p.consumeInt(0, 8);
        long[] pcs = new long[extra];
        for (int i = 0; i < extra; i++) {
            pcs[i] = p.consumeLong();
        }
        byte[] file = p.consumeRemainingAsBytes();
        openAndSymbolize(file, pcs);
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void structured(FuzzedDataProvider p) {
        byte[] file = BASE_BYTES[p.consumeInt(0, BASE_BYTES.length - 1)].clone();
        int mutations = p.consumeInt(1, 6);
        for (int m = 0; m < mutations && p.remainingBytes() > 0; m++) {
            file = mutate(file, p);
        }
        long[] pcs = new long[p.consumeInt(0, 8)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        openAndSymbolize(file, pcs);
    }

    static void openAndSymbolize(byte[] file, long[] extraPcs) {
        FuzzSupport.bounded(file.length, () -> {
            ElfImage image;
            try {
                image = ElfImage.parse(NAME, file);
            } catch (BinaryFormatException e) {
                FuzzSupport.checkNamesFile(NAME, e);
                return;
            }
            image.format();
            image.imageBase();
            FuzzSupport.loadAndSymbolize(NAME, image, extraPcs);
        });
    }

    // ---- structure-aware mutations -------------------------------------------------------------

    private static final int[][] SHDR_FIELDS = { // offset, width
        {0, 4}, {4, 4}, {8, 8}, {16, 8}, {24, 8}, {32, 8}, {40, 4}, {44, 4}, {48, 8}, {56, 8}};
    private static final int[][] PHDR_FIELDS = {{0, 4}, {4, 4}, {8, 8}, {16, 8}, {24, 8}, {32, 8}, {40, 8}, {48, 8}};
    private static final int[][] EHDR_FIELDS = {{16, 2}, {18, 2}, {24, 8}, {32, 8}, {40, 8}, {52, 2}, {54, 2},
        {56, 2}, {58, 2}, {60, 2}, {62, 2}};
    private static final int[][] SYM_FIELDS = {{0, 4}, {4, 1}, {5, 1}, {6, 2}, {8, 8}, {16, 8}};

    static byte[] mutate(byte[] f, FuzzedDataProvider p) {
        var b = FuzzSupport.le(f);
        long shoff = f.length >= 64 ? b.getLong(40) : 0;
        int shnum = f.length >= 64 ? b.getShort(60) & 0xffff : 0;
        long phoff = f.length >= 64 ? b.getLong(32) : 0;
        int phnum = f.length >= 64 ? b.getShort(56) & 0xffff : 0;
        long[] nearby = nearbyValues(f, shoff, shnum, phoff, phnum);
        switch (p.consumeInt(0, 6)) {
            case 0: { // ELF header field
                int[] fd = EHDR_FIELDS[p.consumeInt(0, EHDR_FIELDS.length - 1)];
                writeField(f, fd[0], fd[1], p, nearby);
                return f;
            }
            case 1: { // section header field
                if (shnum == 0) return f;
                long h = shoff + 64L * p.consumeInt(0, shnum - 1);
                int[] fd = SHDR_FIELDS[p.consumeInt(0, SHDR_FIELDS.length - 1)];
                writeField(f, h + fd[0], fd[1], p, nearby);
                return f;
            }
            case 2: { // program header field
                if (phnum == 0) return f;
                long h = phoff + 56L * p.consumeInt(0, phnum - 1);
                int[] fd = PHDR_FIELDS[p.consumeInt(0, PHDR_FIELDS.length - 1)];
                writeField(f, h + fd[0], fd[1], p, nearby);
                return f;
            }
            case 3: { // a symbol of .symtab or .dynsym
                long[] symtab = symbolTable(f, shoff, shnum, p.consumeBoolean() ? 2 : 11);
                if (symtab == null || symtab[1] < 24) return f;
                long at = symtab[0] + 24L * p.consumeLong(0, symtab[1] / 24 - 1);
                int[] fd = SYM_FIELDS[p.consumeInt(0, SYM_FIELDS.length - 1)];
                writeField(f, at + fd[0], fd[1], p, nearby);
                return f;
            }
            case 4: { // any bytes
                if (f.length == 0) return f;
                int at = p.consumeInt(0, f.length - 1);
                byte[] v = p.consumeBytes(p.consumeInt(1, 8));
                System.arraycopy(v, 0, f, at, Math.min(v.length, f.length - at));
                return f;
            }
            case 5: // truncate
                return Arrays.copyOf(f, p.consumeInt(0, f.length));
            default: { // an aligned 64-bit word anywhere (pointers and sizes in data)
                if (f.length < 8) return f;
                int at = p.consumeInt(0, f.length / 8 - 1) * 8;
                writeField(f, at, 8, p, nearby);
                return f;
            }
        }
    }

    private static void writeField(byte[] f, long off, int width, FuzzedDataProvider p, long[] nearby) {
        long v = FuzzSupport.interesting(p, FuzzSupport.get(f, off, width), f.length, nearby);
        FuzzSupport.put(f, off, width, v);
    }

    /** Section addresses, offsets and sizes, segment addresses: values that make a lie plausible. */
    private static long[] nearbyValues(byte[] f, long shoff, int shnum, long phoff, int phnum) {
        long[] out = new long[3 * Math.min(shnum, 64) + 2 * Math.min(phnum, 16)];
        int n = 0;
        for (int i = 0; i < Math.min(shnum, 64); i++) {
            long h = shoff + 64L * i;
            out[n++] = FuzzSupport.get(f, h + 16, 8);
            out[n++] = FuzzSupport.get(f, h + 24, 8);
            out[n++] = FuzzSupport.get(f, h + 32, 8);
        }
        for (int i = 0; i < Math.min(phnum, 16); i++) {
            long h = phoff + 56L * i;
            out[n++] = FuzzSupport.get(f, h + 16, 8);
            out[n++] = FuzzSupport.get(f, h + 40, 8);
        }
        return out;
    }

    /** {offset, size} of the first section of the given type, or null. */
    private static long[] symbolTable(byte[] f, long shoff, int shnum, int type) {
        for (int i = 0; i < shnum; i++) {
            long h = shoff + 64L * i;
            if (FuzzSupport.get(f, h + 4, 4) == type) {
                long off = FuzzSupport.get(f, h + 24, 8);
                long size = FuzzSupport.get(f, h + 32, 8);
                if (off >= 0 && size >= 0 && off + size <= f.length) {
                    return new long[] {off, size};
                }
            }
        }
        return null;
    }
}
