package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.nio.charset.StandardCharsets;

/**
 * A read position over a {@link ByteSlice} with the DWARF encodings (LEB128, offset-sized
 * fields, NUL-terminated strings). All reads stay inside the slice, so every overrun becomes a
 * {@link BinaryFormatException} that names the structure and the file offset.
 */
final class DwarfCursor {
    private final ByteSlice slice;
    private final String fileName;
    private long pos;

    DwarfCursor(ByteSlice slice, String fileName, long pos) {
        this.slice = slice;
        this.fileName = fileName;
        this.pos = pos;
    }

    long pos() { return pos; }

    void seek(long newPos) { pos = newPos; }

    long remaining() { return slice.length() - pos; }

    boolean atEnd() { return pos >= slice.length(); }

    int u8() throws BinaryFormatException {
        int v = slice.u8(pos);
        pos += 1;
        return v;
    }

    int s8() throws BinaryFormatException {
        return (byte) u8();
    }

    int u16() throws BinaryFormatException {
        int v = slice.u16(pos);
        pos += 2;
        return v;
    }

    long u32() throws BinaryFormatException {
        long v = slice.u32(pos);
        pos += 4;
        return v;
    }

    long u64() throws BinaryFormatException {
        long v = slice.u64(pos);
        pos += 8;
        return v;
    }

    /** A 4- or 8-byte section offset, per the unit's 32/64-bit DWARF format. */
    long offset(int offsetSize) throws BinaryFormatException {
        return offsetSize == 8 ? u64() : u32();
    }

    /** An unsigned little-endian value of 1, 2, 4 or 8 bytes (target addresses). */
    long unsigned(int size) throws BinaryFormatException {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw error(pos, "unsupported value size " + size);
        };
    }

    /** Unsigned LEB128; bits past 64 are dropped (over-long encodings are legal). */
    long uleb() throws BinaryFormatException {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** Signed LEB128, sign-extended from the last byte read. */
    long sleb() throws BinaryFormatException {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A ULEB128 used as a count or size: must not exceed {@code limit}. */
    long ulebAtMost(long limit, String what) throws BinaryFormatException {
        long at = pos;
        long v = uleb();
        if (v < 0 || v > limit) {
            throw error(at, what + " " + Long.toUnsignedString(v) + " exceeds the " + limit
                    + " bytes that remain");
        }
        return v;
    }

    /** A NUL-terminated UTF-8 string; a missing terminator is an error, not a read to the end. */
    String cString() throws BinaryFormatException {
        if (!slice.hasNulFrom(pos)) {
            throw error(pos, "unterminated string");
        }
        long end = pos;
        while (slice.u8(end) != 0) {
            end++;
        }
        String s = new String(slice.bytes(pos, end - pos), StandardCharsets.UTF_8);
        pos = end + 1;
        return s;
    }

    void skip(long n) throws BinaryFormatException {
        if (n < 0 || n > remaining()) {
            throw error(pos, "cannot skip " + Long.toUnsignedString(n) + " bytes, only "
                    + Math.max(0, remaining()) + " remain");
        }
        pos += n;
    }

    BinaryFormatException error(long at, String problem) {
        return new BinaryFormatException(fileName, slice.structure(), slice.fileOffset() + at, problem);
    }
}
