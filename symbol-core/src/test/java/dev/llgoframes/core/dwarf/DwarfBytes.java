package dev.llgoframes.core.dwarf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian byte writer with DWARF encodings, for hand-built test sections. */
final class DwarfBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    DwarfBytes u8(int v) { out.write(v); return this; }

    DwarfBytes u16(int v) { return u8(v).u8(v >>> 8); }

    DwarfBytes u32(long v) { return u16((int) v).u16((int) (v >>> 16)); }

    DwarfBytes u64(long v) { return u32(v).u32(v >>> 32); }

    DwarfBytes uleb(long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    DwarfBytes sleb(long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    DwarfBytes cstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        return u8(0);
    }

    DwarfBytes bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    int size() { return out.size(); }

    byte[] toByteArray() { return out.toByteArray(); }

    // Line program opcodes, so tests read like the program they encode.

    DwarfBytes setAddress(long addr) { return u8(0).uleb(9).u8(2).u64(addr); }

    DwarfBytes setAddress32(long addr) { return u8(0).uleb(5).u8(2).u32(addr); }

    DwarfBytes endSequence() { return u8(0).uleb(1).u8(1); }

    DwarfBytes copy() { return u8(1); }

    DwarfBytes advancePc(long n) { return u8(2).uleb(n); }

    DwarfBytes advanceLine(long n) { return u8(3).sleb(n); }

    DwarfBytes setFile(long f) { return u8(4).uleb(f); }

    DwarfBytes setColumn(long c) { return u8(5).uleb(c); }

    DwarfBytes negateStmt() { return u8(6); }
}
