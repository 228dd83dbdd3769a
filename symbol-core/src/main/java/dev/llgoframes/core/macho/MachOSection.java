package dev.llgoframes.core.macho;

/**
 * A section_64 entry. {@code ordinal} is the 1-based number nlist's n_sect uses; {@code offset}
 * is relative to the slice.
 */
public record MachOSection(int ordinal, String segment, String name, long address, long size, long offset,
                           int alignPower, int flags) {
    public String qualifiedName() { return segment + "," + name; }

    public boolean isZeroFill() {
        int type = flags & MachO.SECTION_TYPE;
        return type == MachO.S_ZEROFILL || type == MachO.S_GB_ZEROFILL || type == MachO.S_THREAD_LOCAL_ZEROFILL;
    }

    public boolean hasInstructions() {
        return (flags & (MachO.S_ATTR_PURE_INSTRUCTIONS | MachO.S_ATTR_SOME_INSTRUCTIONS)) != 0;
    }

    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, address) >= 0 && Long.compareUnsigned(addr - address, size) < 0;
    }
}
