package dev.llgoframes.core.image;

/** A loadable segment: file bytes [fileOffset, +fileSize) appear at [address, +fileSize); the rest of memSize is zero. */
public record ImageSegment(long address, long memSize, long fileOffset, long fileSize, int flags) {
    public boolean containsFileBacked(long addr, long len) {
        return Long.compareUnsigned(addr, address) >= 0 && addr - address <= fileSize && len <= fileSize - (addr - address);
    }

    public boolean containsInMemory(long addr) {
        return Long.compareUnsigned(addr, address) >= 0 && Long.compareUnsigned(addr - address, memSize) < 0;
    }

    public boolean isWritable() { return (flags & 0x2) != 0; }

    public boolean isExecutable() { return (flags & 0x1) != 0; }
}
