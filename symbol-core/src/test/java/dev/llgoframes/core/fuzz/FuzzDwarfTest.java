package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.dwarf.DebugSections;
import dev.llgoframes.core.dwarf.DwarfLineTable;
import dev.llgoframes.core.dwarf.LineRow;
import dev.llgoframes.core.dwarf.LineTableOptions;
import dev.llgoframes.core.image.ElfImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * DWARF line programs ({@code DwarfLineTable.parse}, DWARF 2–5) and compressed debug sections
 * ({@code DebugSections.decompress}). Structure-aware: the header fields of one unit of the real
 * .debug_line of the DWARF 4 and 5 fixtures (unit_length, version, address_size, header_length,
 * minimum_instruction_length, maximum_operations_per_instruction, line_base, line_range,
 * opcode_base, the entry-format counts), opcodes spliced into a program, a zlib wrapper with a
 * declared size that may lie. Then pc lookups and line → address queries over the result.
 */
class FuzzDwarfTest {
    private record Sections(byte[] line, byte[] lineStr, byte[] str) {}

    private static final List<Sections> BASES = new ArrayList<>();

    static {
        for (String v : List.of("nopie-dwarf5", "nopie-dwarf4")) {
            try {
                ElfImage image = ElfImage.parse(Path.of(v), FuzzSupport.base(v));
                BASES.add(new Sections(bytes(image, ".debug_line"), bytes(image, ".debug_line_str"), bytes(image, ".debug_str")));
            } catch (BinaryFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Sections s : BASES) {
            FuzzSupport.warmUp(() -> parseAndQuery(s.line(), s.lineStr(), s.str(), true, new long[0]));
        }
    }

    private static byte[] bytes(ElfImage image, String name) throws BinaryFormatException {
        ImageSection s = image.section(name).orElse(null);
        return s == null ? null : image.sectionData(s).bytes(0, s.size());
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void lineTable(FuzzedDataProvider p) {
        int mode = p.consumeInt(0, 3);
        boolean lenient = p.consumeBoolean();
        Sections base = BASES.get(p.consumeInt(0, BASES.size() - 1));
        long[] pcs = new long[p.consumeInt(0, 4)];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = p.consumeLong();
        }
        if (mode == 0) {   // fuzzer bytes as the whole section
            byte[] line = p.consumeRemainingAsBytes();
            parseAndQuery(line, base.lineStr(), base.str(), lenient, pcs);
            return;
        }
        byte[] line = base.line().clone();
        int mutations = p.consumeInt(1, 4);
        for (int m = 0; m < mutations && p.remainingBytes() > 0; m++) {
            line = mutate(line, p);
        }
        if (mode == 1) {
            parseAndQuery(line, base.lineStr(), base.str(), lenient, pcs);
        } else {
            compressedThenParse(line, base, lenient, pcs, p);
        }
    }

    /** Offsets of the unit-header fields of the unit at {@code u}: {offset, width}. */
    private static int[][] headerFields(byte[] b, int u) {
        int version = (int) FuzzSupport.get(b, u + 4, 2);
        if (version >= 5) {
            // length, version, address_size, seg_sel, header_length, min_inst, max_ops, default_is_stmt,
            // line_base, line_range, opcode_base
            return new int[][] {{u, 4}, {u + 4, 2}, {u + 6, 1}, {u + 7, 1}, {u + 8, 4}, {u + 12, 1}, {u + 13, 1},
                {u + 14, 1}, {u + 15, 1}, {u + 16, 1}, {u + 17, 1}};
        }
        return new int[][] {{u, 4}, {u + 4, 2}, {u + 6, 4}, {u + 10, 1}, {u + 11, 1}, {u + 12, 1}, {u + 13, 1},
            {u + 14, 1}, {u + 15, 1}};
    }

    private static byte[] mutate(byte[] b, FuzzedDataProvider p) {
        List<Integer> units = new ArrayList<>();
        for (long u = 0; u + 4 <= b.length && units.size() < 64; ) {
            units.add((int) u);
            long len = FuzzSupport.get(b, u, 4);
            if (len == 0 || len >= 0xfffffff0L) {
                break;
            }
            u += 4 + len;
        }
        int u = units.isEmpty() ? 0 : units.get(p.consumeInt(0, units.size() - 1));
        switch (p.consumeInt(0, 5)) {
            case 0: { // a unit header field
                int[][] fields = headerFields(b, u);
                int[] fd = fields[p.consumeInt(0, fields.length - 1)];
                long v = FuzzSupport.interesting(p, FuzzSupport.get(b, fd[0], fd[1]), b.length,
                        new long[] {2, 3, 4, 5, 6, 13, 0xff, b.length - u});
                FuzzSupport.put(b, fd[0], fd[1], v);
                return b;
            }
            case 1: { // splice opcodes at a point of the unit
                int at = Math.min(b.length, u + p.consumeInt(0, 512));
                byte[] ops = opcodes(p);
                byte[] out = new byte[b.length + ops.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ops, 0, out, at, ops.length);
                System.arraycopy(b, at, out, at + ops.length, b.length - at);
                if (p.consumeBoolean()) {   // keep unit_length honest so the parser reaches the opcodes
                    FuzzSupport.put(out, u, 4, FuzzSupport.get(out, u, 4) + ops.length);
                }
                return out;
            }
            case 2: { // any bytes
                if (b.length == 0) return b;
                int at = p.consumeInt(0, b.length - 1);
                byte[] v = p.consumeBytes(p.consumeInt(1, 8));
                System.arraycopy(v, 0, b, at, Math.min(v.length, b.length - at));
                return b;
            }
            case 3: // truncate
                return java.util.Arrays.copyOf(b, p.consumeInt(0, b.length));
            case 4: { // 64-bit DWARF: 0xffffffff escape and an 8-byte length
                if (u + 4 > b.length) return b;
                byte[] out = new byte[b.length + 8];
                System.arraycopy(b, 0, out, 0, u);
                FuzzSupport.put(out, u, 4, 0xffffffffL);
                FuzzSupport.put(out, u + 4, 8, p.consumeBoolean() ? FuzzSupport.get(b, u, 4) + 0 : p.consumeLong());
                System.arraycopy(b, u + 4, out, u + 12, b.length - u - 4);
                return out;
            }
            default: { // an entry-format count or form in a DWARF 5 header
                int version = (int) FuzzSupport.get(b, u + 4, 2);
                if (version < 5) return b;
                int opcodeBase = (int) FuzzSupport.get(b, u + 17, 1);
                int at = u + 18 + Math.max(0, opcodeBase - 1) + p.consumeInt(0, 24);
                if (at < b.length) {
                    b[at] = (byte) FuzzSupport.interesting(p, b[at] & 0xff, b.length, new long[] {0x08, 0x0e, 0x1f, 0x0b, 0x1e, 0x09});
                }
                return b;
            }
        }
    }

    /** A few line-program opcodes with fuzzer operands. */
    private static byte[] opcodes(FuzzedDataProvider p) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int n = p.consumeInt(1, 6);
        for (int i = 0; i < n; i++) {
            switch (p.consumeInt(0, 7)) {
                case 0 -> { o.write(0); uleb(o, 9); o.write(2); long a = p.consumeLong(); for (int k = 0; k < 8; k++) o.write((int) (a >>> 8 * k)); }
                case 1 -> { o.write(0); uleb(o, 1); o.write(1); }                  // end_sequence
                case 2 -> { o.write(2); uleb(o, p.consumeLong()); }                 // advance_pc
                case 3 -> { o.write(3); sleb(o, p.consumeLong()); }                 // advance_line
                case 4 -> { o.write(4); uleb(o, p.consumeLong(0, 8)); }             // set_file
                case 5 -> { o.write(0); uleb(o, p.consumeLong()); o.write(p.consumeInt(0, 255)); } // extended, lying length
                case 6 -> o.write(p.consumeInt(0, 255));                           // special or standard opcode
                default -> { o.write(0); byte[] name = p.consumeBytes(8); uleb(o, name.length + 4); o.write(3);
                             o.writeBytes(name); o.write(0); uleb(o, p.consumeLong(0, 4)); o.write(0); o.write(0); } // define_file
            }
        }
        return o.toByteArray();
    }

