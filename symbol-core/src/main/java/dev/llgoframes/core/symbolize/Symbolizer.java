package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.FuncRecord;
import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.core.resolve.FaithfulResolver;
import dev.llgoframes.core.resolve.PcLineTable;
import dev.llgoframes.core.resolve.Sym;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Symbolizes pcs of one binary: LLGo's own answer for Go code (the tables, §6), the symbol
 * table's name for C code that LLGo would misattribute, DWARF lines where present. Every answer
 * says where it came from.
 */
public final class Symbolizer {
    /** Prefixes of LLGo's runtime packages (current and pre-rename). */
    private static final String[] RUNTIME_PREFIXES = {
        "runtime.", "github.com/xgo-dev/llgo/runtime/", "github.com/goplus/llgo/runtime/", "github.com/goplus/llgo/internal/runtime",
    };

    private final LlgoBinary binary;
    private final FaithfulResolver resolver;
    private final NativeSymbols natives;
    private final LineSource lines;
    private volatile java.util.Map<String, Long> entryIndex;

    public Symbolizer(LlgoBinary binary, LineSource lines) {
        this.binary = binary;
        this.resolver = binary.resolver();
        this.natives = NativeSymbols.of(binary.image());
        this.lines = lines;
    }

    /** A symbolizer with the binary's DWARF line table when it has one. */
    public static Symbolizer of(LlgoBinary binary) {
        return new Symbolizer(binary, LineSources.forImage(binary.image()));
    }

    public LlgoBinary binary() { return binary; }

    public NativeSymbols nativeSymbols() { return natives; }

    /**
     * Symbolizes a pc. With {@code returnAddress} the pc is a return address and the statement
     * is looked up at pc−1, as the runtime's CallersFrames does inside the text.
     */
    public SymbolizedPc symbolize(long pc, boolean returnAddress) {
        long lookup = returnAddress && (resolver.inText(pc) || resolver.functionTable().rowCount() == 0) ? pc - 1 : pc;
        Sym faithful = resolver.resolve(lookup);
        // A function (from the tables or the symbol table) whose entry is not in the pc's own
        // executable segment cannot contain the pc: damaged tables or headers. Only LLGo's
        // answer is kept, as a note.
        Sym here = faithful.ok() && (faithful.entry() == 0 || sameTextSegment(lookup, faithful.entry())) ? faithful : Sym.NONE;
        Optional<NativeSymbols.Function> nat = natives.containing(lookup).filter(f -> sameTextSegment(lookup, f.start()));
        // The symbol's own record, looked up once: it decides Go vs C, prologue naming and notes.
        Optional<FuncRecord> natRecord = nat.flatMap(n -> resolver.tables().recordBySymbol(n.name()));
        String llgoName = faithful.ok() && !faithful.function().isEmpty() ? faithful.function() : null;
        if (!inImageText(lookup)) {
            // LLGo's lookup has no upper bound (§6.2): a libc or heap pc gets the last Go function.
            // We never point a frame outside the executable's code.
            return new SymbolizedPc(pc, null, null, null, null, FrameKind.C, Provenance.SYMTAB, llgoName,
                    "outside the executable's code" + (llgoName == null ? "" : "; LLGo would print " + llgoName
                            + " (its table lookup has no upper bound)"));
        }

        if (nat.isPresent() && !isGoSymbol(nat.get().name(), natRecord)) {
            String name = nat.get().name();
            Optional<SourceLine> dl = lines.lookup(lookup);
            String note = null;
            if (llgoName != null && !llgoName.equals(name)) {
                note = "LLGo prints " + llgoName + (faithful.file().isEmpty() ? "" : " at " + faithful.file() + ":" + faithful.line())
                        + "; the symbol table says " + name + " (" + describeNative(name) + ")";
            }
            return new SymbolizedPc(pc, name, dl.map(SourceLine::file).orElse(null), dl.map(SourceLine::line).orElse(null),
                    nat.get().start(), kindOfNative(name), dl.isPresent() ? Provenance.DWARF : Provenance.SYMTAB,
                    llgoName, note);
        }
        if (nat.isPresent() && here.ok()) {
            // A pc between a Go function's symbol start and its entry anchor: first-use tables
            // start functions at the anchor (§6.1), so LLGo names the previous function there.
            Optional<FuncRecord> own = natRecord;
            if (own.isPresent() && !own.get().functionName().equals(faithful.function())
                    && Long.compareUnsigned(faithful.entry(), nat.get().start()) < 0) {
                FuncRecord r = own.get();
                return new SymbolizedPc(pc, r.functionName(), r.file().isEmpty() ? null : r.file(),
                        r.line() == 0 ? null : r.line(), nat.get().start(), kindOfGo(r.functionName()), Provenance.SYMTAB,
                        llgoName, "in the prologue of " + r.functionName() + ", before its entry anchor; LLGo prints " + llgoName);
            }
        }
        if (here.ok() && !here.function().isEmpty()) {
            String file = here.file().isEmpty() ? null : here.file();
            Integer line = here.line() == 0 ? null : here.line();
            Provenance prov = Provenance.TABLES;
            String note = null;
            if (file == null) {
                Optional<SourceLine> dl = lines.lookup(lookup);
                if (dl.isPresent()) {
                    file = dl.get().file();
                    line = dl.get().line();
                    prov = Provenance.DWARF;
                }
            }
            if (nat.isPresent() && !Names.publicName(nat.get().name()).equals(here.function())
                    && natRecord.isPresent()) {
                note = "symbol table names " + nat.get().name();
            }
            return new SymbolizedPc(pc, here.function(), file, line, here.entry() == 0 ? null : here.entry(),
                    kindOfGo(here.function()), prov, llgoName, note);
        }
        if (nat.isPresent()) {
            // Below the runtime's first entry (e.g. a first-use table whose entries are the
            // post-prologue anchors), or no tables at all: name it from the symbol table, and
            // when the symbol has a record, as LLGo names that record.
            String name = nat.get().name();
            Optional<FuncRecord> rec = natRecord;
            String fn = rec.map(FuncRecord::functionName).orElse(Names.publicName(name));
            Optional<SourceLine> dl = lines.lookup(lookup);
            String file = dl.map(SourceLine::file).orElse(rec.map(FuncRecord::file).filter(f -> !f.isEmpty()).orElse(null));
            Integer line = dl.map(SourceLine::line).orElse(rec.map(FuncRecord::line).filter(l -> l != 0).orElse(null));
            return new SymbolizedPc(pc, fn, file, line, nat.get().start(), kindOfGo(fn),
                    dl.isPresent() ? Provenance.DWARF : Provenance.SYMTAB, null,
                    rec.isPresent() ? "below the runtime's first table entry; named from the symbol table" : null);
        }
        Optional<SourceLine> dl = lines.lookup(lookup);
        if (dl.isPresent()) {
            return new SymbolizedPc(pc, null, dl.get().file(), dl.get().line(), null, FrameKind.C, Provenance.DWARF, null,
                    "no symbol covers this pc");
        }
        return new SymbolizedPc(pc, null, null, null, null, FrameKind.C, Provenance.SYMTAB, llgoName,
                "no symbol covers this pc" + (llgoName == null || here.ok() ? "" : "; LLGo would print " + llgoName
                        + ", whose entry 0x" + Long.toHexString(faithful.entry()) + " is outside this pc's code segment"));
    }

