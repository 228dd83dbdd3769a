package dev.llgoframes.core.image;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncated, lying and hostile variants of real fixture executables: only
 * BinaryFormatException may escape, it names the file, and nothing allocates beyond the input.
 */
class HostileElfTest {
    private static final Path NAME = Path.of("hostile-prog");

    private static byte[] bytes(String variant) throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
        return Files.readAllBytes(f.executable());
    }

    /** Opens and symbolizes a few pcs; returns normally or with a typed error. */
    private static void survive(byte[] data, String what) {
        try {
            LlgoBinary b = LlgoBinary.load(ElfImage.parse(NAME, data));
            Symbolizer s = Symbolizer.of(b);
            for (long pc = 0x401000; pc < 0x402000; pc += 0x41) {
                s.symbolize(pc, true);
            }
        } catch (BinaryFormatException e) {
            assertTrue(e.getMessage().startsWith(NAME + ": "), what + ": " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(what + ": untyped failure", e);
        }
    }

    @Test
    void everyTruncationIsATypedError() throws Exception {
        for (String v : List.of("nopie", "prebuilt", "pie-lld")) {
            byte[] full = bytes(v);
            for (int len = 0; len < full.length; len += Math.max(1, len / 64)) {
                byte[] cut = java.util.Arrays.copyOf(full, len);
                survive(cut, v + " truncated to " + len);
            }
        }
    }

    @Test
    void sectionHeadersThatLieAreRefusedBeforeAllocation() throws Exception {
        byte[] full = bytes("nopie");
        ByteBuffer b = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(40);
        int shnum = b.getShort(60) & 0xffff;
        List<String> messages = new ArrayList<>();
        for (int i = 1; i < shnum; i++) {
            for (long bad : new long[] {Long.MAX_VALUE, 1L << 40, full.length + 1L}) {
                byte[] copy = full.clone();
                ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) (shoff + 64L * i + 32), bad);  // sh_size
                int type = b.getInt((int) (shoff + 64L * i + 4));
                if (type == 8 || type == 0) {
                    continue;   // NOBITS sizes are not file data
                }
                BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ElfImage.parse(NAME, copy));
                messages.add(e.getMessage());
            }
        }
        assertTrue(messages.stream().allMatch(m -> m.contains("section header") && m.contains("outside the file")), messages.toString());
        byte[] shnumLie = full.clone();
        ByteBuffer.wrap(shnumLie).order(ByteOrder.LITTLE_ENDIAN).putShort(60, (short) 0x7fff);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ElfImage.parse(NAME, shnumLie));
        assertEquals("section header table", e.structure());
        byte[] notElf = full.clone();
        notElf[1] = 'X';
        assertThrows(BinaryFormatException.class, () -> ElfImage.parse(NAME, notElf));
        byte[] be = full.clone();
        be[5] = 2;
        assertTrue(assertThrows(BinaryFormatException.class, () -> ElfImage.parse(NAME, be)).getMessage().contains("little-endian"));
    }

    @Test
    void hugeCountsInTheGlobalsAreTypedErrors() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie"));
        byte[] full = Files.readAllBytes(f.executable());
        ElfImage image = ElfImage.parse(NAME, full);
        for (String global : List.of("__llgo_funcinfo_count", "__llgo_funcinfo_string_count", "__llgo_pcline_count",
                "__llgo_funcinfo_symbol_index_count", "__llgo_funcinfo_hash_mask", "__llgo_funcinfo_table",
                "__llgo_funcinfo_strings", "__llgo_pcsite_end", "__llgo_funcinfo_entry_end")) {
            ImageSymbol s = image.staticSymbols().stream().filter(x -> x.name().equals(global)).findFirst().orElseThrow();
            long fileOff = fileOffset(image, s.value());
            for (long bad : new long[] {0xffffffffffffL, 1L << 31, 0x7fffffffffffffffL, 3}) {
                byte[] copy = full.clone();
                ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) fileOff, bad);
                survive(copy, global + "=" + bad);
            }
        }
    }

    @Test
    void randomByteFlipsNeverEscapeUntyped() throws Exception {
        Random r = new Random(42);
        for (String v : List.of("nopie", "prebuilt", "external")) {
            byte[] full = bytes(v);
            for (int round = 0; round < 300; round++) {
                byte[] copy = full.clone();
                for (int k = 0; k < 8; k++) {
                    copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
                }
                survive(copy, v + " round " + round);
            }
        }
    }

    private static long fileOffset(ElfImage image, long address) {
        for (ImageSegment s : image.loadSegments()) {
            if (s.containsFileBacked(address, 8)) {
                return s.fileOffset() + (address - s.address());
            }
        }
        throw new IllegalStateException("not file-backed: " + Long.toHexString(address));
    }
}
