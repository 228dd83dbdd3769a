package dev.llgoframes.core.macho;

import java.util.List;

/** An LC_SEGMENT_64 command with its sections; {@code fileOffset} is relative to the slice. */
public record MachOSegment(int index, String name, long address, long memSize, long fileOffset, long fileSize,
                           int maxProt, int initProt, List<MachOSection> sections) {
    public MachOSegment {
        sections = List.copyOf(sections);
    }

    /** __PAGEZERO and friends: no access, no bytes; never part of the mapped image. */
    public boolean isGuard() { return initProt == 0 && fileSize == 0; }

    public boolean containsFileOffset(long off, long len) {
        return off >= fileOffset && len >= 0 && off - fileOffset <= fileSize && len <= fileSize - (off - fileOffset);
    }
}
