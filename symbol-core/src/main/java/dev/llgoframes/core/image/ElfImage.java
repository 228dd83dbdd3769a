package dev.llgoframes.core.image;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSectionHeader;
import net.fornwall.jelf.ElfSegment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ELF64 little-endian executable (x86-64 or AArch64), parsed with jelf after our own bounds
 * checks, so a lying header becomes a typed error instead of a huge allocation inside jelf.
 */
public final class ElfImage implements BinaryImage {
    /** Files larger than this are refused (a Java array cannot hold them anyway). */
    public static final long MAX_FILE_SIZE = Integer.MAX_VALUE - 16;

    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_RELA = 4;
    private static final int SHT_HASH = 5;
    private static final int SHT_NOTE = 7;
    private static final int SHT_GNU_HASH = 0x6ffffff6;
    private static final long R_X86_64_RELATIVE = 8;
    private static final long R_AARCH64_RELATIVE = 1027;

    private final Path path;
    private final ByteSlice file;
    private final Arch arch;
    private final boolean pie;
    private final List<ImageSection> sections;
    private final Map<String, ImageSection> byName;
    private final List<ImageSegment> loads;
    private final List<ImageSymbol> symtab;
    private final List<ImageSymbol> dynsym;
    private final boolean hasSymtab;
    private final Map<Long, Long> relativeAddends;

    private ElfImage(Path path, ByteSlice file, Arch arch, boolean pie, List<ImageSection> sections,
                     List<ImageSegment> loads, List<ImageSymbol> symtab, boolean hasSymtab,
                     List<ImageSymbol> dynsym, Map<Long, Long> relativeAddends) {
        this.path = path;
        this.file = file;
        this.arch = arch;
        this.pie = pie;
        this.sections = List.copyOf(sections);
        Map<String, ImageSection> names = new HashMap<>();
        for (ImageSection s : sections) {
            names.putIfAbsent(s.name(), s);
        }
        this.byName = names;
        this.loads = List.copyOf(loads);
        this.symtab = Collections.unmodifiableList(symtab);
        this.hasSymtab = hasSymtab;
        this.dynsym = Collections.unmodifiableList(dynsym);
        this.relativeAddends = relativeAddends;
    }

