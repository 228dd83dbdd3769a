package dev.llgoframes.core.macho;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mach_header_64 and the load commands this reader needs. Every command must lie inside
 * sizeofcmds, every count is checked against the bytes that hold it before a list is built,
 * and every file range a command names must lie inside the slice.
 */
record LoadCommands(int cpuType, int cpuSubtype, int fileType, int flags, List<MachOSegment> segments,
                    Optional<SymtabCommand> symtab, Optional<byte[]> uuid, Optional<LinkeditData> chainedFixups,
                    int commandCount) {
    /** LC_SYMTAB fields. */
    record SymtabCommand(long symoff, long nsyms, long stroff, long strsize) {}

    /** A linkedit_data_command: a [dataoff, +datasize) range of __LINKEDIT. */
    record LinkeditData(long dataoff, long datasize) {}

    static LoadCommands read(ByteSlice f) throws BinaryFormatException {
        if (f.length() < MachO.HEADER_SIZE) {
            throw f.error(0, "Mach-O header needs 32 bytes, the slice has " + f.length());
        }
        int magic = f.i32(0);
        if (magic == MachO.MH_MAGIC) {
            throw f.error(0, "32-bit Mach-O is not supported");
        }
        if (magic == MachO.MH_CIGAM_64) {
            throw f.error(0, "big-endian Mach-O is not supported");
        }
        if (magic != MachO.MH_MAGIC_64) {
            throw f.error(0, "not a 64-bit Mach-O (magic 0x" + Integer.toHexString(magic) + ")");
        }
        int cpu = f.i32(4);
        int sub = f.i32(8);
        int fileType = f.i32(12);
        long ncmds = f.u32(16);
        long sizeofcmds = f.u32(20);
        int flags = f.i32(24);
        if (!f.fits(MachO.HEADER_SIZE, sizeofcmds)) {
            throw f.error(20, "sizeofcmds " + sizeofcmds + " runs past the end of the slice (" + f.length() + " bytes)");
        }
        if (ncmds > sizeofcmds / 8) {
            throw f.error(16, ncmds + " load commands cannot fit in sizeofcmds " + sizeofcmds);
        }
        ByteSlice cmds = f.slice(MachO.HEADER_SIZE, sizeofcmds, "load commands");
        List<MachOSegment> segments = new ArrayList<>();
        SymtabCommand symtab = null;
        byte[] uuid = null;
        LinkeditData fixups = null;
        int ordinal = 1;
        long at = 0;
        for (int i = 0; i < ncmds; i++) {
            if (!cmds.fits(at, 8)) {
                throw cmds.error(at, "load command " + i + " starts past sizeofcmds");
            }
            int cmd = cmds.i32(at);
            long size = cmds.u32(at + 4);
            if (size < 8 || !cmds.fits(at, size)) {
                throw cmds.error(at, "load command " + i + " (0x" + Integer.toHexString(cmd) + ") has cmdsize " + size
                        + " outside [8, remaining " + (cmds.length() - at) + "]");
            }
            ByteSlice c = cmds.slice(at, size, "load command " + i + " (0x" + Integer.toHexString(cmd) + ")");
            switch (cmd) {
                case MachO.LC_SEGMENT_64 -> {
                    MachOSegment s = segment(c, f, segments.size(), ordinal);
                    ordinal += s.sections().size();
                    segments.add(s);
                }
                case MachO.LC_SYMTAB -> {
                    if (symtab != null) {
                        throw c.error(0, "second LC_SYMTAB");
                    }
                    symtab = symtabCommand(c, f);
                }
                case MachO.LC_UUID -> {
                    need(c, 24, "LC_UUID");
                    uuid = c.bytes(8, 16);
                }
                case MachO.LC_DYLD_CHAINED_FIXUPS -> {
                    if (fixups != null) {
                        throw c.error(0, "second LC_DYLD_CHAINED_FIXUPS");
                    }
                    need(c, 16, "LC_DYLD_CHAINED_FIXUPS");
                    long off = c.u32(8);
                    long len = c.u32(12);
                    if (!f.fits(off, len)) {
                        throw c.error(8, "chained-fixup data [0x" + Long.toHexString(off) + ", +0x" + Long.toHexString(len)
                                + ") lies outside the slice");
                    }
                    fixups = new LinkeditData(off, len);
                }
                default -> {
                    // other commands (dyld info, exports trie, code signature, ...) are not needed to symbolize
                }
            }
            at += size;
        }
        return new LoadCommands(cpu, sub, fileType, flags, segments, Optional.ofNullable(symtab),
                Optional.ofNullable(uuid), Optional.ofNullable(fixups), (int) ncmds);
    }

    private static void need(ByteSlice c, long size, String what) throws BinaryFormatException {
        if (c.length() < size) {
            throw c.error(0, what + " needs " + size + " bytes, cmdsize is " + c.length());
        }
    }

    private static MachOSegment segment(ByteSlice c, ByteSlice f, int index, int firstOrdinal) throws BinaryFormatException {
        need(c, MachO.SEGMENT_SIZE, "LC_SEGMENT_64");
        String name = name16(c, 8);
        long vmaddr = c.u64(24);
        long vmsize = c.u64(32);
        long fileoff = c.u64(40);
        long filesize = c.u64(48);
        int maxprot = c.i32(56);
        int initprot = c.i32(60);
        long nsects = c.u32(64);
        if (nsects > (c.length() - MachO.SEGMENT_SIZE) / MachO.SECTION_SIZE) {
            throw c.error(64, "segment " + name + " claims " + nsects + " sections but cmdsize " + c.length() + " holds "
                    + (c.length() - MachO.SEGMENT_SIZE) / MachO.SECTION_SIZE);
        }
        if (filesize != 0 && !f.fits(fileoff, filesize)) {
            throw c.error(40, "segment " + name + " file range [0x" + Long.toHexString(fileoff) + ", +0x"
                    + Long.toHexString(filesize) + ") lies outside the slice of " + f.length() + " bytes");
        }
        if (Long.compareUnsigned(filesize, vmsize) > 0) {
            throw c.error(48, "segment " + name + " has filesize 0x" + Long.toHexString(filesize) + " > vmsize 0x" + Long.toHexString(vmsize));
        }
        if (Long.compareUnsigned(vmaddr + vmsize, vmaddr) < 0) {
            throw c.error(24, "segment " + name + " wraps the address space");
        }
        List<MachOSection> sections = new ArrayList<>();
        for (int i = 0; i < nsects; i++) {
            long s = MachO.SEGMENT_SIZE + (long) i * MachO.SECTION_SIZE;
            String sect = name16(c, s);
            String seg = name16(c, s + 16);
            long addr = c.u64(s + 32);
            long size = c.u64(s + 40);
            long offset = c.u32(s + 48);
            int align = c.i32(s + 52);
            int flags = c.i32(s + 64);
            MachOSection sec = new MachOSection(firstOrdinal + i, seg, sect, addr, size, offset, align, flags);
            if (!sec.isZeroFill() && size != 0 && !f.fits(offset, size)) {
                throw c.error(s + 40, "section " + sec.qualifiedName() + " data [0x" + Long.toHexString(offset) + ", +0x"
                        + Long.toHexString(size) + ") lies outside the slice of " + f.length() + " bytes");
            }
            if (Long.compareUnsigned(addr, vmaddr) < 0 || Long.compareUnsigned(addr - vmaddr, vmsize) > 0
                    || Long.compareUnsigned(size, vmsize - (addr - vmaddr)) > 0) {
                throw c.error(s + 32, "section " + sec.qualifiedName() + " [0x" + Long.toHexString(addr) + ", +0x"
                        + Long.toHexString(size) + ") is not inside its segment " + name);
            }
            sections.add(sec);
        }
        return new MachOSegment(index, name, vmaddr, vmsize, fileoff, filesize, maxprot, initprot, sections);
    }

    private static SymtabCommand symtabCommand(ByteSlice c, ByteSlice f) throws BinaryFormatException {
        need(c, 24, "LC_SYMTAB");
        long symoff = c.u32(8);
        long nsyms = c.u32(12);
        long stroff = c.u32(16);
        long strsize = c.u32(20);
        if (!f.fits(symoff, nsyms * MachO.NLIST_SIZE)) {
            throw c.error(8, nsyms + " nlist entries at 0x" + Long.toHexString(symoff) + " do not fit in the slice");
        }
        if (!f.fits(stroff, strsize)) {
            throw c.error(16, "string table [0x" + Long.toHexString(stroff) + ", +" + strsize + ") lies outside the slice");
        }
        return new SymtabCommand(symoff, nsyms, stroff, strsize);
    }

    /** A 16-byte, NUL-padded name (segname/sectname); a full 16 bytes has no NUL. */
    private static String name16(ByteSlice c, long off) throws BinaryFormatException {
        byte[] b = c.bytes(off, 16);
        int n = 0;
        while (n < 16 && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
