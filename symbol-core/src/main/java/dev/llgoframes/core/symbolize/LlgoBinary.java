package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.GlobalsLocator;
import dev.llgoframes.core.funcinfo.Site;
import dev.llgoframes.core.funcinfo.SiteReader;
import dev.llgoframes.core.funcinfo.StrippedGlobalsFinder;
import dev.llgoframes.core.funcinfo.TableGlobals;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.BinaryImages;
import dev.llgoframes.core.image.Goos;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import dev.llgoframes.core.prebuilt.PrebuiltFuncTab;
import dev.llgoframes.core.resolve.DynamicSymbols;
import dev.llgoframes.core.resolve.FaithfulResolver;
import dev.llgoframes.core.resolve.FunctionTable;
import dev.llgoframes.core.resolve.PcLineTable;
import dev.llgoframes.core.sidecar.SidecarReader;
import dev.llgoframes.core.sidecar.SidecarResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An LLGo executable opened for symbolization: the image, its classified configuration, the
 * decoded tables and the runtime's resolver over them. Read-only; never writes to the file.
 */
public final class LlgoBinary {
    private final BinaryImage image;
    private final Configuration configuration;
    private final FaithfulResolver resolver;
    private final List<Site> entrySites;
    private final List<Site> pclineSites;

    private LlgoBinary(BinaryImage image, Configuration configuration, FaithfulResolver resolver,
                       List<Site> entrySites, List<Site> pclineSites) {
        this.image = image;
        this.configuration = configuration;
        this.resolver = resolver;
        this.entrySites = List.copyOf(entrySites);
        this.pclineSites = List.copyOf(pclineSites);
    }

    public static LlgoBinary open(Path path) throws BinaryFormatException, IOException {
        return load(BinaryImages.open(path));
    }

    /** Opens ELF or Mach-O; the options pick a universal file's slice and a dSYM. */
    public static LlgoBinary open(Path path, OpenOptions options) throws BinaryFormatException, IOException {
        return load(BinaryImages.open(path, options));
    }

