package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.Arch;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.Goos;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.ImageSegment;
import dev.llgoframes.core.image.ImageSymbol;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A 64-bit little-endian Mach-O image (x86_64 or arm64), thin or one slice of a universal file.
 * Section names are {@code SEGMENT,section}; symbol names lose the one leading underscore;
 * pointer slots are decoded through the chained fixups; DWARF comes from the dSYM next to it.
 * File offsets in sections and segments are relative to the slice, i.e. to {@link #file()}.
 */
public final class MachOImage implements BinaryImage {
    private final Path path;
    private final ByteSlice file;
    private final List<MachOSlice> slices;
    private final MachOSlice slice;
    private final boolean universal;
    private final LoadCommands commands;
    private final Arch arch;
    private final List<MachOSection> machSections;
    private final List<ImageSection> sections;
    private final Map<String, ImageSection> byName;
    private final List<ImageSegment> loads;
    private final List<NlistEntry> nlist;
    private final List<ImageSymbol> symbols;
    private final List<ImageSymbol> dladdrView;
    private final long imageBase;
    private final ChainedFixups fixups;
    private final Optional<Path> dsymPath;
    private final OpenOptions options;
    private volatile DebugFile debug;

    /** The dSYM as loaded (or why it could not be used). */
    private record DebugFile(BinaryImage image, String status) {}

    private MachOImage(Path path, ByteSlice file, List<MachOSlice> slices, MachOSlice slice, boolean universal,
                       LoadCommands commands, Arch arch, List<NlistEntry> nlist, long imageBase, ChainedFixups fixups,
                       Optional<Path> dsymPath, OpenOptions options) {
        this.path = path;
        this.file = file;
        this.slices = List.copyOf(slices);
        this.slice = slice;
        this.universal = universal;
        this.commands = commands;
        this.arch = arch;
        this.machSections = commands.segments().stream().flatMap(s -> s.sections().stream()).toList();
        List<ImageSection> secs = new ArrayList<>();
        Map<String, ImageSection> names = new HashMap<>();
        for (MachOSegment seg : commands.segments()) {
            for (MachOSection s : seg.sections()) {
                ImageSection is = toImageSection(seg, s);
                secs.add(is);
                names.putIfAbsent(is.name(), is);
            }
        }
        this.sections = List.copyOf(secs);
        this.byName = names;
        List<ImageSegment> l = new ArrayList<>();
        for (MachOSegment seg : commands.segments()) {
            if (!seg.isGuard()) {
                l.add(new ImageSegment(seg.address(), seg.memSize(), seg.fileOffset(), seg.fileSize(), elfFlags(seg.initProt())));
            }
        }
        this.loads = List.copyOf(l);
        this.nlist = List.copyOf(nlist);
        this.symbols = List.copyOf(MachOSymbols.convert(nlist, machSections));
        this.dladdrView = List.copyOf(MachOSymbols.dladdrView(symbols));
        this.imageBase = imageBase;
        this.fixups = fixups;
        this.dsymPath = dsymPath;
        this.options = options;
    }

    /** True for thin 64/32-bit Mach-O magics (either byte order) and universal headers with a plausible count. */
    public static boolean isMachO(byte[] b) {
        if (b.length < 8) {
            return false;
        }
        int le = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        if (le == MachO.MH_MAGIC_64 || le == MachO.MH_MAGIC || le == MachO.MH_CIGAM_64 || le == Integer.reverseBytes(MachO.MH_MAGIC)) {
            return true;
        }
        int be = Integer.reverseBytes(le);
        int n = (b[4] & 0xff) << 24 | (b[5] & 0xff) << 16 | (b[6] & 0xff) << 8 | (b[7] & 0xff);
        return (be == MachO.FAT_MAGIC || be == MachO.FAT_MAGIC_64) && n > 0 && n <= UniversalHeader.MAX_SLICES;
    }

    public static MachOImage open(Path path, OpenOptions options) throws BinaryFormatException, IOException {
        return parse(path, Files.readAllBytes(path), options);
    }

    public static MachOImage parse(Path path, byte[] bytes, OpenOptions options) throws BinaryFormatException {
        String name = path.toString();
        ByteSlice f = ByteSlice.of(bytes, name, "Mach-O header");
        boolean fat = UniversalHeader.isFat(f);
        List<MachOSlice> slices;
        if (fat) {
            slices = UniversalHeader.read(f.withStructure("universal header"));
        } else {
            if (bytes.length < MachO.HEADER_SIZE) {
                throw f.error(0, "Mach-O header needs 32 bytes, the file has " + bytes.length);
            }
            slices = List.of(new MachOSlice(0, f.i32(4), f.i32(8), 0, bytes.length, 0));
        }
        MachOSlice chosen = choose(slices, options, f);
        ByteSlice s = f.slice(chosen.offset(), chosen.size(), "Mach-O slice " + chosen.cpuName());
        LoadCommands lc = LoadCommands.read(s);
        if (lc.cpuType() != chosen.cpuType()) {
            throw s.error(4, "slice header says " + MachO.cpuName(lc.cpuType()) + " but the universal header says " + chosen.cpuName());
        }
        Arch arch = chosen.arch().orElseThrow(() -> s.error(4, "unsupported CPU " + chosen.cpuName() + " (x86_64 and arm64 only)"));
        int sectionCount = lc.segments().stream().mapToInt(x -> x.sections().size()).sum();
        List<NlistEntry> nlist = lc.symtab().isPresent() ? NlistTable.read(s, lc.symtab().get(), sectionCount) : List.of();
        long base = -1;
        for (MachOSegment seg : lc.segments()) {
            if (seg.fileSize() != 0 && (base == -1 || Long.compareUnsigned(seg.address(), base) < 0)) {
                base = seg.address();
            }
        }
        base = base == -1 ? 0 : base;
        Map<String, Long> exports = new HashMap<>();
        for (NlistEntry e : nlist) {
            if (e.isDefinedInSection() && e.isExternal()) {
                exports.putIfAbsent(e.rawName(), e.value());
            }
        }
        ChainedFixups fx = lc.chainedFixups().isPresent()
                ? ChainedFixups.parse(s, lc.chainedFixups().get(), lc.segments(), base, exports) : ChainedFixups.none();
        Optional<Path> dsym = lc.fileType() == MachO.MH_DSYM ? Optional.empty() : DsymLocator.locate(path, options.dsym());
        return new MachOImage(path, s.withStructure("file"), slices, chosen, fat, lc, arch, nlist, base, fx, dsym, options);
    }

    private static MachOSlice choose(List<MachOSlice> slices, OpenOptions options, ByteSlice f) throws BinaryFormatException {
        String all = slices.stream().map(MachOSlice::cpuName).collect(Collectors.joining(", "));
        if (options.arch().isPresent()) {
            Arch want = options.arch().get();
            return slices.stream().filter(x -> x.arch().equals(Optional.of(want))).findFirst()
                    .orElseThrow(() -> f.error(0, "no " + want.goArch() + " slice (slices: " + all + ")"));
        }
        // host-independent default: the first slice we can read, in file order
        return slices.stream().filter(x -> x.is64Bit() && x.arch().isPresent()).findFirst()
                .orElseThrow(() -> f.error(0, "no x86_64 or arm64 slice (slices: " + all + ")"));
    }

    private static ImageSection toImageSection(MachOSegment seg, MachOSection s) {
        // ELF-style flags so generic code can ask writable/allocated/executable
        long flags = 0x2;
        if ((seg.initProt() & MachO.VM_PROT_WRITE) != 0) {
            flags |= 0x1;
        }
        if ((seg.initProt() & MachO.VM_PROT_EXECUTE) != 0 || s.hasInstructions()) {
            flags |= 0x4;
        }
        boolean fileBacked = !s.isZeroFill() && s.size() != 0;
        return new ImageSection(s.ordinal(), s.qualifiedName(), s.isZeroFill() ? 8 : 1, flags, s.address(), s.size(),
                s.offset(), 1L << Math.min(Math.max(s.alignPower(), 0), 62), 0, fileBacked);
    }

    private static int elfFlags(int prot) {
        int f = 0;
        if ((prot & MachO.VM_PROT_READ) != 0) {
            f |= 4;
        }
        if ((prot & MachO.VM_PROT_WRITE) != 0) {
            f |= 2;
        }
        if ((prot & MachO.VM_PROT_EXECUTE) != 0) {
            f |= 1;
        }
        return f;
    }

    @Override public Path path() { return path; }

    @Override
    public String format() {
        String type = switch (commands.fileType()) {
            case MachO.MH_EXECUTE -> "MH_EXECUTE";
            case MachO.MH_DSYM -> "MH_DSYM";
            case 6 -> "MH_DYLIB";
            case 8 -> "MH_BUNDLE";
            default -> "filetype " + commands.fileType();
        };
        return "Mach-O 64 " + type + (isPositionIndependent() ? " (PIE)" : "") + " " + slice.cpuName()
                + (universal ? " (slice " + slice.index() + " of " + slices.size() + " in a universal file)" : "");
    }

    @Override public Arch arch() { return arch; }

    @Override public Goos goos() { return Goos.DARWIN; }

    @Override public boolean isPositionIndependent() { return (commands.flags() & MachO.MH_PIE) != 0; }

    @Override public List<ImageSection> sections() { return sections; }

    /** By {@code SEGMENT,section}, or by a bare section name when that is unambiguous enough (first match). */
    @Override
    public Optional<ImageSection> section(String name) {
        ImageSection s = byName.get(name);
        if (s != null || name.indexOf(',') >= 0) {
            return Optional.ofNullable(s);
        }
        return sections.stream().filter(x -> x.name().endsWith("," + name)).findFirst();
    }

    @Override
    public Optional<ImageSection> llgoSection(LlgoSection which) {
        return switch (which) {
            case ENTRY_SITES -> section("__DATA,__llgo_fie").or(() -> section("__LLGO,__llgo_fie"));
            case PCLINE_SITES -> section("__DATA,__llgo_pcl");
            case IDENTITY -> section("__DATA,__llgo_pid");
            case STUB_SITES -> section("__DATA,__llgo_stub");
        };
    }

    @Override public List<ImageSegment> loadSegments() { return loads; }

    @Override public List<ImageSymbol> staticSymbols() { return symbols; }

    @Override public List<ImageSymbol> dynamicSymbols() { return dladdrView; }

    @Override public boolean hasStaticSymbols() { return !symbols.isEmpty(); }

    @Override public long imageBase() { return imageBase; }

    @Override public Optional<ImageSection> textSection() { return section("__TEXT,__text"); }

    @Override public ByteSlice file() { return file; }

    /** A chain node's decoded value; a slot outside every chain holds its value as stored. */
    @Override
    public long decodeSlot(long address, long word) {
        return fixups.at(address).map(ChainedFixup::value).orElse(word);
    }

    @Override
    public Optional<ImageSection> debugSection(String elfName) {
        if (elfName.startsWith(".")) {
            String macho = "__" + elfName.substring(1);
            return section("__DWARF," + (macho.length() > 16 ? macho.substring(0, 16) : macho));
        }
        return section(elfName);
    }

    @Override
    public BinaryImage debugImage() {
        return debugFile().image();
    }

    private DebugFile debugFile() {
        DebugFile d = debug;
        if (d == null) {
            d = loadDebug();
            debug = d;
        }
        return d;
    }

    private DebugFile loadDebug() {
        if (commands.fileType() == MachO.MH_DSYM || debugSection(".debug_line").isPresent()) {
            return new DebugFile(this, "DWARF in the image itself");
        }
        if (dsymPath.isEmpty()) {
            return new DebugFile(this, "no dSYM" + (options.dsym().map(p -> " at " + p).orElse(" next to the binary")));
        }
        Path p = dsymPath.get();
        try {
            MachOImage d = MachOImage.parse(p, Files.readAllBytes(p), new OpenOptions(Optional.of(arch), Optional.empty()));
            if (uuid().isPresent() && d.uuid().isPresent() && !Arrays.equals(uuid().get(), d.uuid().get())) {
                return new DebugFile(this, "dSYM " + p + " ignored: UUID " + hex(d.uuid().get()) + " differs");
            }
            return new DebugFile(d, "dSYM " + p + (d.debugSection(".debug_line").isPresent() ? "" : " (no __debug_line)"));
        } catch (BinaryFormatException | IOException e) {
            return new DebugFile(this, "dSYM " + p + " unreadable: " + e.getMessage());
        }
    }

    @Override
    public boolean hasDwarfLines() {
        BinaryImage d = debugImage();
        return d.debugSection(".debug_line").isPresent();
    }

    @Override
    public List<String> details() {
        List<String> out = new ArrayList<>();
        if (universal) {
            for (MachOSlice x : slices) {
                out.add(x.describe() + (x.index() == slice.index() ? " (selected)" : ""));
            }
        } else {
            out.add("thin " + slice.cpuName() + " file");
        }
        uuid().ifPresent(u -> out.add("LC_UUID " + hex(u)));
        if (commands.chainedFixups().isPresent()) {
            out.add("chained fixups: pointer format " + fixups.pointerFormats() + ", " + fixups.rebaseCount() + " rebases, "
                    + fixups.bindCount() + " binds (" + fixups.unresolvedBindCount() + " not resolvable to this executable), "
                    + fixups.imports().size() + " imports");
        } else {
            out.add("no LC_DYLD_CHAINED_FIXUPS: pointer slots are read as stored");
        }
        out.add("debug: " + debugFile().status());
        return out;
    }

    public List<MachOSlice> slices() { return slices; }

    public MachOSlice selectedSlice() { return slice; }

    public boolean isUniversal() { return universal; }

    public Optional<byte[]> uuid() { return commands.uuid().map(byte[]::clone); }

    public int fileType() { return commands.fileType(); }

    public List<MachOSegment> segments() { return commands.segments(); }

    public List<MachOSection> machSections() { return machSections; }

    /** The nlist table as stored (names with their underscore, stabs included). */
    public List<NlistEntry> nlist() { return nlist; }

    public ChainedFixups chainedFixups() { return fixups; }

    public Optional<Path> dsymPath() { return dsymPath; }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
