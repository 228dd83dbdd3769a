package dev.llgoframes.dap.session;

import dev.llgoframes.core.funcinfo.FuncRecord;
import dev.llgoframes.core.image.ImageSegment;
import dev.llgoframes.core.symbolize.NativeSymbols;
import dev.llgoframes.core.symbolize.FrameKind;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.util.Optional;

/**
 * The core's symbolizer seen through the running process: pcs from the backend are slid (PIE),
 * the core works on link-time addresses. All symbolization of the adapter goes through here.
 */
public final class SymbolView {
    private final Symbolizer symbolizer;
    private final long slide;

    public SymbolView(Symbolizer symbolizer, long slide) {
        this.symbolizer = symbolizer;
        this.slide = slide;
    }

    public Symbolizer symbolizer() { return symbolizer; }

    public long slide() { return slide; }

    public long toRuntime(long linkAddress) { return linkAddress + slide; }

    public long toLink(long runtimeAddress) { return runtimeAddress - slide; }

    /** True if the run-time pc lies in an executable segment of the program file. */
    public boolean inExecutable(long runtimePc) {
        long link = toLink(runtimePc);
        for (ImageSegment s : symbolizer.binary().image().loadSegments()) {
            if (s.isExecutable() && s.containsInMemory(link)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes a run-time pc. Go frames get the tables' file:line, C frames their symbol name;
     * gdb's own name is used only outside the executable (libraries), where the core knows nothing.
     */
    public FrameDescription describe(long runtimePc, boolean returnAddress, String backendName) {
        if (!inExecutable(runtimePc)) {
            String name = backendName != null && !backendName.isEmpty() ? backendName : hex(runtimePc);
            return new FrameDescription(name, null, null, FrameKind.C, false, null);
        }
        long link = toLink(runtimePc);
        SymbolizedPc s = symbolizer.symbolize(link, returnAddress);
        Optional<Prologue> pro = prologue(returnAddress ? link - 1 : link, s);
        if (pro.isPresent()) {
            FuncRecord r = pro.get().record();
            return new FrameDescription(r.functionName(), r.file().isEmpty() ? null : r.file(), r.line() == 0 ? null : r.line(),
                    s.kind(), true, "before the entry anchor of " + r.functionName() + "; LLGo's runtime would print "
                    + s.function());
        }
        String name = s.function() != null ? s.function() : hex(runtimePc);
        return new FrameDescription(name, s.file(), s.line(), s.kind(), true, s.note());
    }

    private record Prologue(FuncRecord record, long start) {}

    /**
     * A pc between a Go function's symbol and its entry anchor: LLGo's tables (FIRST_USE) give
     * the previous function there (§6.1), a debugger must name the function the pc is in.
     */
    private Optional<Prologue> prologue(long link, SymbolizedPc answer) {
        Optional<NativeSymbols.Function> nat = symbolizer.nativeSymbols().containing(link);
        if (nat.isEmpty()) {
            return Optional.empty();
        }
        Optional<FuncRecord> rec = symbolizer.binary().resolver().tables().recordBySymbol(nat.get().name());
        if (rec.isEmpty() || rec.get().functionName().equals(answer.function())) {
            return Optional.empty();
        }
        return Optional.of(new Prologue(rec.get(), nat.get().start()));
    }

    /** Run-time entry of the function containing a run-time pc, 0 if unknown. */
    public long entryAt(long runtimePc) {
        if (!inExecutable(runtimePc)) {
            return 0;
        }
        SymbolizedPc s = symbolizer.symbolize(toLink(runtimePc), false);
        Optional<Prologue> pro = prologue(toLink(runtimePc), s);
        if (pro.isPresent()) {
            return toRuntime(pro.get().start());
        }
        return s.entry() == null ? 0 : toRuntime(s.entry());
    }

    /** Run-time address of a symbol-table function, 0 if absent. */
    public long symbolAddress(String name) {
        long a = symbolizer.nativeSymbols().addressOf(name);
        return a == 0 ? 0 : toRuntime(a);
    }

    static String hex(long pc) {
        return "0x" + Long.toHexString(pc);
    }
}