    /** True if the bytes start with the ELF magic. */
    public static boolean isElf(byte[] head) {
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    public static ElfImage open(Path path) throws BinaryFormatException, IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_SIZE) {
            throw new BinaryFormatException(path.toString(), "file", -1, "file of " + size + " bytes is too large to read");
        }
        return parse(path, Files.readAllBytes(path));
    }

    public static ElfImage parse(Path path, byte[] bytes) throws BinaryFormatException {
        String name = path.toString();
        ByteSlice f = ByteSlice.of(bytes, name, "ELF header");
        if (bytes.length < 64 || !isElf(bytes)) {
            throw new BinaryFormatException(name, "ELF header", 0, "not an ELF file (no \\x7fELF magic or shorter than 64 bytes)");
        }
        if (f.u8(4) != 2) {
            throw new BinaryFormatException(name, "ELF header", 4, "only 64-bit ELF is supported (EI_CLASS=" + f.u8(4) + ")");
        }
        if (f.u8(5) != 1) {
            throw new BinaryFormatException(name, "ELF header", 5, "only little-endian ELF is supported (EI_DATA=" + f.u8(5) + ")");
        }
        int type = f.u16(16);
        int machine = f.u16(18);
        Arch arch = switch (machine) {
            case EM_X86_64 -> Arch.X86_64;
            case EM_AARCH64 -> Arch.AARCH64;
            default -> throw new BinaryFormatException(name, "ELF header", 18, "unsupported machine " + machine + " (x86-64 and AArch64 only)");
        };
        validateTables(f, name);
        ElfFile elf;
        try {
            elf = ElfFile.from(bytes);
        } catch (RuntimeException e) {
            throw new BinaryFormatException(name, "ELF headers", -1, "jelf could not parse the file: " + e.getMessage(), e);
        }
        try {
            List<ImageSection> sections = readSections(elf, f, name);
            List<ImageSegment> loads = readLoads(elf);
            List<ImageSymbol> symtab = new ArrayList<>();
            List<ImageSymbol> dynsym = new ArrayList<>();
            boolean hasSymtab = false;
            Map<Long, Long> relative = new HashMap<>();

            // Symbols and relocations are read directly from the (already bounds-checked) section
            // bytes: jelf decodes them field by field through a stream, too slow for 10^5 symbols.
            for (ImageSection sec : sections) {
                if (sec.type() == ElfSectionHeader.SHT_SYMTAB || sec.type() == ElfSectionHeader.SHT_DYNSYM) {
                    if (sec.link() <= 0 || sec.link() >= sections.size()) {
                        throw new BinaryFormatException(name, "section " + sec.name(), sec.fileOffset(), "bad string table link " + sec.link());
                    }
                    ByteSlice strtab = f.slice(sections.get(sec.link()).fileOffset(), sections.get(sec.link()).size(),
                            "string table of " + sec.name());
                    List<ImageSymbol> out = sec.type() == ElfSectionHeader.SHT_SYMTAB ? symtab : dynsym;
                    hasSymtab |= sec.type() == ElfSectionHeader.SHT_SYMTAB;
                    readSymbols(f.slice(sec.fileOffset(), sec.size(), "symbol table " + sec.name()), strtab, out);
                } else if (sec.type() == SHT_RELA && type == ElfFile.ET_DYN) {
                    ByteSlice rela = f.slice(sec.fileOffset(), sec.size(), "relocations " + sec.name());
                    for (long o = 0; o + 24 <= rela.length(); o += 24) {
                        long t = rela.u64(o + 8) & 0xffffffffL;
                        if (t == R_X86_64_RELATIVE && arch == Arch.X86_64 || t == R_AARCH64_RELATIVE && arch == Arch.AARCH64) {
                            relative.put(rela.u64(o), rela.u64(o + 16));
                        }
                    }
                }
            }
            return new ElfImage(path, f.withStructure("file"), arch, type == ElfFile.ET_DYN, sections, loads,
                    symtab, hasSymtab, dynsym, relative);
        } catch (RuntimeException e) {
            throw new BinaryFormatException(name, "ELF section data", -1, "malformed: " + e, e);
        }
    }

    /** Checks header-table and section ranges before jelf allocates anything from them. */
    private static void validateTables(ByteSlice f, String name) throws BinaryFormatException {
        long phoff = f.u64(32);
        long shoff = f.u64(40);
        int phentsize = f.u16(54);
        int phnum = f.u16(56);
        int shentsize = f.u16(58);
        int shnum = f.u16(60);
        int shstrndx = f.u16(62);
        if (phnum > 0 && (phentsize != 56 || !f.fits(phoff, (long) phnum * 56))) {
            throw new BinaryFormatException(name, "program header table", phoff, phnum + " entries of " + phentsize + " bytes do not fit in the file");
        }
        if (shnum == 0) {
            throw new BinaryFormatException(name, "section header table", shoff, "no section headers");
        }
        if (shentsize != 64 || !f.fits(shoff, (long) shnum * 64)) {
            throw new BinaryFormatException(name, "section header table", shoff, shnum + " entries of " + shentsize + " bytes do not fit in the file");
        }
        if (shstrndx >= shnum) {
            throw new BinaryFormatException(name, "section header table", 62, "section-name table index " + shstrndx + " >= " + shnum);
        }
        for (int i = 0; i < shnum; i++) {
            long h = shoff + 64L * i;
            int type = f.i32(h + 4);
            long off = f.u64(h + 24);
            long size = f.u64(h + 32);
            long entsize = f.u64(h + 56);
            if (type != SHT_NOBITS && type != 0 && !f.fits(off, size)) {
                throw new BinaryFormatException(name, "section header " + i, h, "data [0x" + Long.toHexString(off) + ", +0x" + Long.toHexString(size) + ") lies outside the file of " + f.length() + " bytes");
            }
            boolean symbols = type == 2 || type == 11;
            if (symbols && entsize != 24) {
                throw new BinaryFormatException(name, "section header " + i, h, "symbol table entry size " + entsize + " (expected 24)");
            }
            if (type == SHT_RELA && entsize != 24) {
                throw new BinaryFormatException(name, "section header " + i, h, "RELA entry size " + entsize + " (expected 24)");
            }
            int link = f.i32(h + 40);
            if (symbols && (link <= 0 || link >= shnum)) {
                throw new BinaryFormatException(name, "section header " + i, h, "symbol table links to string table " + link + " of " + shnum);
            }
            validateCountedSection(f, name, i, type, off);
        }
    }

    /**
     * jelf builds every section when it is first looked at, and for hash and note sections it
     * allocates arrays from counts inside the section. Those counts must describe bytes that
     * are in the file, or a 100-byte file could ask for gigabytes.
     */
    private static void validateCountedSection(ByteSlice f, String name, int index, int type, long off)
            throws BinaryFormatException {
        long need;
        String what;
        switch (type) {
            case SHT_HASH -> {          // nbucket, nchain, then that many u32 words
                need = 8 + 4 * (f.u32(off) + f.u32(off + 4));
                what = "SysV hash table of " + f.u32(off) + " buckets and " + f.u32(off + 4) + " chains";
            }
            case SHT_GNU_HASH -> {      // nbuckets, symoffset, bloom_size, bloom_shift, bloom words, buckets
                need = 16 + 8 * f.u32(off + 8) + 4 * f.u32(off);
                what = "GNU hash table of " + f.u32(off) + " buckets and " + f.u32(off + 8) + " bloom words";
            }
            case SHT_NOTE -> {          // namesz, descsz, type, name, desc (jelf reads the first note)
                need = 12 + f.u32(off) + f.u32(off + 4);
                what = "note of " + f.u32(off) + " name and " + f.u32(off + 4) + " descriptor bytes";
            }
            default -> {
                return;
            }
        }
        if (!f.fits(off, need)) {
            throw new BinaryFormatException(name, "section header " + index, off, what + " does not fit in the file of "
                    + f.length() + " bytes");
        }
    }

    private static List<ImageSection> readSections(ElfFile elf, ByteSlice f, String name) throws BinaryFormatException {
        List<ImageSection> out = new ArrayList<>();
        for (int i = 0; i < elf.e_shnum; i++) {
            ElfSectionHeader h = elf.getSection(i).header;
            String secName;
            try {
                secName = h.getName();
            } catch (RuntimeException e) {
                throw new BinaryFormatException(name, "section header " + i, elf.e_shoff + 64L * i, "unreadable section name", e);
            }
            out.add(new ImageSection(i, secName == null ? "" : secName, h.sh_type, h.sh_flags, h.sh_addr, h.sh_size,
                    h.sh_offset, h.sh_addralign, h.sh_link, h.sh_type != SHT_NOBITS && h.sh_type != 0));
        }
        return out;
    }

    private static List<ImageSegment> readLoads(ElfFile elf) {
        List<ImageSegment> out = new ArrayList<>();
        for (int i = 0; i < elf.e_phnum; i++) {
            ElfSegment p = elf.getProgramHeader(i);
            if (p.p_type == 1) {
                out.add(new ImageSegment(p.p_vaddr, p.p_memsz, p.p_offset, p.p_filesz, p.p_flags));
            }
        }
        return out;
    }

    private static final ImageSymbol.Type[] TYPES = {
        ImageSymbol.Type.NOTYPE, ImageSymbol.Type.OBJECT, ImageSymbol.Type.FUNC, ImageSymbol.Type.SECTION,
        ImageSymbol.Type.FILE, ImageSymbol.Type.OTHER, ImageSymbol.Type.TLS,
    };

    /** Elf64_Sym entries: st_name u32, st_info u8, st_other u8, st_shndx u16, st_value u64, st_size u64. */
    private static void readSymbols(ByteSlice table, ByteSlice strtab, List<ImageSymbol> out) throws BinaryFormatException {
        Map<Long, String> names = new HashMap<>();
        for (long o = 0; o + 24 <= table.length(); o += 24) {
            long nameOff = table.u32(o);
            int info = table.u8(o + 4);
            int shndx = table.u16(o + 6);
            String n = names.get(nameOff);
            if (n == null) {
                n = nameOff < strtab.length() ? strtab.cString(nameOff) : "";
                names.put(nameOff, n);
            }
            int t = info & 0xf;
            ImageSymbol.Type type = t < TYPES.length ? TYPES[t] : ImageSymbol.Type.OTHER;
            ImageSymbol.Binding b = switch (info >> 4) {
                case 0 -> ImageSymbol.Binding.LOCAL;
                case 1 -> ImageSymbol.Binding.GLOBAL;
                case 2 -> ImageSymbol.Binding.WEAK;
                default -> ImageSymbol.Binding.OTHER;
            };
            out.add(new ImageSymbol(n, table.u64(o + 8), table.u64(o + 16), type, b, shndx));
        }
    }

    @Override public Path path() { return path; }

    @Override public String format() { return "ELF64 " + (pie ? "ET_DYN (PIE)" : "ET_EXEC") + " " + arch.name().toLowerCase(); }

    @Override public Arch arch() { return arch; }

    @Override public boolean isPositionIndependent() { return pie; }

    @Override public List<ImageSection> sections() { return sections; }

    @Override public Optional<ImageSection> section(String name) { return Optional.ofNullable(byName.get(name)); }

    @Override public List<ImageSegment> loadSegments() { return loads; }

    @Override public List<ImageSymbol> staticSymbols() { return symtab; }

    @Override public List<ImageSymbol> dynamicSymbols() { return dynsym; }

    @Override public boolean hasStaticSymbols() { return hasSymtab; }

    @Override
    public long imageBase() {
        long base = -1;
        for (ImageSegment s : loads) {
            if (s.fileSize() != 0 && (base == -1 || Long.compareUnsigned(s.address(), base) < 0)) {
                base = s.address();
            }
        }
        return base == -1 ? 0 : base;
    }

    @Override public Optional<ImageSection> textSection() { return section(".text"); }

    @Override public ByteSlice file() { return file; }

    @Override
    public long decodeSlot(long address, long word) {
        if (pie) {
            Long addend = relativeAddends.get(address);
            if (addend != null) {
                return addend;
            }
        }
        return word;
    }

    /** RELATIVE relocations by slot address (PIE only). */
    public boolean hasRelativeRelocation(long address) {
        return relativeAddends.containsKey(address);
    }

    @Override
    public boolean hasDwarfLines() {
        return section(".debug_line").isPresent() || section(".zdebug_line").isPresent();
    }
}