    /** True if both addresses lie in the same executable PT_LOAD segment. */
    private boolean sameTextSegment(long pc, long entry) {
        for (dev.llgoframes.core.image.ImageSegment seg : binary.image().loadSegments()) {
            if (seg.isExecutable() && seg.containsInMemory(pc)) {
                return seg.containsInMemory(entry);
            }
        }
        return false;
    }

    /**
     * True if pc lies in an executable PT_LOAD segment. An image without one (no program headers,
     * or none marked executable) has no code we could point a frame at, so nothing is in its text.
     */
    private boolean inImageText(long pc) {
        for (dev.llgoframes.core.image.ImageSegment seg : binary.image().loadSegments()) {
            if (seg.isExecutable() && seg.containsInMemory(pc)) {
                return true;
            }
        }
        return false;
    }

    public List<SymbolizedPc> symbolizeAll(List<Long> pcs, boolean returnAddresses) {
        List<SymbolizedPc> out = new ArrayList<>(pcs.size());
        for (long pc : pcs) {
            out.add(symbolize(pc, returnAddresses));
        }
        return out;
    }

    /** A symbol is Go code if it has a funcinfo record, or is spelled like a Go name (C names have no '.'). */
    private boolean isGoSymbol(String name, Optional<FuncRecord> record) {
        if (record.isPresent()) {
            return true;
        }
        if (!resolver.tables().isEmpty()) {
            // With tables, anything without a record is not Go as far as LLGo knows (wrappers, asm ports, C).
            return false;
        }
        return name.indexOf('.') > 0 && !name.startsWith(".");
    }

    private static String describeNative(String name) {
        if (name.contains("._llgo_routine$")) {
            return "goroutine-start wrapper without a funcinfo record";
        }
        if (name.startsWith("__llgo_cdecl$")) {
            return "C-ABI callback wrapper without a funcinfo record";
        }
        return name.indexOf('.') > 0 ? "text without a funcinfo record" : "C";
    }

    private static FrameKind kindOfNative(String name) {
        if (name.indexOf('.') > 0 && !name.startsWith(".")) {
            return kindOfGo(name);
        }
        return FrameKind.C;
    }

    static FrameKind kindOfGo(String function) {
        for (String p : RUNTIME_PREFIXES) {
            if (function.startsWith(p)) {
                return FrameKind.RUNTIME;
            }
        }
        return FrameKind.GO;
    }

    /** Statement-anchor pcs for a Go file:line (file by exact path or '/'-bounded suffix), plus DWARF rows. */
    public List<Long> pcsForLine(String file, int line) {
        TreeSet<Long> out = new TreeSet<>(Long::compareUnsigned);
        for (PcLineTable.Anchor a : resolver.pclineTable().anchors()) {
            if (a.line() == line && pathMatches(a.file(), file)) {
                out.add(a.pc());
            }
        }
        out.addAll(lines.addressesFor(file, line));
        return new ArrayList<>(out);
    }

    /** Entry pc of a function by display name, linker symbol or symbol-table name; 0 if unknown. */
    public long entryOf(String function) {
        Long e = entries().get(function);
        if (e != null) {
            return e;
        }
        return natives.addressOf(function);
    }

    private java.util.Map<String, Long> entries() {
        java.util.Map<String, Long> m = entryIndex;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (FuncRecord r : resolver.tables().records()) {
                long e = resolver.functionTable().entryOf(r.index());
                if (e == 0) {
                    e = natives.addressOf(r.symbol());
                }
                if (e != 0) {
                    m.putIfAbsent(r.functionName(), e);
                    m.putIfAbsent(r.symbol(), e);
                }
            }
            entryIndex = m;
        }
        return m;
    }

    static boolean pathMatches(String have, String want) {
        if (have.equals(want)) {
            return true;
        }
        return have.endsWith(want) && (want.startsWith("/") || have.charAt(have.length() - want.length() - 1) == '/');
    }
}