    public static LlgoBinary load(BinaryImage image) throws BinaryFormatException {
        List<String> notes = new ArrayList<>();
        DynamicSymbols dyn = DynamicSymbols.forImage(image);
        boolean stripped = !image.hasStaticSymbols();
        boolean dwarf = image.hasDwarfLines();
        Optional<ImageSection> carrier = image.llgoSection(LlgoSection.ENTRY_SITES);
        Optional<ImageSection> pcl = image.llgoSection(LlgoSection.PCLINE_SITES);
        Optional<ImageSection> identity = image.llgoSection(LlgoSection.IDENTITY);

        if (identity.isPresent()) {
            SidecarResult sc = SidecarReader.load(image);
            if (sc instanceof SidecarResult.Loaded loaded) {
                FuncInfoTables t = loaded.sidecar().tables();
                FunctionTable ft = FunctionTable.firstUse(t, loaded.sidecar().entrySites(), true, dyn);
                PcLineTable pt = PcLineTable.build(t, loaded.sidecar().pclineSites(), ft, dyn);
                Configuration c = new Configuration(TableMode.EXTERNAL, image.format(), image.isPositionIndependent(),
                        stripped, dwarf, TableGlobals.Source.ABSENT, Optional.of(sc), Optional.empty(), notes);
                return new LlgoBinary(image, c, new FaithfulResolver(t, ft, pt, dyn),
                        loaded.sidecar().entrySites(), loaded.sidecar().pclineSites());
            }
            notes.add("LLGo's runtime would fall back to the clite dump (§9.4): " + sc.describe());
            Configuration c = new Configuration(TableMode.EXTERNAL, image.format(), image.isPositionIndependent(),
                    stripped, dwarf, TableGlobals.Source.ABSENT, Optional.of(sc), Optional.empty(), notes);
            FuncInfoTables none = FuncInfoTables.empty();
            return new LlgoBinary(image, c, new FaithfulResolver(none, FunctionTable.none(), PcLineTable.empty(), dyn),
                    List.of(), List.of());
        }
        if (carrier.isEmpty() && pcl.isEmpty()) {
            Optional<LlgoBinary> noSites = withoutSites(image, dyn, stripped, dwarf);
            if (noSites.isPresent()) {
                return noSites.get();
            }
            boolean none = hasSymbol(image, "__llgo_fp_chain") || hasSymbol(image, "__llgo_funcinfo_table");
            TableMode mode = none ? TableMode.NONE : TableMode.NOT_LLGO;
            notes.add(none ? "built with -pclntab=none: names come from the symbol table only"
                    : "no LLGo sections: symbol table and DWARF only");
            Configuration c = new Configuration(mode, image.format(), image.isPositionIndependent(), stripped, dwarf,
                    TableGlobals.Source.ABSENT, Optional.empty(), Optional.empty(), notes);
            return new LlgoBinary(image, c, new FaithfulResolver(FuncInfoTables.empty(), FunctionTable.none(),
                    PcLineTable.empty(), dyn), List.of(), List.of());
        }

        TableGlobals g = GlobalsLocator.fromSymbols(image);
        if (g.source() == TableGlobals.Source.ABSENT) {
            g = StrippedGlobalsFinder.find(image).orElse(TableGlobals.absent());
            if (g.source() == TableGlobals.Source.STRUCTURAL) {
                notes.add("no .symtab: table globals recovered structurally (§3.8)");
            }
        }
        FuncInfoTables tables = decodeEmbedded(image, g, notes);
        if (tables.isEmpty()) {
            notes.add("the funcinfo globals are null: no function records");
        }
        long entryStart = g.entryStart() != 0 ? g.entryStart() : carrier.map(ImageSection::address).orElse(0L);
        long entryEnd = g.entryEnd() != 0 ? g.entryEnd() : carrier.map(ImageSection::end).orElse(0L);
        long pcStart = g.pcsiteStart() != 0 ? g.pcsiteStart() : pcl.map(ImageSection::address).orElse(0L);
        long pcEnd = g.pcsiteEnd() != 0 ? g.pcsiteEnd() : pcl.map(ImageSection::end).orElse(0L);

        List<Site> lineSites = List.of();
        if (pcStart != 0 && Long.compareUnsigned(pcEnd, pcStart) > 0 && (pcEnd - pcStart) % 16 == 0) {
            lineSites = SiteReader.read(image, pcStart, pcEnd, "pcline sites (" + pcl.map(ImageSection::name).orElse("llgo_pcline") + ")");
        }
        TableMode mode = TableMode.EMBEDDED_RAW;
        Optional<String> rejection = Optional.empty();
        FunctionTable ft = FunctionTable.none();
        List<Site> sites = List.of();
        long available = entryEnd - entryStart;
        if (entryStart != 0 && available >= 8) {
            ByteSlice head = image.readMemory(entryStart, Math.min(available, 32), "entry carrier header");
            long magic = head.u64(0);
            // §4.3: a carrier without an adoptable blob is read as raw sites (then dlsym, §6.1)
            boolean rawCarrier = true;
            if (magic == PrebuiltFuncTab.MAGIC || magic == PrebuiltFuncTab.REDIRECT_MAGIC) {
                mode = magic == PrebuiltFuncTab.MAGIC ? TableMode.EMBEDDED_PREBUILT : TableMode.EMBEDDED_REDIRECT;
                long blobAt = entryStart;
                long blobAvail = available;
                if (magic == PrebuiltFuncTab.REDIRECT_MAGIC) {
                    blobAt = image.readPointer(entryStart + 16, "LLGOFTB2 redirect pointer");
                    // the runtime follows the pointer only if it equals the stub section start (§4.7)
                    Optional<ImageSection> stub = image.llgoSection(LlgoSection.STUB_SITES);
                    if (stub.isPresent() && stub.get().address() == blobAt) {
                        blobAvail = stub.get().size();
                    } else {
                        blobAvail = 0;
                        notes.add("LLGOFTB2 redirect does not point at the llgo_funcinfo_stubsite section start");
                    }
                }
                try {
                    long need = Math.min(blobAvail, image.file().length());
                    ByteSlice blobBytes = image.readMemory(blobAt, Math.max(need, 0), "LLGOFTB1 blob");
                    long base = image.readPointer(blobAt + 16, "LLGOFTB1 base slot");
                    PrebuiltFuncTab blob = PrebuiltFuncTab.parse(blobBytes, blobAvail, base, tables.recordCount());
                    if (!tables.isEmpty()) {
                        ft = FunctionTable.prebuilt(blob, tables.recordCount());
                    }
                    if (!blob.offsetsIncreasing()) {
                        notes.add("LLGOFTB1 entry offsets are not strictly increasing");
                    }
                    rawCarrier = false;
                } catch (PrebuiltFuncTab.Rejected r) {
                    rejection = Optional.of(r.getMessage());
                }
            }
            if (rawCarrier) {
                boolean usable = available % 16 == 0;
                sites = SiteReader.read(image, entryStart, usable ? entryEnd : entryStart + (available / 16) * 16,
                        "entry sites (" + carrier.map(ImageSection::name).orElse("llgo_funcinfo_entry") + ")");
                ft = FunctionTable.firstUse(tables, sites, usable, dyn);
                if (rejection.isPresent()) {
                    notes.add("the runtime would not adopt the LLGOFTB1 blob: " + rejection.get()
                            + "; it reads the carrier as raw sites instead (" + ft.rowCount() + " function-table rows)");
                }
            }
        } else if (!tables.isEmpty()) {
            ft = FunctionTable.firstUse(tables, List.of(), false, dyn);
        }
        if (tables.isEmpty()) {
            ft = FunctionTable.none();
        }
        PcLineTable pt = PcLineTable.build(tables, lineSites, ft, dyn);
        if (image.isPositionIndependent() && image.goos() == Goos.LINUX && mode == TableMode.EMBEDDED_PREBUILT) {
            notes.add("PIE image with an LLGOFTB1 blob: RELATIVE relocations may patch the blob at load (§4.4)");
        }
        Configuration c = new Configuration(mode, image.format(), image.isPositionIndependent(), stripped, dwarf,
                g.source(), Optional.empty(), rejection, notes);
        return new LlgoBinary(image, c, new FaithfulResolver(tables, ft, pt, dyn), sites, lineSites);
    }

