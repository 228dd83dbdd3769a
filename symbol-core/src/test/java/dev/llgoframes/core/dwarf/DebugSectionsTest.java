package dev.llgoframes.core.dwarf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugSectionsTest {
    @TempDir
    Path dir;

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf);
        d.end();
        return Arrays.copyOf(buf, n);
    }

    static byte[] chdr64(long type, long size, byte[] payload) {
        return new DwarfBytes().u32(type).u32(0).u64(size).u64(1).bytes(payload).toByteArray();
    }

    static ByteSlice inflate64(byte[] section) throws BinaryFormatException {
        return DebugSections.sectionData("z.elf", ".debug_line", section, 0x100, DebugSections.SHF_COMPRESSED, true);
    }

    static BinaryFormatException rejects(byte[] section, String messagePart) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> inflate64(section));
        assertTrue(e.getMessage().contains(messagePart), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("z.elf: .debug_line at offset 0x"), e.getMessage());
        return e;
    }

    @Test
    void inflatesGccZlibSectionsToWhatObjcopyDecompresses() throws Exception {
        Path exe = NativeBuild.compile(dir, "pz", "-g", "-gdwarf-5", "-O2", "-gz=zlib");
        Path plain = dir.resolve("pz.plain");
        NativeBuild.run(dir, null, List.of("objcopy", "--decompress-debug-sections", exe.toString(), plain.toString()));
        ElfFile z = ElfFile.from(exe.toFile());
        ElfFile p = ElfFile.from(plain.toFile());
        int checked = 0;
        for (String name : new String[] {".debug_line", ".debug_info", ".debug_str", ".debug_line_str"}) {
            ElfSection zs = z.firstSectionByName(name);
            ElfSection ps = p.firstSectionByName(name);
            ByteSlice out = DebugSections.sectionData(exe.toString(), name, zs.getData(), zs.header.sh_offset,
                    zs.header.sh_flags, true);
            assertArrayEquals(ps.getData(), out.bytes(0, out.length()), name);
            if ((zs.header.sh_flags & DebugSections.SHF_COMPRESSED) != 0) {
                assertNotEquals(zs.getData().length, out.length(), name);
                checked++;
            }
        }
        assertTrue(checked >= 2, "expected gcc -gz=zlib to compress some sections");
    }

    @Test
    void uncompressedSectionsPassThrough() throws Exception {
        byte[] raw = {1, 2, 3};
        ByteSlice s = DebugSections.sectionData("z.elf", ".debug_line", raw, 0x40, 0, true);
        assertArrayEquals(raw, s.bytes(0, 3));
        assertEquals(0x40, s.fileOffset());
    }

    @Test
    void elf32CompressionHeader() throws Exception {
        byte[] data = "line table bytes line table bytes line table bytes".getBytes();
        byte[] section = new DwarfBytes().u32(1).u32(data.length).u32(1).bytes(deflate(data)).toByteArray();
        ByteSlice s = DebugSections.sectionData("z.elf", ".debug_line", section, 0, DebugSections.SHF_COMPRESSED, false);
        assertArrayEquals(data, s.bytes(0, s.length()));
    }

    @Test
    void badZlibData() {
        byte[] junk = new byte[40];
        Arrays.fill(junk, (byte) 0x5a);
        rejects(chdr64(1, 100, junk), "bad zlib data");
    }

    @Test
    void everyTruncationOfTheStreamIsAnError() throws Exception {
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 ^ i >> 3);
        }
        byte[] z = deflate(data);
        assertArrayEquals(data, inflate64(chdr64(1, data.length, z)).bytes(0, data.length));
        for (int n = 0; n < z.length; n++) {
            byte[] cut = Arrays.copyOf(z, n);
            assertThrows(BinaryFormatException.class, () -> inflate64(chdr64(1, data.length, cut)), "cut to " + n);
        }
        for (int n = 0; n < 24; n++) {
            byte[] header = Arrays.copyOf(chdr64(1, data.length, z), n);
            assertThrows(BinaryFormatException.class, () -> inflate64(header), "header cut to " + n);
        }
    }

    @Test
    void randomMutationsOnlyEverGiveFormatErrors() {
        byte[] data = new byte[2000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 97 + (i >> 6));
        }
        byte[] section = chdr64(1, data.length, deflate(data));
        java.util.Random rnd = new java.util.Random(42);
        int ok = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] m = section.clone();
            for (int e = 1 + rnd.nextInt(3); e > 0; e--) {
                m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            try {
                inflate64(m);
                ok++;
            } catch (BinaryFormatException expected) {
                // fine: bad data reported as such
            }
        }
        assertTrue(ok < 3000, "mutations should mostly be detected");
    }

    @Test
    void declaredSizeMustMatchTheStream() {
        byte[] data = new byte[500];
        Arrays.fill(data, (byte) 7);
        byte[] z = deflate(data);
        rejects(chdr64(1, 501, z), "zlib stream ends after 500 of the declared 501 bytes");
        rejects(chdr64(1, 499, z), "zlib stream holds more than the declared 499 bytes");
    }

    @Test
    void declaredSizeIsCappedBeforeAllocating() {
        byte[] z = deflate(new byte[10]);
        rejects(chdr64(1, 1L << 40, z), "declared uncompressed size 1099511627776 exceeds the limit of "
                + 64 * z.length);
        rejects(chdr64(1, -1L, z), "declared uncompressed size 18446744073709551615 exceeds");
        // Zeros compress far beyond 64x, so such a section is refused rather than trusted.
        byte[] zeros = new byte[1 << 20];
        rejects(chdr64(1, zeros.length, deflate(zeros)), "exceeds the limit");
    }

    @Test
    void unsupportedCompressionTypes() {
        rejects(chdr64(2, 10, new byte[10]), "zstd-compressed sections are not supported");
        rejects(chdr64(7, 10, new byte[10]), "unknown compression type ch_type 7");
    }
}
