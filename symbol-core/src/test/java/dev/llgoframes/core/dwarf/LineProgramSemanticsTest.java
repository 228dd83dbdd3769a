package dev.llgoframes.core.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opcode and header semantics that gcc does not exercise, on hand-built units. */
class LineProgramSemanticsTest {
    static DwarfLineTable parse(byte[] debugLine) throws BinaryFormatException {
        return DwarfLineTable.parse("t.elf", ByteSlice.of(debugLine, "t.elf", ".debug_line"), null, null);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    private static LineRow row(long addr, String file, int line, int col, boolean stmt, boolean end) {
        return new LineRow(addr, file, line, col, stmt, end);
    }

    @Test
    void dwarf2UsesOpcodeBase10SoOpcodes10To12AreSpecial() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(2).file("a.c", 0);
        // special opcode 10 = adjusted 0: address +0, line + line_base (-5)
        w.program.setAddress(0x1000).advanceLine(10).u8(10).advancePc(4).endSequence();
        DwarfLineTable t = parse(w.build());
        assertEquals(List.of(row(0x1000, "a.c", 6, 0, true, false), row(0x1004, "a.c", 6, 0, true, true)), t.rows());
    }

    @Test
    void standardAndExtendedOpcodesDwarf4() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(4).dir("/inc").dir("sub").file("a.c", 0).file("b.h", 1);
        w.opcodeBase = 14;
        w.standardLengths = new int[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 2};   // opcode 13 takes two ULEBs
        w.program.setAddress(0x4000)
                .setColumn(7).copy()                                   // 0x4000 a.c:1:7
                .u8(0).uleb(2).u8(4).uleb(3)                           // set_discriminator 3
                .u8(0).uleb(4).u8(0x80).u8(1).u8(2).u8(3)              // unknown extended opcode: skipped
                .u8(13).uleb(1000).uleb(5)                             // unknown standard opcode 13: skipped
                .u8(9).u16(0x10)                                       // fixed_advance_pc 0x10
                .setFile(2).advanceLine(4).negateStmt().copy()        // 0x4010 /inc/b.h:5:7 not stmt
                .u8(7).u8(10).u8(11).u8(12).uleb(1)                    // basic_block, prologue, epilogue, isa
                .u8(8)                                                 // const_add_pc: (255-14)/14 = 17
                .u8(0).uleb(11).u8(3).cstr("gen.go").uleb(2).uleb(0).uleb(0)   // define_file 3 in "sub"
                .setFile(3).negateStmt()
                .u8(14 + 5 + 14 * 2)                                   // special: +2 address, line += 0
                .advancePc(3).endSequence();
        DwarfLineTable t = parse(w.build());
        assertEquals(List.of(
                row(0x4000, "a.c", 1, 7, true, false),
                row(0x4010, "/inc/b.h", 5, 7, false, false),
                row(0x4010 + 17 + 2, "sub/gen.go", 5, 7, true, false),
                row(0x4010 + 17 + 2 + 3, "sub/gen.go", 5, 7, true, true)), t.rows());
        assertEquals(java.util.Set.of("a.c", "/inc/b.h", "sub/gen.go"), t.files());
    }

    @Test
    void compilationDirectoryFromOptionsAppliesToRelativePathsOnly() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(3).dir("/abs").dir("rel").file("a.c", 0)
                .file("b.c", 1).file("c.c", 2).file("/x/d.c", 2);
        w.program.setAddress(0x10);
        for (int f = 1; f <= 4; f++) {
            w.program.setFile(f).copy();
        }
        w.program.endSequence();
        byte[] unit = w.build();
        DwarfLineTable t = DwarfLineTable.parse("t.elf", ByteSlice.of(unit, "t.elf", ".debug_line"), null, null,
                new LineTableOptions(off -> off == 0 ? "/build" : null, false));
        assertEquals(List.of("/build/a.c", "/abs/b.c", "/build/rel/c.c", "/x/d.c", "/x/d.c"),
                t.rows().stream().map(LineRow::file).toList());
        assertEquals(List.of("a.c", "/abs/b.c", "rel/c.c", "/x/d.c", "/x/d.c"),
                parse(unit).rows().stream().map(LineRow::file).toList());
    }

    @Test
    void dwarf5FileZeroAndDirectoryZeroAreTheCompilationUnit() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(5).dir("/cu").dir("lib").file("main.c", 0).file("u.c", 1);
        w.program.setAddress(0x100).setFile(0).copy().setFile(1).advancePc(2).copy().advancePc(2).endSequence();
        assertEquals(List.of("/cu/main.c", "/cu/lib/u.c", "/cu/lib/u.c"),
                parse(w.build()).rows().stream().map(LineRow::file).toList());
    }

    @Test
    void dwarf5TablesWithStrpLineStrpAndSkippedForms() throws Exception {
        byte[] str = concat(new byte[] {0}, "dir-in-str\0".getBytes(), "f.go\0".getBytes());
        byte[] lineStr = "/root\0".getBytes();
        DwarfBytes t = new DwarfBytes();
        t.u8(1).uleb(1).uleb(0x1f);                    // dirs: path line_strp
        t.uleb(1).u32(0);                               // one directory: /root
        t.u8(7)
                .uleb(1).uleb(0x0e)                     // path: strp
                .uleb(2).uleb(0x0b)                     // directory: data1
                .uleb(3).uleb(0x09)                     // timestamp: block
                .uleb(4).uleb(0x06)                     // size: data4
                .uleb(5).uleb(0x1e)                     // MD5: data16
                .uleb(0x2001).uleb(0x08)                // vendor: string
                .uleb(4).uleb(0x07);                    // size again as data8
        t.uleb(2);
        t.u32(12).u8(0).uleb(3).u8(1).u8(2).u8(3).u32(99).bytes(new byte[16]).cstr("src").u64(5);
        t.u32(1).u8(0).uleb(0).u32(0).bytes(new byte[16]).cstr("").u64(0);
        LineProgramWriter w = new LineProgramWriter().version(5);
        w.rawV5Tables = t.toByteArray();
        w.program.setAddress(0x100).setFile(0).copy().setFile(1).advancePc(1).copy().endSequence();
        DwarfLineTable table = DwarfLineTable.parse("t.elf", ByteSlice.of(w.build(), "t.elf", ".debug_line"),
                ByteSlice.of(lineStr, "t.elf", ".debug_line_str"), ByteSlice.of(str, "t.elf", ".debug_str"));
        assertEquals(List.of("/root/f.go", "/root/dir-in-str", "/root/dir-in-str"),
                table.rows().stream().map(LineRow::file).toList());
    }

    @Test
    void dwarf64UnitsDecodeLikeDwarf32() throws Exception {
        for (int version : new int[] {3, 4, 5}) {
            LineProgramWriter w = new LineProgramWriter().version(version);
            if (version == 5) {
                w.dir("/d");
                w.file("z.c", 0);
            }
            w.file("a.c", 0).dwarf64 = true;
            w.program.setAddress(0x2000).copy().advancePc(8).endSequence();
            DwarfLineTable t = parse(w.build());
            assertEquals(2, t.rows().size(), "version " + version);
            assertEquals(Optional.of(t.rows().get(0)), t.lookup(0x2007));
        }
    }

    @Test
    void vliwOperationAdvanceUsesOpIndex() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(4).file("v.c", 0);
        w.maxOps = 3;
        w.minInstLength = 4;
        w.program.setAddress(0x100)
                .advancePc(4).copy()     // op_index 0+4: address += 4*(4/3) = 4, op_index 1
                .advancePc(2).copy()     // op_index 1+2: address += 4*(3/3) = 4, op_index 0
                .advancePc(3).endSequence();
        assertEquals(List.of(0x104L, 0x108L, 0x10cL), parse(w.build()).rows().stream().map(LineRow::address).toList());
    }

    @Test
    void thirtyTwoBitAddresses() throws Exception {
        LineProgramWriter v4 = new LineProgramWriter().version(4).file("a.c", 0);
        v4.program.setAddress32(0x8000_1000L).copy().advancePc(2).endSequence();
        assertEquals(0x8000_1000L, parse(v4.build()).lookup(0x8000_1001L).orElseThrow().address());
        LineProgramWriter v5 = new LineProgramWriter().version(5).dir("/").file("a.c", 0);
        v5.addressSize = 4;
        v5.program.setAddress32(0x400).setFile(0).copy().advancePc(2).endSequence();
        assertEquals(0x400L, parse(v5.build()).lookup(0x401).orElseThrow().address());
    }

    @Test
    void lookupPicksLastRowAtAnAddressAndExcludesTheEndAddress() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(4).file("a.c", 0);
        w.program.setAddress(0x1000).copy().advanceLine(1).copy().advanceLine(1).copy()   // three rows at 0x1000
                .advancePc(0x10).advanceLine(5).copy().advancePc(0x10).endSequence();
        DwarfLineTable t = parse(w.build());
        assertEquals(3, t.lookup(0x1000).orElseThrow().line());
        assertEquals(3, t.lookup(0x100f).orElseThrow().line());
        assertEquals(8, t.lookup(0x101f).orElseThrow().line());
        assertTrue(t.lookup(0x1020).isEmpty());
        assertTrue(t.lookup(0xfff).isEmpty());
        assertEquals(List.of(0x1000L), t.addressesFor("a.c", 2));
        assertEquals(List.of(0x1010L), t.addressesFor("a.c", 8));
    }

    @Test
    void overlappingSequencesAndHighAddresses() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(4).file("a.c", 0);
        w.program.setAddress(0).advanceLine(9).copy().advancePc(0x2000).endSequence()        // [0, 0x2000) line 10
                .setAddress(0x1000).advanceLine(19).copy().advancePc(0x100).endSequence()    // [0x1000, 0x1100) line 20
                .setAddress(0xffff_ffff_ffff_0000L).advanceLine(29).copy().advancePc(0x100).endSequence()
                .setAddress(0x5000).copy().endSequence();                                     // empty sequence
        DwarfLineTable t = parse(w.build());
        assertEquals(20, t.lookup(0x1050).orElseThrow().line());
        assertEquals(10, t.lookup(0x1500).orElseThrow().line());   // behind the inner sequence
        assertEquals(10, t.lookup(0).orElseThrow().line());
        assertTrue(t.lookup(0x2000).isEmpty());
        assertTrue(t.lookup(0x5000).isEmpty());
        assertEquals(30, t.lookup(0xffff_ffff_ffff_00ffL).orElseThrow().line());
        assertTrue(t.lookup(-1L).isEmpty());
        assertEquals(3, t.sequenceCount());
        // unsigned order: the high address sorts last
        LineProgramWriter w2 = new LineProgramWriter().version(4).file("a.c", 0);
        w2.program.setAddress(0xffff_ffff_ffff_0000L).copy().advancePc(1).endSequence()
                .setAddress(0x10).copy().advancePc(1).endSequence();
        assertEquals(List.of(0x10L, 0xffff_ffff_ffff_0000L), parse(w2.build()).addressesFor("a.c", 1));
    }

    @Test
    void pathSuffixMatchingStopsAtSlashBoundaries() {
        String p = "/home/dev/llgo/example/hello.go";
        assertTrue(DwarfLineTable.pathMatches(p, p));
        assertTrue(DwarfLineTable.pathMatches(p, "hello.go"));
        assertTrue(DwarfLineTable.pathMatches(p, "example/hello.go"));
        assertTrue(DwarfLineTable.pathMatches(p, "/example/hello.go"));
        assertFalse(DwarfLineTable.pathMatches(p, "llo.go"));
        assertFalse(DwarfLineTable.pathMatches(p, "ample/hello.go"));
        assertFalse(DwarfLineTable.pathMatches(p, ""));
        assertFalse(DwarfLineTable.pathMatches("hello.go", "/hello.go"));
    }

    @Test
    void nonStatementRowsAreNotBreakpoints() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(4).file("a.c", 0);
        w.defaultIsStmt = 0;
        w.program.setAddress(0x10).copy().negateStmt().advancePc(4).copy().advancePc(4).endSequence();
        DwarfLineTable t = parse(w.build());
        assertEquals(List.of(0x14L), t.addressesFor("a.c", 1));
        assertEquals(List.of(), t.addressesFor("a.c", 2));
        assertEquals(List.of(), t.addressesFor("b.c", 1));
    }

    @Test
    void unterminatedLastSequenceIsDroppedAndReported() throws Exception {
        LineProgramWriter w = new LineProgramWriter().version(4).file("a.c", 0);
        w.program.setAddress(0x10).copy().advancePc(4).endSequence().setAddress(0x100).copy().advancePc(4).copy();
        DwarfLineTable t = parse(w.build());
        assertEquals(2, t.rows().size());
        assertTrue(t.lookup(0x100).isEmpty());
        assertEquals(1, t.problems().size());
        assertTrue(t.problems().get(0).getMessage().contains("2 rows after the last end_sequence"),
                t.problems().get(0).getMessage());
    }

    @Test
    void lenientModeSkipsABadUnitAndKeepsTheOthers() throws Exception {
        LineProgramWriter bad = new LineProgramWriter().version(4).file("bad.c", 0);
        bad.program.setAddress(0x10).copy().setFile(7).copy().endSequence();
        LineProgramWriter good = new LineProgramWriter().version(5).dir("/g").file("good.c", 0);
        good.program.setAddress(0x20).setFile(0).copy().advancePc(2).endSequence();
        byte[] both = concat(bad.build(), good.build());
        ByteSlice s = ByteSlice.of(both, "t.elf", ".debug_line");

        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> parse(both));
        assertTrue(e.getMessage().contains("file index 7 is out of range"), e.getMessage());

        DwarfLineTable t = DwarfLineTable.parse("t.elf", s, null, null, LineTableOptions.LENIENT);
        assertEquals(List.of("/g/good.c", "/g/good.c"), t.rows().stream().map(LineRow::file).toList());
        assertEquals(java.util.Set.of("/g/good.c"), t.files());
        assertEquals(1, t.problems().size());
        assertTrue(t.lookup(0x10).isEmpty());
        assertEquals("/g/good.c", t.lookup(0x21).orElseThrow().file());
    }

    @Test
    void lenientModeStopsAtAnUnusableUnitLength() throws Exception {
        LineProgramWriter good = new LineProgramWriter().version(4).file("a.c", 0);
        good.program.setAddress(0x20).copy().advancePc(2).endSequence();
        byte[] data = concat(good.build(), new byte[] {(byte) 0xf5, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0});
        DwarfLineTable t = DwarfLineTable.parse("t.elf", ByteSlice.of(data, "t.elf", ".debug_line"), null, null,
                LineTableOptions.LENIENT);
        assertEquals(2, t.rows().size());
        assertEquals(1, t.problems().size());
        assertTrue(t.problems().get(0).getMessage().contains("reserved unit_length"), t.problems().get(0).getMessage());
    }

    @Test
    void emptySectionGivesEmptyTable() throws Exception {
        DwarfLineTable t = parse(new byte[0]);
        assertTrue(t.rows().isEmpty());
        assertTrue(t.lookup(0).isEmpty());
        assertTrue(t.files().isEmpty());
        assertEquals(List.of(), t.addressesFor("a.c", 1));
    }
}
