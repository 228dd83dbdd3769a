package dev.llgoframes.dap.session;

import dev.llgoframes.core.paths.PathMap;
import dev.llgoframes.core.image.ImageSegment;
import dev.llgoframes.core.symbolize.FrameKind;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;


/**
 * The core's symbolizer seen through the running process: pcs from the backend are slid (PIE),
 * the core works on link-time addresses. All symbolization of the adapter goes through here.
 */
public final class SymbolView {
    private final Symbolizer symbolizer;
    private final long slide;
    private final PathMap paths;

    public SymbolView(Symbolizer symbolizer, long slide) {
        this(symbolizer, slide, PathMap.NONE);
    }

    public SymbolView(Symbolizer symbolizer, long slide, PathMap paths) {
        this.symbolizer = symbolizer;
        this.slide = slide;
        this.paths = paths;
    }

    /** substitutePath, for paths coming from the client. */
    public PathMap paths() { return paths; }

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
        // The core already names prologue pcs by their own function and C pcs by their symbol.
        SymbolizedPc s = symbolizer.symbolize(toLink(runtimePc), returnAddress);
        String name = s.function() != null ? s.function() : hex(runtimePc);
        return new FrameDescription(name, paths.toLocal(s.file()), s.line(), s.kind(), true, s.note());
    }

    /** Run-time entry of the function containing a run-time pc, 0 if unknown. */
    public long entryAt(long runtimePc) {
        return entryAt(runtimePc, false);
    }

    /**
     * Run-time entry of the function a frame's pc belongs to, 0 if unknown. A return address is
     * looked up at pc-1 as for its name: after a call that does not return (an explicit panic,
     * §6.7) it may be the next function's entry.
     */
    public long entryAt(long runtimePc, boolean returnAddress) {
        if (!inExecutable(runtimePc)) {
            return 0;
        }
        SymbolizedPc s = symbolizer.symbolize(toLink(runtimePc), returnAddress);
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
