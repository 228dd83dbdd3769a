package dev.llgoframes.dap.session;

import dev.llgoframes.core.image.Arch;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSymbol;
import dev.llgoframes.core.panic.FrameSplicer;
import dev.llgoframes.core.panic.FunctionLookup;
import dev.llgoframes.core.panic.GLayout;
import dev.llgoframes.core.panic.GState;
import dev.llgoframes.core.panic.GcPanicShape;
import dev.llgoframes.core.panic.Observability;
import dev.llgoframes.core.panic.PanicStateReader;
import dev.llgoframes.core.panic.PanicValue;
import dev.llgoframes.core.panic.PanicValueReader;
import dev.llgoframes.core.panic.ProcessMemory;
import dev.llgoframes.core.panic.ShapedFrame;
import dev.llgoframes.core.panic.SpliceResult;
import dev.llgoframes.core.panic.TypeNames;
import dev.llgoframes.core.trace.FrameKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * LLGo's per-thread panic state read from the stopped process, and the stack the user sees
 * with it: the snapshot spliced in (§8.4/§8.5, decided by the core) and gc's panic frames.
 */
public final class PanicInspector {
    private static final Logger LOG = Logger.getLogger(PanicInspector.class.getName());
    private static final int MAX_FP_LINKS = 256;

    private final Backend backend;
    private final SymbolView view;
    private final ProcessMemory memory;
    private final FunctionLookup lookup;
    private final TypeNames types;
    private final String currentG;
    private final Arch arch;

    public PanicInspector(Backend backend, SymbolView view) {
        this.backend = backend;
        this.view = view;
        this.memory = new BackendMemory(backend);
        BinaryImage image = view.symbolizer().binary().image();
        List<ImageSymbol> syms = image.hasStaticSymbols() ? image.staticSymbols() : image.dynamicSymbols();
        this.lookup = FunctionLookup.faithful(view.symbolizer().binary().resolver(), view.slide());
        this.types = TypeNames.of(syms, view.slide());
        this.currentG = syms.stream().map(ImageSymbol::name)
                .filter(n -> n.equals(GLayout.CURRENT_G) || n.equals(GLayout.CURRENT_G_OLD)).findFirst().orElse(null);
        this.arch = image.arch();
    }

    /** False for binaries without LLGo's runtime (no currentG): stacks are shown as unwound. */
    public boolean available() { return currentG != null; }

    public ProcessMemory memory() { return memory; }

    /** The thread's g, or empty when it cannot be read (no runtime, thread not started, TLS unavailable). */
    public Optional<GState> g(int threadId) {
        if (currentG == null) {
            return Optional.empty();
        }
        try {
            // gdb resolves the thread's TLS block (libthread_db); the core only needs the address
            long slot = Long.parseUnsignedLong(backend.evaluate("(unsigned long)&'" + currentG + "'", threadId, 0).trim());
            long g = memory.readWord(slot);
            return g == 0 ? Optional.empty() : Optional.of(PanicStateReader.read(memory, g));
        } catch (RuntimeException e) {
            LOG.fine("no g for thread " + threadId + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    public PanicValue value(long typeWord, long dataWord) {
        return PanicValueReader.describe(typeWord, dataWord, types, memory);
    }

    /** Integer argument/return register n (0-based) in the innermost frame. */
    public long argument(int threadId, int n) {
        String[] regs = arch == Arch.AARCH64 ? new String[] {"x0", "x1"} : new String[] {"rdi", "rsi"};
        return backend.register(threadId, 0, regs[n]);
    }

    public long result(int threadId, int n) {
        String[] regs = arch == Arch.AARCH64 ? new String[] {"x0", "x1"} : new String[] {"rax", "rdx"};
        return backend.register(threadId, 0, regs[n]);
    }

    /** A condition true when the first integer argument is 0 at a function's entry. */
    public String firstArgumentIsNull() {
        return arch == Arch.AARCH64 ? "$x0 == 0" : "$rdi == 0";
    }

    /**
     * The stack to show: the live frames, spliced with the snapshot when it is observable, and in
     * gc's shape when spliced or when the stop is about a panic ({@code panicStop}).
     */
    public List<StackEntry> present(int threadId, List<StackEntry> live, boolean panicStop,
                                    Function<StackEntry, String> nameOf) {
        Optional<GState> g = g(threadId);
        if (g.isEmpty()) {
            return live;
        }
        SpliceResult r = SpliceResult.none(live.size());
        Optional<List<Long>> snap = Observability.atStop(g.get(), liveFramePointers(threadId), memory);
        if (snap.isPresent()) {
            List<Long> lookups = live.stream().map(e -> e.returnAddress() ? e.pc() - 1 : e.pc()).toList();
            r = FrameSplicer.splice(lookups, snap.get(), g.get().snapshot().fault(), lookup);
        }
        if (!r.spliced() && !panicStop) {
            return live;
        }
        List<StackEntry> entries = new ArrayList<>(live.subList(0, r.liveKept()));
        boolean inExe = false;
        for (long pc : r.snapshot()) {
            boolean here = view.inExecutable(pc - 1);
            // a fault chain runs on into libc and _start (not cut by the runtime); gc stops at the program
            if (r.fault() && inExe && !here) {
                break;
            }
            inExe |= here;
            entries.add(new StackEntry(-1, pc, true, null, StackEntry.FROM_SNAPSHOT));
        }
        int faultIndex = -1;
        if (r.spliced() && r.fault()) {
            faultIndex = r.liveKept();
        } else if (!r.spliced() && g.get().snapshot().fault() && g.get().snapshot().armed()) {
            // stopped between the fault and its Go panic: the interrupted frame is the faulting one
            long faultPc = g.get().snapshot().pcs().get(0) - 1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).pc() == faultPc && !entries.get(i).returnAddress()) {
                    faultIndex = i;
                    break;
                }
            }
        }
        List<String> names = entries.stream().map(nameOf).toList();
        List<StackEntry> out = new ArrayList<>();
        for (ShapedFrame f : GcPanicShape.shape(names, faultIndex)) {
            StackEntry.Role role = f.kind() == FrameKind.PANIC ? StackEntry.Role.PANIC
                    : f.name() != null ? StackEntry.Role.SIGPANIC : StackEntry.Role.FRAME;
            if (f.inferred()) {
                out.add(new StackEntry(-1, 0, false, null, "gc's frame; LLGo has no frame for it", role));
            } else {
                out.add(entries.get(f.source()).withRole(role));
            }
        }
        return out;
    }

    /** Frame addresses of the live frames, innermost first: the fp chain from the stop with the walkers' guards. */
    private List<Long> liveFramePointers(int threadId) {
        List<Long> out = new ArrayList<>();
        try {
            long fp = backend.register(threadId, 0, arch == Arch.AARCH64 ? "x29" : "rbp");
            for (int i = 0; i < MAX_FP_LINKS && fp != 0 && fp % 8 == 0; i++) {
                out.add(fp);
                long prev = memory.readWord(fp);
                if (Long.compareUnsigned(prev, fp) <= 0 || prev - fp > (1L << 20)) {
                    break;
                }
                fp = prev;
            }
        } catch (RuntimeException e) {
            LOG.fine("fp chain: " + e.getMessage());
        }
        return out;
    }
}