    /**
     * Embedded tables without any site section (darwin DWARF builds, §1.2): the runtime builds
     * its function table with dlsym per record and has no statement lines.
     */
    private static Optional<LlgoBinary> withoutSites(BinaryImage image, DynamicSymbols dyn, boolean stripped, boolean dwarf)
            throws BinaryFormatException {
        TableGlobals g = GlobalsLocator.fromSymbols(image);
        if (!g.hasTables()) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        FuncInfoTables tables = decodeEmbedded(image, g, notes);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        FunctionTable ft = FunctionTable.firstUse(tables, List.of(), false, dyn);
        notes.add("no site sections (" + (image.goos() == Goos.DARWIN ? "darwin DWARF build" : "sites disabled")
                + ", §1.2): function table from dlsym over the exported symbols, " + ft.rowCount()
                + " rows; no statement lines from the tables");
        Configuration c = new Configuration(TableMode.EMBEDDED_NO_SITES, image.format(), image.isPositionIndependent(),
                stripped, dwarf, g.source(), Optional.empty(), Optional.empty(), notes);
        return Optional.of(new LlgoBinary(image, c, new FaithfulResolver(tables, ft, PcLineTable.empty(), dyn), List.of(), List.of()));
    }

    private static boolean hasSymbol(BinaryImage image, String name) {
        return image.staticSymbols().stream().anyMatch(s -> s.name().equals(name));
    }

    /**
     * Decodes the embedded tables. The format has no version stamp (§4.7, §13.9): the current
     * 28-byte layout is tried first; if its records do not hash to the symbol index, the
     * pre-2026-07-26 16-byte layout is tried and kept only when it agrees completely.
     */
    private static FuncInfoTables decodeEmbedded(BinaryImage image, TableGlobals g, List<String> notes) throws BinaryFormatException {
        if (Long.compareUnsigned(g.pclineCount(), FuncInfoTables.MAX_PCLINES) > 0) {
            notes.add("pcline count " + Long.toUnsignedString(g.pclineCount())
                    + " is over the runtime's limit of 2^20: its pcline machinery is off, no statement lines (§3.6)");
        }
        if (Long.compareUnsigned(g.symbolIndexCount(), FuncInfoTables.MAX_RECORDS) > 0) {
            notes.add("symbol index count " + Long.toUnsignedString(g.symbolIndexCount())
                    + " is over the runtime's limit of 2^20: the runtime refuses the index (§3.5)");
        }
        BinaryFormatException wideError = null;
        FuncInfoTables wide = null;
        try {
            wide = decodeEmbedded(image, g, FuncInfoTables.Layout.WIDE);
            if (wide.isEmpty() || wide.symbolIndexAgreement() == 1.0
                    || (wide.symbolIndexAgreement() < 0 && wide.allSymbolsNamed())) {
                return wide;
            }
        } catch (BinaryFormatException e) {
            wideError = e;
        }
        try {
            FuncInfoTables narrow = decodeEmbedded(image, g, FuncInfoTables.Layout.NARROW);
            if (narrow.symbolIndexAgreement() == 1.0) {
                notes.add("historical table layout: 16-bit string IDs (before 2026-07-26, §4.7)");
                return narrow;
            }
        } catch (BinaryFormatException e) {
            // fall through to the wide answer or its error
        }
        if (wideError != null) {
            throw wideError;
        }
        notes.add("function records disagree with the symbol index ("
                + Math.round(100 * wide.symbolIndexAgreement()) + "% match): tables may be damaged");
        return wide;
    }