    private static void uleb(ByteArrayOutputStream o, long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            o.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    private static void sleb(ByteArrayOutputStream o, long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                o.write(b);
                return;
            }
            o.write(b | 0x80);
        }
    }

    private static void compressedThenParse(byte[] line, Sections base, boolean lenient, long[] pcs, FuzzedDataProvider p) {
        Deflater d = new Deflater();
        d.setInput(line);
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            z.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] zlib = z.toByteArray();
        if (p.consumeBoolean() && zlib.length > 0) {   // damage the stream itself
            int at = p.consumeInt(0, zlib.length - 1);
            zlib[at] = p.consumeByte();
        }
        if (p.consumeBoolean()) {
            zlib = java.util.Arrays.copyOf(zlib, p.consumeInt(0, zlib.length + 8));
        }
        boolean elf64 = p.consumeInt(0, 7) != 0;
        int header = elf64 ? 24 : 12;
        byte[] sec = new byte[header + zlib.length];
        long declared = p.consumeBoolean() ? line.length : FuzzSupport.interesting(p, line.length, zlib.length, new long[] {64L * zlib.length});
        long type = p.consumeInt(0, 15) == 0 ? p.consumeInt(0, 3) : 1;
        FuzzSupport.put(sec, 0, 4, type);
        if (elf64) {
            FuzzSupport.put(sec, 8, 8, declared);
            FuzzSupport.put(sec, 16, 8, 1);
        } else {
            FuzzSupport.put(sec, 4, 4, declared);
            FuzzSupport.put(sec, 8, 4, 1);
        }
        System.arraycopy(zlib, 0, sec, header, zlib.length);
        FuzzSupport.bounded(sec.length, () -> {
            ByteSlice out = DebugSections.decompress(ByteSlice.of(sec, 0x3000, "fuzz-dwarf", ".zdebug_line"), elf64);
            if (out.length() > Math.max(64L * Math.max(sec.length - header, 1), 0)) {
                throw new FuzzSupport.PropertyViolation("decompressed " + out.length() + " bytes from " + sec.length);
            }
            byte[] plain = out.bytes(0, out.length());
            query(DwarfLineTable.parse("fuzz-dwarf", ByteSlice.of(plain, "fuzz-dwarf", ".debug_line"),
                    slice(base.lineStr(), ".debug_line_str"), slice(base.str(), ".debug_str"),
                    lenient ? LineTableOptions.LENIENT : LineTableOptions.STRICT), pcs);
        });
    }

    private static ByteSlice slice(byte[] b, String name) {
        return b == null ? null : ByteSlice.of(b, 0x4000, "fuzz-dwarf", name);
    }

    static void parseAndQuery(byte[] line, byte[] lineStr, byte[] str, boolean lenient, long[] pcs) {
        long size = (long) line.length + (lineStr == null ? 0 : lineStr.length) + (str == null ? 0 : str.length);
        FuzzSupport.bounded(size, () -> {
            DwarfLineTable t = DwarfLineTable.parse("fuzz-dwarf", ByteSlice.of(line, 0x100, "fuzz-dwarf", ".debug_line"),
                    slice(lineStr, ".debug_line_str"), slice(str, ".debug_str"),
                    lenient ? LineTableOptions.LENIENT : LineTableOptions.STRICT);
            query(t, pcs);
        });
    }

    private static void query(DwarfLineTable t, long[] pcs) {
        for (BinaryFormatException e : t.problems()) {
            if (!e.getMessage().startsWith("fuzz-dwarf: ")) {
                throw new FuzzSupport.PropertyViolation("problem does not name the file: " + e.getMessage());
            }
        }
        List<LineRow> rows = t.rows();
        int step = Math.max(1, rows.size() / 64);
        for (int i = 0; i < rows.size(); i += step) {
            LineRow r = rows.get(i);
            t.lookup(r.address());
            t.lookup(r.address() - 1);
            t.addressesFor(r.file(), r.line());
        }
        for (long pc : pcs) {
            t.lookup(pc);
        }
        for (String f : t.files()) {
            t.addressesFor(f, 1);
            int slash = f.lastIndexOf('/');
            if (slash >= 0 && slash + 1 < f.length()) {
                t.addressesFor(f.substring(slash + 1), 7);
            }
        }
        t.addressesFor("", 0);
        t.sequenceCount();
    }
}
