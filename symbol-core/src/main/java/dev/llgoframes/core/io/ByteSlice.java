package dev.llgoframes.core.io;

import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked little-endian window onto file bytes. Every read is checked against the
 * window, so a hostile offset or count becomes a {@link BinaryFormatException} that names the
 * file, the structure and the absolute file offset instead of an index error.
 */
public final class ByteSlice {
    private final byte[] data;
    private final int start;
    private final int length;
    private final long fileOffset;
    private final String file;
    private final String structure;

    private ByteSlice(byte[] data, int start, int length, long fileOffset, String file, String structure) {
        this.data = data;
        this.start = start;
        this.length = length;
        this.fileOffset = fileOffset;
        this.file = file;
        this.structure = structure;
    }

    /** The whole array, which starts at file offset 0. */
    public static ByteSlice of(byte[] data, String file, String structure) {
        return new ByteSlice(data, 0, data.length, 0, file, structure);
    }

    /** Part of an array that is itself a copy of bytes that started at {@code fileOffset}. */
    public static ByteSlice of(byte[] data, long fileOffset, String file, String structure) {
        return new ByteSlice(data, 0, data.length, fileOffset, file, structure);
    }

    public int length() { return length; }

    public String file() { return file; }

    public String structure() { return structure; }

    /** File offset of byte 0 of this window. */
    public long fileOffset() { return fileOffset; }

    /** A sub-window of {@code len} bytes at {@code off}, for a named structure. */
    public ByteSlice slice(long off, long len, String name) throws BinaryFormatException {
        check(off, len, name);
        return new ByteSlice(data, start + (int) off, (int) len, fileOffset + off, file, name);
    }

    public ByteSlice withStructure(String name) {
        return new ByteSlice(data, start, length, fileOffset, file, name);
    }

    public boolean fits(long off, long len) {
        return off >= 0 && len >= 0 && off <= length && len <= length - off;
    }

    private void check(long off, long len, String what) throws BinaryFormatException {
        if (!fits(off, len)) {
            throw new BinaryFormatException(file, what, fileOffset + Math.max(off, 0),
                    len + " bytes requested but only " + Math.max(0, length - Math.max(off, 0))
                            + " remain in " + structure);
        }
    }

    public int u8(long off) throws BinaryFormatException {
        check(off, 1, structure);
        return data[start + (int) off] & 0xff;
    }

    public int u16(long off) throws BinaryFormatException {
        check(off, 2, structure);
        int p = start + (int) off;
        return (data[p] & 0xff) | (data[p + 1] & 0xff) << 8;
    }

    /** Unsigned 32-bit value in a long. */
    public long u32(long off) throws BinaryFormatException {
        check(off, 4, structure);
        int p = start + (int) off;
        return (data[p] & 0xffL) | (data[p + 1] & 0xffL) << 8 | (data[p + 2] & 0xffL) << 16
                | (data[p + 3] & 0xffL) << 24;
    }

    /** 32-bit value as a Java int (same bits). */
    public int i32(long off) throws BinaryFormatException {
        return (int) u32(off);
    }

    public long u64(long off) throws BinaryFormatException {
        check(off, 8, structure);
        int p = start + (int) off;
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[p + i] & 0xffL);
        }
        return v;
    }

    public byte[] bytes(long off, long len) throws BinaryFormatException {
        check(off, len, structure);
        byte[] out = new byte[(int) len];
        System.arraycopy(data, start + (int) off, out, 0, (int) len);
        return out;
    }

    /** NUL-terminated UTF-8 string at {@code off}; an unterminated string runs to the end. */
    public String cString(long off) throws BinaryFormatException {
        check(off, 0, structure);
        int p = start + (int) off;
        int end = start + length;
        int q = p;
        while (q < end && data[q] != 0) {
            q++;
        }
        return new String(data, p, q - p, StandardCharsets.UTF_8);
    }

    /** True when a NUL occurs at or after {@code off} inside the window. */
    public boolean hasNulFrom(long off) {
        if (off < 0 || off >= length) {
            return false;
        }
        for (int q = start + (int) off; q < start + length; q++) {
            if (data[q] == 0) {
                return true;
            }
        }
        return false;
    }

    public BinaryFormatException error(long off, String problem) {
        return new BinaryFormatException(file, structure, fileOffset + off, problem);
    }
}
