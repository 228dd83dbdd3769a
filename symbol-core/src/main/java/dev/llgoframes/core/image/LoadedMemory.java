package dev.llgoframes.core.image;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.List;

/**
 * An image's memory as the loader maps it from its loadable segments: file bytes, then zeros up
 * to each segment's memory size (compacted carriers rely on the zero-fill). Shared by the ELF and
 * Mach-O readers.
 */
public final class LoadedMemory {
    private LoadedMemory() {}

    public static ByteSlice read(ByteSlice file, List<ImageSegment> loads, String fileName, long address, long length,
                          String structure) throws BinaryFormatException {
        if (length < 0 || length > file.length() + (1L << 20)) {
            throw new BinaryFormatException(fileName, structure, -1, "implausible length " + length + " at address 0x" + Long.toHexString(address));
        }
        for (ImageSegment seg : loads) {
            if (!seg.containsInMemory(address) || Long.compareUnsigned(address - seg.address() + length, seg.memSize()) > 0) {
                continue;
            }
            long rel = address - seg.address();
            byte[] out = new byte[(int) length];
            long fromFile = Math.max(0, Math.min(length, seg.fileSize() - rel));
            if (fromFile > 0) {
                byte[] part = file.slice(seg.fileOffset() + rel, fromFile, structure).bytes(0, fromFile);
                System.arraycopy(part, 0, out, 0, (int) fromFile);
            }
            long off = fromFile > 0 ? file.fileOffset() + seg.fileOffset() + rel : -1;
            return ByteSlice.of(out, off, fileName, structure);
        }
        throw new BinaryFormatException(fileName, structure, -1, "address range [0x" + Long.toHexString(address) + ", +0x"
                + Long.toHexString(length) + ") is not inside any loadable segment");
    }

    public static ByteSlice section(ByteSlice file, String fileName, ImageSection s) throws BinaryFormatException {
        if (!s.fileBacked()) {
            return ByteSlice.of(new byte[0], s.fileOffset(), fileName, s.name());
        }
        return file.slice(s.fileOffset(), s.size(), "section " + s.name());
    }
}
