package dev.llgoframes.core.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed .debug_line input must end in a BinaryFormatException or a well-defined partial
 * result: never another exception, an outsized allocation or a hang.
 */
class HostileLineTableTest {
    @TempDir
    static Path dir;
    static NativeBuild.LineSections v4;
    static NativeBuild.LineSections v5;

    @BeforeAll
    static void build() throws Exception {
        v4 = NativeBuild.sections(NativeBuild.compile(Files.createDirectory(dir.resolve("v4")), "p4",
                "-g", "-gdwarf-4", "-O0"));
        v5 = NativeBuild.sections(NativeBuild.compile(Files.createDirectory(dir.resolve("v5")), "p5",
                "-g", "-gdwarf-5", "-O2"));
    }

    // ---- helpers

    private static byte[] bytesOf(ByteSlice s) throws BinaryFormatException {
        return s.bytes(0, s.length());
    }

    /** Parses strictly and leniently; anything but a BinaryFormatException fails the test. */
    private static void mustNotCrash(byte[] debugLine, byte[] lineStr, byte[] str, String what) {
        for (LineTableOptions mode : new LineTableOptions[] {LineTableOptions.STRICT, LineTableOptions.LENIENT}) {
            try {
                DwarfLineTable t = DwarfLineTable.parse("h.elf", ByteSlice.of(debugLine, "h.elf", ".debug_line"),
                        lineStr == null ? null : ByteSlice.of(lineStr, "h.elf", ".debug_line_str"),
                        str == null ? null : ByteSlice.of(str, "h.elf", ".debug_str"), mode);
                exercise(t);
            } catch (BinaryFormatException e) {
                assertTrue(e.getMessage().startsWith("h.elf: "), e.getMessage());
            } catch (Throwable e) {
                fail(what + " (" + (mode.skipBadUnits() ? "lenient" : "strict") + ") threw " + e + " for input "
                        + HexFormat.of().formatHex(debugLine, 0, Math.min(debugLine.length, 256)), e);
            }
        }
    }

    private static void exercise(DwarfLineTable t) {
        for (LineRow r : t.rows()) {
            t.lookup(r.address());
            t.lookup(r.address() - 1);
        }
        for (String f : t.files()) {
            t.addressesFor(f, 1);
        }
        t.lookup(0);
        t.lookup(-1);
    }