    private static FuncInfoTables decodeEmbedded(BinaryImage image, TableGlobals g, FuncInfoTables.Layout layout) throws BinaryFormatException {
        if (!g.hasTables() || g.strings() == 0 || g.stringOffsets() == 0) {
            return FuncInfoTables.empty();
        }
        String file = image.displayName();
        if (Long.compareUnsigned(g.count(), FuncInfoTables.MAX_RECORDS) > 0) {
            throw new BinaryFormatException(file, "__llgo_funcinfo_count", -1, "count " + Long.toUnsignedString(g.count()) + " exceeds 2^20");
        }
        if (Long.compareUnsigned(g.stringCount(), 1L << 26) > 0) {
            // no limit in the runtime, but 2^26 strings would be a 256 MiB offset array: not a table
            throw new BinaryFormatException(file, "__llgo_funcinfo_string_count", -1, "implausible count "
                    + Long.toUnsignedString(g.stringCount()));
        }
        // over the runtime's limits an index is refused and the pcline machinery disabled (§3.5, §3.6);
        // the rest of the tables still serve
        boolean indexRefused = Long.compareUnsigned(g.symbolIndexCount(), FuncInfoTables.MAX_RECORDS) > 0;
        boolean pclineDisabled = Long.compareUnsigned(g.pclineCount(), FuncInfoTables.MAX_PCLINES) > 0;
        ByteSlice recs = image.readMemory(g.table(), g.count() * layout.recordSize(), "function records (__llgo_funcinfo_table)");
        ByteSlice offsets = image.readMemory(g.stringOffsets(), g.stringCount() * 4, "string offsets (__llgo_funcinfo_string_offsets)");
        ImageSection poolSection = image.sections().stream().filter(s -> s.isAllocated() && s.contains(g.strings())).findFirst()
                .orElseThrow(() -> new BinaryFormatException(file, "string pool (__llgo_funcinfo_strings)", -1,
                        "pointer 0x" + Long.toHexString(g.strings()) + " is not inside any section"));
        ByteSlice pool = image.readMemory(g.strings(), poolSection.end() - g.strings(), "string pool (__llgo_funcinfo_strings)");
        ByteSlice hash = g.hash() != 0 && g.hashMask() != 0 && Long.compareUnsigned(g.hashMask(), 1 << 22) <= 0
                ? image.readMemory(g.hash(), (g.hashMask() + 1) * 2, "hash (__llgo_funcinfo_hash)") : null;
        ByteSlice index = g.symbolIndex() == 0 || g.symbolIndexCount() == 0 ? null
                : indexRefused ? ByteSlice.of(new byte[0], file, "symbol index (refused: count over 2^20)")
                : image.readMemory(g.symbolIndex(), g.symbolIndexCount() * 16, "symbol index (__llgo_funcinfo_symbol_index)");
        ByteSlice pcline = g.pclineTable() != 0 && g.pclineCount() != 0 && !pclineDisabled
                ? image.readMemory(g.pclineTable(), g.pclineCount() * 24, "pcline records (__llgo_pcline_table)") : null;
        return FuncInfoTables.decode(layout, recs, g.count(), pool, offsets, g.stringCount(), hash, hash == null ? 0 : g.hashMask(),
                index, g.symbolIndexCount(), pcline, pclineDisabled ? 0 : g.pclineCount());
    }

    public BinaryImage image() { return image; }

    public Configuration configuration() { return configuration; }

    public FaithfulResolver resolver() { return resolver; }

    public List<Site> entrySites() { return entrySites; }

    public List<Site> pclineSites() { return pclineSites; }
}
