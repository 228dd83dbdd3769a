package dev.llgoframes.core.funcinfo;

import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.ArrayList;
import java.util.List;

/** Reads 16-byte site rows from an image's memory, decoding relocated slots (§3.7.5). */
public final class SiteReader {
    private SiteReader() {}

    /** All rows of [start, end), zero and meta rows included, in section order. */
    public static List<Site> read(BinaryImage image, long start, long end, String structure) throws BinaryFormatException {
        long size = end - start;
        if (Long.compareUnsigned(end, start) < 0 || size % 16 != 0) {
            throw new BinaryFormatException(image.displayName(), structure, -1,
                    "bounds [0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ") are not a whole number of 16-byte sites");
        }
        ByteSlice rows = image.readMemory(start, size, structure);
        List<Site> out = new ArrayList<>((int) (size / 16));
        for (long o = 0; o < size; o += 16) {
            // PIE ELF: RELATIVE addend; Mach-O: chained-fixup rebase/bind (§3.7.5)
            long pc = image.decodeSlot(start + o, rows.u64(o));
            out.add(new Site(pc, rows.u64(o + 8)));
        }
        return out;
    }

    /** Sites from a sidecar: {pcOffset, id} rows relocated by the image base (§5.5). */
    public static List<Site> readRelative(ByteSlice rows, long count, long imageBase) throws BinaryFormatException {
        List<Site> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            out.add(new Site(imageBase + rows.u64(16 * i), rows.u64(16 * i + 8)));
        }
        return out;
    }
}
