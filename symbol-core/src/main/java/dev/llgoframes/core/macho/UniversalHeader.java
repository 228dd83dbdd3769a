package dev.llgoframes.core.macho;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.ArrayList;
import java.util.List;

/**
 * The big-endian fat header of a universal Mach-O file (fat.h), FAT_MAGIC and FAT_MAGIC_64.
 * Every slice must lie inside the file; the count is bounded by the file size before anything
 * is allocated (a Java class file shares the magic and is refused by that bound).
 */
final class UniversalHeader {
    /** Real universal files have a handful of slices; class files read as thousands. */
    static final int MAX_SLICES = 64;

    private UniversalHeader() {}

    static boolean isFat(ByteSlice f) throws BinaryFormatException {
        if (f.length() < 8) {
            return false;
        }
        int magic = be32(f, 0);
        return magic == MachO.FAT_MAGIC || magic == MachO.FAT_MAGIC_64;
    }

    static List<MachOSlice> read(ByteSlice f) throws BinaryFormatException {
        boolean wide = be32(f, 0) == MachO.FAT_MAGIC_64;
        long n = be32(f, 4) & 0xFFFFFFFFL;
        int entry = wide ? 32 : 20;
        if (n == 0 || n > MAX_SLICES) {
            throw f.error(4, "universal header claims " + n + " slices (expected 1.." + MAX_SLICES + "; a Java class file shares this magic)");
        }
        if (!f.fits(8, n * entry)) {
            throw f.error(8, n + " fat_arch entries of " + entry + " bytes do not fit in the file");
        }
        List<MachOSlice> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = 8 + (long) i * entry;
            int cpu = be32(f, at);
            int sub = be32(f, at + 4);
            long off = wide ? be64(f, at + 8) : be32(f, at + 8) & 0xFFFFFFFFL;
            long size = wide ? be64(f, at + 16) : be32(f, at + 12) & 0xFFFFFFFFL;
            int align = be32(f, at + (wide ? 24 : 16));
            if (!f.fits(off, size) || size < MachO.HEADER_SIZE) {
                throw f.error(at, "slice " + i + " [0x" + Long.toHexString(off) + ", +0x" + Long.toHexString(size)
                        + ") lies outside the file of " + f.length() + " bytes or is too small");
            }
            if (off < 8 + n * entry) {
                throw f.error(at, "slice " + i + " overlaps the universal header");
            }
            out.add(new MachOSlice(i, cpu, sub, off, size, align));
        }
        return out;
    }

    static int be32(ByteSlice f, long off) throws BinaryFormatException {
        return Integer.reverseBytes(f.i32(off));
    }

    static long be64(ByteSlice f, long off) throws BinaryFormatException {
        return Long.reverseBytes(f.u64(off));
    }
}