    private static BinaryFormatException rejects(byte[] debugLine, String messagePart) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class,
                () -> LineProgramSemanticsTest.parse(debugLine));
        assertTrue(e.getMessage().contains(messagePart), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("t.elf: .debug_line"), e.getMessage());
        return e;
    }

    private static byte[] unit(int version, Consumer<LineProgramWriter> setup) {
        LineProgramWriter w = new LineProgramWriter().version(version);
        if (version >= 5) {
            w.dir("/d");
        }
        w.file("a.c", 0);
        w.program.setAddress(0x1000).copy().advancePc(4).endSequence();
        setup.accept(w);
        return w.build();
    }

    // ---- real sections, cut and mutated

    @Test
    void everyTruncationOfRealSections() throws Exception {
        for (NativeBuild.LineSections s : new NativeBuild.LineSections[] {v4, v5}) {
            byte[] line = bytesOf(s.debugLine());
            byte[] lineStr = s.debugLineStr() == null ? null : bytesOf(s.debugLineStr());
            byte[] str = s.debugStr() == null ? null : bytesOf(s.debugStr());
            for (int n = 0; n < line.length; n++) {
                mustNotCrash(Arrays.copyOf(line, n), lineStr, str, ".debug_line cut to " + n);
            }
            if (lineStr != null) {
                for (int n = 0; n < lineStr.length; n++) {
                    mustNotCrash(line, Arrays.copyOf(lineStr, n), str, ".debug_line_str cut to " + n);
                }
                mustNotCrash(line, null, null, "no string sections");
            }
        }
    }

    @Test
    void truncationsInsideTheFirstUnitAreReportedAsPastTheEnd() throws Exception {
        byte[] line = bytesOf(v5.debugLine());
        long unitLength = v5.debugLine().u32(0);
        for (int n = 4; n < 4 + unitLength; n += 7) {
            rejects(Arrays.copyOf(line, n), "runs past the end of the section");
        }
    }

    @Test
    void randomByteMutationsOfRealSections() throws Exception {
        Random rnd = new Random(0x5eedL);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (NativeBuild.LineSections s : new NativeBuild.LineSections[] {v4, v5}) {
                byte[] orig = bytesOf(s.debugLine());
                byte[] lineStr = s.debugLineStr() == null ? null : bytesOf(s.debugLineStr());
                for (int i = 0; i < 4000; i++) {
                    byte[] m = orig.clone();
                    int edits = 1 + rnd.nextInt(4);
                    for (int e = 0; e < edits; e++) {
                        int at = i % 3 == 0 ? rnd.nextInt(Math.min(m.length, 120)) : rnd.nextInt(m.length);
                        int[] interesting = {0, 0xff, 0x80, 0x7f, 0x01, rnd.nextInt(256)};
                        m[at] = (byte) interesting[rnd.nextInt(interesting.length)];
                    }
                    mustNotCrash(m, lineStr, null, "mutation " + i);
                }
            }
        });
    }

    // ---- unit length and header fields

    @Test
    void unitLengthPastTheEnd() {
        rejects(unit(4, w -> w.unitLengthOverride = 0x7fff_0000L), "unit_length 2147418112 runs past the end");
        rejects(unit(4, w -> {
            w.dwarf64 = true;
            w.unitLengthOverride = Long.MAX_VALUE;
        }), "runs past the end");
        rejects(unit(4, w -> {
            w.dwarf64 = true;
            w.unitLengthOverride = -1L;   // 2^64 - 1 as unsigned
        }), "unit_length 18446744073709551615 runs past the end");
        rejects(unit(4, w -> w.unitLengthOverride = 0xffff_fff0L), "reserved unit_length 0xfffffff0");
    }

    @Test
    void headerLengthPastTheUnit() {
        rejects(unit(4, w -> w.headerLengthOverride = 0xffff_fff0L), "header_length 4294967280 runs past the end");
        rejects(unit(5, w -> {
            w.dwarf64 = true;
            w.headerLengthOverride = Long.MIN_VALUE;
        }), "header_length 9223372036854775808 runs past the end");
    }

    @Test
    void headerLengthTooShortForTheTables() {
        rejects(unit(4, w -> w.headerLengthOverride = 12L), "header");
        rejects(unit(5, w -> w.headerLengthOverride = 20L), "header");
    }

    @Test
    void badVersions() {
        for (int v : new int[] {0, 1, 6, 0xffff}) {
            byte[] u = unit(4, w -> { });
            u[4] = (byte) v;
            u[5] = (byte) (v >> 8);
            rejects(u, "unsupported line table version " + v);
        }
    }

    @Test
    void hugeDirectoryAndFileCounts() {
        DwarfBytes dirs = new DwarfBytes().u8(1).uleb(1).uleb(0x08).uleb(Long.MAX_VALUE);
        rejects(unit(5, w -> w.rawV5Tables = dirs.toByteArray()), "directory count 9223372036854775807 exceeds");
        DwarfBytes files = new DwarfBytes().u8(1).uleb(1).uleb(0x08).uleb(1).cstr("/d")
                .u8(1).uleb(1).uleb(0x08).uleb(-1L);
        rejects(unit(5, w -> w.rawV5Tables = files.toByteArray()), "file name count 18446744073709551615 exceeds");
        // A count with no format would loop without reading anything.
        DwarfBytes noFormat = new DwarfBytes().u8(0).uleb(1_000_000_000L);
        rejects(unit(5, w -> w.rawV5Tables = noFormat.toByteArray()), "count is 1000000000 but no entry format");
        DwarfBytes noFormatSmall = new DwarfBytes().u8(0).uleb(3);
        rejects(unit(5, w -> w.rawV5Tables = noFormatSmall.toByteArray()), "directory count is 3 but no entry format");
    }

    @Test
    void unsupportedAndMisusedForms() {
        DwarfBytes strx = new DwarfBytes().u8(1).uleb(1).uleb(0x1a).uleb(1).u8(0);
        rejects(unit(5, w -> w.rawV5Tables = strx.toByteArray()), "unsupported form 0x1a");
        DwarfBytes numericPath = new DwarfBytes().u8(1).uleb(1).uleb(0x0b).uleb(1).u8(7);
        rejects(unit(5, w -> w.rawV5Tables = numericPath.toByteArray()), "directory path uses non-string form 0xb");
        DwarfBytes stringDir = new DwarfBytes().u8(1).uleb(1).uleb(0x08).uleb(1).cstr("/d")
                .u8(2).uleb(1).uleb(0x08).uleb(2).uleb(0x08).uleb(1).cstr("a.c").cstr("0");
        rejects(unit(5, w -> w.rawV5Tables = stringDir.toByteArray()), "directory index uses non-numeric form");
        DwarfBytes noPath = new DwarfBytes().u8(1).uleb(3).uleb(0x0f).uleb(1).uleb(5);
        rejects(unit(5, w -> w.rawV5Tables = noPath.toByteArray()), "entry has no DW_LNCT_path");
        DwarfBytes hugeBlock = new DwarfBytes().u8(2).uleb(1).uleb(0x08).uleb(3).uleb(0x09).uleb(1).cstr("/d")
                .uleb(Long.MAX_VALUE);
        rejects(unit(5, w -> w.rawV5Tables = hugeBlock.toByteArray()), "cannot skip");
        DwarfBytes lineStrp = new DwarfBytes().u8(1).uleb(1).uleb(0x1f).uleb(1).u32(0);
        rejects(unit(5, w -> w.rawV5Tables = lineStrp.toByteArray()), "refers to .debug_line_str but the file has no");
        DwarfBytes unterminated = new DwarfBytes().u8(1).uleb(1).uleb(0x08).uleb(1).u8('x');
        rejects(unit(5, w -> {
            w.rawV5Tables = unterminated.toByteArray();
            w.program = new DwarfBytes();
        }), "unterminated string");
    }

    @Test
    void stringOffsetsOutsideTheStringSection() {
        DwarfBytes t = new DwarfBytes().u8(1).uleb(1).uleb(0x1f).uleb(1).u32(0x1000);
        byte[] u = unit(5, w -> w.rawV5Tables = t.toByteArray());
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> DwarfLineTable.parse("t.elf",
                ByteSlice.of(u, "t.elf", ".debug_line"), ByteSlice.of("/d\0".getBytes(), "t.elf", ".debug_line_str"),
                null));
        assertTrue(e.getMessage().contains("offset 0x1000 is outside .debug_line_str (3 bytes)"), e.getMessage());
        byte[] u2 = unit(5, w -> w.rawV5Tables = new DwarfBytes().u8(1).uleb(1).uleb(0x1f).uleb(1).u32(1)
                .toByteArray());
        assertThrows(BinaryFormatException.class, () -> DwarfLineTable.parse("t.elf",
                ByteSlice.of(u2, "t.elf", ".debug_line"), ByteSlice.of("/dx".getBytes(), "t.elf", ".debug_line_str"),
                null), "a string without NUL must not run to the end of the section");
    }

    @Test
    void manyOffsetsIntoOneLongStringHitTheDecodeBudget() {
        // 60k file entries, each naming a different offset of one 200 KB string: decoding them
        // all would take 12 GB of text. The reader must refuse instead.
        int len = 200_000;
        byte[] lineStr = new byte[len + 1];
        Arrays.fill(lineStr, 0, len, (byte) 'a');
        DwarfBytes t = new DwarfBytes().u8(1).uleb(1).uleb(0x1f).uleb(1).u32(0);
        t.u8(1).uleb(1).uleb(0x1f).uleb(60_000);
        for (int i = 0; i < 60_000; i++) {
            t.u32(i);
        }
        byte[] u = unit(5, w -> w.rawV5Tables = t.toByteArray());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> DwarfLineTable.parse("t.elf",
                    ByteSlice.of(u, "t.elf", ".debug_line"), ByteSlice.of(lineStr, "t.elf", ".debug_line_str"), null));
            assertTrue(e.getMessage().contains("decode to far more text than the section holds"), e.getMessage());
        });
    }

    @Test
    void manyFilesUnderOneHugeDirectoryHitTheJoinBudget() {
        // One 1 MB directory and 40k one-letter-ish files in it: joined paths would be 40 GB.
        LineProgramWriter w = new LineProgramWriter().version(4).dir("d".repeat(1 << 20));
        for (int i = 0; i < 40_000; i++) {
            w.file(Integer.toString(i, 36), 1);
        }
        w.program.setAddress(0x10);
        for (int i = 1; i <= 40_000; i++) {
            w.program.setFile(i).copy();
        }
        byte[] u = w.build();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> LineProgramSemanticsTest.parse(u));
            assertTrue(e.getMessage().contains("file paths add up to far more text than the input"), e.getMessage());
        });
    }

    @Test
    void addressSizeMustBeSupportedAndMatchSetAddress() {
        rejects(unit(5, w -> w.addressSize = 3), "unsupported address_size 3");
        rejects(unit(5, w -> w.addressSize = 0), "unsupported address_size 0");
        rejects(unit(5, w -> w.addressSize = 4), "DW_LNE_set_address has a 8-byte operand but address_size is 4");
        rejects(unit(4, w -> w.program = new DwarfBytes().u8(0).uleb(4).u8(2).u8(1).u8(2).u8(3)),
                "unsupported 3-byte operand");
        rejects(unit(4, w -> w.program = new DwarfBytes().u8(0).uleb(1).u8(2)), "unsupported 0-byte operand");
    }

    @Test
    void opcodeBaseExtremes() throws Exception {
        rejects(unit(4, w -> {
            w.opcodeBase = 0;
            w.standardLengths = new int[0];
        }), "opcode_base is 0");
        // 255 claims 254 length entries; only 12 are there, so the header runs out.
        rejects(unit(4, w -> {
            w.opcodeBase = 255;
            w.headerLengthOverride = 20L;
        }), "header");
        // opcode_base 1: no standard opcodes at all, every non-zero opcode is special.
        LineProgramWriter w = new LineProgramWriter().version(4).file("a.c", 0);
        w.opcodeBase = 1;
        w.standardLengths = new int[0];
        w.program.setAddress(0x10).u8(1 + 5).u8(1 + 5 + 14).endSequence();   // line+0; then address+1
        DwarfLineTable t = LineProgramSemanticsTest.parse(w.build());
        assertEquals(3, t.rows().size());
        assertEquals(0x11, t.rows().get(1).address());
    }

    @Test
    void lineRangeZeroOnlyFailsWhenUsed() throws Exception {
        rejects(unit(4, w -> {
            w.lineRange = 0;
            w.program = new DwarfBytes().setAddress(0).u8(20);
        }), "line_range is 0");
        rejects(unit(4, w -> {
            w.lineRange = 0;
            w.program = new DwarfBytes().u8(8);
        }), "line_range is 0");
        assertEquals(2, LineProgramSemanticsTest.parse(unit(4, w -> w.lineRange = 0)).rows().size());
    }

    @Test
    void maxOpsZeroIsRejected() {
        rejects(unit(4, w -> w.maxOps = 0), "maximum_operations_per_instruction is 0");
    }

    @Test
    void fileAndDirectoryIndexesOutOfRange() throws Exception {
        rejects(unit(4, w -> w.program = new DwarfBytes().setFile(2).copy()),
                "file index 2 is out of range (1 file entries, 1-based)");
        rejects(unit(4, w -> w.program = new DwarfBytes().setFile(0).copy()), "file index 0 is out of range");
        rejects(unit(4, w -> w.program = new DwarfBytes().setFile(-1L).copy()),
                "file index 18446744073709551615 is out of range");
        rejects(unit(5, w -> w.program = new DwarfBytes().setFile(1).copy()), "(1 file entries, 0-based)");
        rejects(unit(4, w -> {
            w.files.clear();
            w.file("a.c", 3);
        }), "file 1 uses directory index 3 but there are only 0 directories");
        rejects(unit(5, w -> {
            w.files.clear();
            w.file("a.c", 1);
            w.program = new DwarfBytes().setFile(0).copy();
        }), "file 0 uses directory index 1 but there are only 1 directories");
        // A bad entry that no row uses does not matter.
        LineProgramWriter ok = new LineProgramWriter().version(4).file("a.c", 0).file("bad.c", 99);
        ok.program.setAddress(0).copy().endSequence();
        assertEquals(2, LineProgramSemanticsTest.parse(ok.build()).rows().size());
    }

    @Test
    void extendedOpcodeLengths() throws Exception {
        rejects(unit(4, w -> w.program = new DwarfBytes().u8(0).uleb(Long.MAX_VALUE)), "extended opcode length");
        rejects(unit(4, w -> w.program = new DwarfBytes().u8(0).uleb(50).u8(0x80)), "extended opcode length 50 exceeds");
        rejects(unit(4, w -> w.program = new DwarfBytes().u8(0).uleb(2).u8(3).cstr("long-name.c").uleb(0).uleb(0)
                .uleb(0)), "extended opcode 0x3 reads past its length 2");
        // Length 0 has no sub-opcode: skipped without effect.
        LineProgramWriter w = new LineProgramWriter().version(4).file("a.c", 0);
        w.program.u8(0).uleb(0).setAddress(0x10).copy().u8(0).uleb(0).endSequence();
        assertEquals(2, LineProgramSemanticsTest.parse(w.build()).rows().size());
    }

    @Test
    void addressGoingBackwardsInASequenceIsRejected() {
        rejects(unit(4, w -> w.program = new DwarfBytes().setAddress(0x100).copy().setAddress(0x80).copy()),
                "address 0x80 is below the previous row of its sequence");
        // wrapping past 2^64 is going backwards too
        rejects(unit(4, w -> w.program = new DwarfBytes().setAddress(-2L).copy().advancePc(4).copy()),
                "is below the previous row");
    }

    @Test
    void programsThatDoNotAdvanceStillEnd() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            DwarfBytes p = new DwarfBytes().setAddress(0x10);
            for (int i = 0; i < 200_000; i++) {
                p.advancePc(0).u8(0).uleb(0).advanceLine(0).u8(9).u16(0).copy();
            }
            p.endSequence();
            byte[] u = unit(4, w -> w.program = p);
            DwarfLineTable t = LineProgramSemanticsTest.parse(u);
            assertEquals(200_001, t.rows().size());
            assertTrue(t.lookup(0x10).isEmpty(), "an empty sequence covers no pc");
            assertEquals(java.util.List.of(0x10L), t.addressesFor("a.c", 1));
        });
    }

    @Test
    void rowCountIsBoundedByInputSize() throws Exception {
        // The densest program: one byte per row. Rows can never outnumber section bytes.
        DwarfBytes p = new DwarfBytes();
        for (int i = 0; i < 100_000; i++) {
            p.u8(13 + 5);   // special opcode: address +0, line +0
        }
        byte[] u = unit(4, w -> w.program = p.endSequence());
        DwarfLineTable t = LineProgramSemanticsTest.parse(u);
        assertTrue(t.rows().size() <= u.length);
    }
}
