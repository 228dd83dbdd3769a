package dev.llgoframes.core.image;

/** One section of an executable, as its header describes it. */
public record ImageSection(int index, String name, int type, long flags, long address, long size,
                           long fileOffset, long alignment, int link, boolean fileBacked) {
    public long end() { return address + size; }

    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, address) >= 0 && Long.compareUnsigned(addr, end()) < 0;
    }

    public boolean isWritable() { return (flags & 0x1) != 0; }

    public boolean isAllocated() { return (flags & 0x2) != 0; }

    public boolean isExecutable() { return (flags & 0x4) != 0; }
}
