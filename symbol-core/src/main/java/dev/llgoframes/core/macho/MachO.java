package dev.llgoframes.core.macho;

/** Mach-O constants the reader uses (mach-o/loader.h, fat.h, nlist.h, fixup-chains.h). */
final class MachO {
    private MachO() {}

    static final int MH_MAGIC_64 = 0xFEEDFACF;
    static final int MH_MAGIC = 0xFEEDFACE;
    static final int MH_CIGAM_64 = 0xCFFAEDFE;
    /** Universal headers are big-endian: these are the values as read big-endian. */
    static final int FAT_MAGIC = 0xCAFEBABE;
    static final int FAT_MAGIC_64 = 0xCAFEBABF;

    static final int CPU_TYPE_X86_64 = 0x01000007;
    static final int CPU_TYPE_ARM64 = 0x0100000C;
    static final int CPU_ARCH_ABI64 = 0x01000000;

    static final int MH_EXECUTE = 2;
    static final int MH_DSYM = 0xA;
    static final int MH_PIE = 0x200000;

    static final int LC_SYMTAB = 0x2;
    static final int LC_SEGMENT_64 = 0x19;
    static final int LC_UUID = 0x1B;
    static final int LC_DYLD_CHAINED_FIXUPS = 0x80000034;

    static final int HEADER_SIZE = 32;
    static final int SEGMENT_SIZE = 72;
    static final int SECTION_SIZE = 80;
    static final int NLIST_SIZE = 16;

    static final int SECTION_TYPE = 0xFF;
    static final int S_ZEROFILL = 0x1;
    static final int S_GB_ZEROFILL = 0xC;
    static final int S_THREAD_LOCAL_ZEROFILL = 0x12;
    static final int S_ATTR_PURE_INSTRUCTIONS = 0x80000000;
    static final int S_ATTR_SOME_INSTRUCTIONS = 0x400;

    static final int VM_PROT_READ = 1;
    static final int VM_PROT_WRITE = 2;
    static final int VM_PROT_EXECUTE = 4;

    static final int N_STAB = 0xE0;
    static final int N_PEXT = 0x10;
    static final int N_TYPE = 0x0E;
    static final int N_EXT = 0x01;
    static final int N_UNDF = 0x0;
    static final int N_ABS = 0x2;
    static final int N_SECT = 0xE;
    static final int N_WEAK_DEF = 0x80;

    static String cpuName(int cputype) {
        return switch (cputype) {
            case CPU_TYPE_X86_64 -> "x86_64";
            case CPU_TYPE_ARM64 -> "arm64";
            case 7 -> "i386";
            case 12 -> "arm";
            case 0x0200000C -> "arm64_32";
            case 18 -> "ppc";
            case 0x01000012 -> "ppc64";
            default -> "cputype 0x" + Integer.toHexString(cputype);
        };
    }
}
