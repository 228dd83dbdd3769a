package dev.llgoframes.core.panic;

import dev.llgoframes.core.trace.FrameKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §8.4/§8.5 over a sparse in-memory process (§12.4): a g with its snapshot, a stack of frame
 * records, a text of named functions. Scenarios: panic in flight; recovered with a live mark;
 * recovered with a dead mark; fault snapshot (not cut).
 */
class PanicSpliceTest {
    static final String CORE = "github.com/xgo-dev/llgo/runtime/internal/runtime.";
    static final long G = 0x50_0000;
    static final long STORE = G + GLayout.G_PANIC_PCS;
    static final long NODE = 0x60_0000;
    static final long LIBC_RET = 0x7fff_f7e0_0000L;

    // frame records: closure ← safeCall ← main.main ← runtime.main ← main; the mark lies below the closure
    static final long FP_CLOSURE = 0x7ffd_f000L;
    static final long FP_SAFECALL = 0x7ffd_f100L;
    static final long FP_MAIN = 0x7ffd_f200L;
    static final long FP_RTMAIN = 0x7ffd_f300L;
    static final long FP_CMAIN = 0x7ffd_f400L;
    static final long FP_RECOVER = 0x7ffd_ef80L;
    static final long MARK = 0x7ffd_ef00L;

    final FakeText text = new FakeText(0x1000, 0x9000)
            .fn("runtime.capturePanicPCs", 0x1000, 0x1100)
            .fn(CORE + "Panic", 0x1100, 0x1200)
            .fn(CORE + "Rethrow", 0x1200, 0x1300)
            .fn(CORE + "Recover", 0x1300, 0x1400)
            .fn("runtime.recoverMark", 0x1400, 0x1500)
            .fn("main.check", 0x2000, 0x2100)
            .fn("main.work", 0x2100, 0x2200)
            .fn("main.safeCall", 0x2200, 0x2300)
            .fn("main.safeCall$1", 0x2300, 0x2400)
            .fn("main.main", 0x2400, 0x2500)
            .fn("runtime.main", 0x2500, 0x2600)
            .fn("cexc_leaf_segv", 0x3000, 0x3100)
            .fn("cexc_mid_segv", 0x3100, 0x3200)
            .fn("runtime.goexit", 0x8000, 0x9000);

    /** capturePanicPCs, Panic, check (panic line), work, safeCall, main.main, runtime.main, C main, libc. */
    static final List<Long> EXPLICIT = List.of(0x1010L, 0x1110L, 0x2010L, 0x2110L, 0x2210L, 0x2410L, 0x2510L, 0x8010L, LIBC_RET);
    /** fault pc + 1 in the C leaf, its C caller, then the Go frames, C main and libc. */
    static final List<Long> FAULT = List.of(0x3011L, 0x3110L, 0x2110L, 0x2210L, 0x2410L, 0x2510L, 0x8010L, LIBC_RET);

    SparseMemory memory(long panicNode, List<Long> pcs, boolean fault, long mark) {
        SparseMemory m = new SparseMemory().zero(G, 640);
        m.word(G + GLayout.G_PANIC, panicNode).word(G + GLayout.G_GOID, 1);
        m.int32(STORE + GLayout.PCS_N, pcs.size()).int32(STORE + GLayout.PCS_ARMED, 0)
                .int32(STORE + GLayout.PCS_FAULT, fault ? 1 : 0).word(STORE + GLayout.PCS_REC_FP1, mark);
        for (int i = 0; i < pcs.size(); i++) {
            m.word(STORE + GLayout.PCS_PCS + 8L * i, pcs.get(i));
        }
        // the live chain, and the stale records of Recover/recoverMark below the closure
        m.word(FP_CLOSURE, FP_SAFECALL).word(FP_SAFECALL, FP_MAIN).word(FP_MAIN, FP_RTMAIN).word(FP_RTMAIN, FP_CMAIN)
                .word(FP_CMAIN, 0).word(FP_RECOVER, FP_CLOSURE).word(MARK, FP_RECOVER);
        return m;
    }

    static List<Long> lookups(long... pcs) {
        List<Long> out = new ArrayList<>();
        for (long p : pcs) {
            out.add(p);
        }
        return out;
    }

    List<String> names(List<Long> liveLookups, SpliceResult r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.liveKept(); i++) {
            out.add(text.function(liveLookups.get(i)));
        }
        for (long pc : r.snapshot()) {
            String n = text.function(pc - 1);
            out.add(n.isEmpty() ? "0x" + Long.toHexString(pc) : n);
        }
        return out;
    }

    static List<String> shaped(List<String> names, int faultIndex) {
        List<String> out = new ArrayList<>();
        for (ShapedFrame f : GcPanicShape.shape(names, faultIndex)) {
            out.add(f.name() != null ? f.name() : names.get(f.source()));
        }
        return out;
    }

    @Test
    void readsTheGLayout() {
        SparseMemory m = memory(NODE, EXPLICIT, false, 0);
        m.word(NODE + GLayout.NODE_PREV, 0).word(NODE + GLayout.NODE_ARG_TYPE, 0x7000).word(NODE + GLayout.NODE_ARG_DATA, 0x7100)
                .word(NODE + GLayout.NODE_DEFER, 0);
        GState g = PanicStateReader.read(m, G);
        assertTrue(g.panicking());
        assertEquals(new PanicNode(NODE, 0, 0x7000, 0x7100, 0), g.panics().get(0));
        assertEquals(EXPLICIT, g.snapshot().pcs());
        assertFalse(g.snapshot().fault());
        assertEquals(1, g.goid());
    }

    @Test
    void trimKeepsOneStandInAndCutsAtTheFirstUnnamedOutOfTextPc() {
        assertEquals(EXPLICIT.subList(1, 8), FrameSplicer.trim(EXPLICIT, false, text));
    }

    @Test
    void panicInFlightIsSplicedUnderTheLiveMachinery() {
        SparseMemory m = memory(NODE, EXPLICIT, false, 0);
        m.zero(NODE, 32);
        GState g = PanicStateReader.read(m, G);
        // stopped at Rethrow's entry, called from Panic (its return address − 1 as lookup pc)
        List<Long> live = lookups(0x1200, 0x111f, 0x200f, 0x210f);
        Optional<List<Long>> snap = Observability.atStop(g, List.of(FP_CLOSURE), m);
        assertTrue(snap.isPresent());
        SpliceResult r = FrameSplicer.splice(live, snap.get(), false, text);
        assertEquals(1, r.liveKept());
        List<String> names = names(live, r);
        assertEquals(List.of(CORE + "Rethrow", CORE + "Panic", "main.check", "main.work", "main.safeCall", "main.main",
                "runtime.main", "runtime.goexit"), names);
        assertEquals(List.of("panic", "main.check", "main.work", "main.safeCall", "main.main", "runtime.main",
                "runtime.goexit"), shaped(names, -1));
        ShapedFrame p = GcPanicShape.shape(names, -1).get(0);
        assertEquals(FrameKind.PANIC, p.kind());
        assertEquals(1, p.source(), "the stand-in is the last machinery frame, Panic");
    }

    @Test
    void recoveredWithALiveMarkSplicesBelowTheDeferredCall() {
        SparseMemory m = memory(0, EXPLICIT, false, MARK);
        GState g = PanicStateReader.read(m, G);
        assertFalse(g.panicking());
        // stopped in the deferred closure right after Recover returned
        List<Long> live = lookups(0x2350, 0x221f, 0x241f, 0x251f, 0x801f);
        List<Long> fps = List.of(FP_CLOSURE, FP_SAFECALL, FP_MAIN, FP_RTMAIN, FP_CMAIN);
        Optional<List<Long>> snap = Observability.atStop(g, fps, m);
        assertTrue(snap.isPresent(), "the recovering closure is live");
        SpliceResult r = FrameSplicer.splice(live, snap.get(), false, text);
        assertEquals(1, r.liveKept(), "junction: safeCall, the function owning the defer");
        assertEquals(List.of("main.safeCall$1", "panic", "main.check", "main.work", "main.safeCall", "main.main",
                "runtime.main", "runtime.goexit"), shaped(names(live, r), -1));
        // the runtime's own rule, from an API frame called by the closure (below the mark)
        long apiFp = 0x7ffd_ee00L;
        m.word(apiFp, FP_CLOSURE);
        assertTrue(Observability.faithful(g, apiFp, m).isPresent());
    }

    @Test
    void recoveredWithADeadMarkIsNotSpliced() {
        SparseMemory m = memory(0, EXPLICIT, false, MARK);
        GState g = PanicStateReader.read(m, G);
        // the closure returned: stopped in safeCall; the stale chain above the mark reaches a dead frame
        List<Long> fps = List.of(FP_SAFECALL, FP_MAIN, FP_RTMAIN, FP_CMAIN);
        assertTrue(Observability.atStop(g, fps, m).isEmpty());
        assertTrue(Observability.faithful(g, FP_SAFECALL, m).isEmpty());
        // no mark at all: nothing
        assertTrue(Observability.atStop(PanicStateReader.read(memory(0, EXPLICIT, false, 0), G),
                List.of(FP_CLOSURE), m).isEmpty());
    }

    @Test
    void faultSnapshotIsNotTrimmedNorCut() {
        SparseMemory m = memory(0, FAULT, true, MARK);
        GState g = PanicStateReader.read(m, G);
        assertTrue(g.snapshot().fault());
        assertEquals(FAULT, FrameSplicer.trim(FAULT, true, text), "fault chains keep the out-of-text tail");
        List<Long> live = lookups(0x2350, 0x221f, 0x241f, 0x251f, 0x801f);
        SpliceResult r = FrameSplicer.splice(live, Observability.atStop(g,
                List.of(FP_CLOSURE, FP_SAFECALL, FP_MAIN, FP_RTMAIN, FP_CMAIN), m).orElseThrow(), true, text);
        assertEquals(1, r.liveKept());
        assertEquals(FAULT, r.snapshot());
        List<String> names = names(live, r);
        assertEquals(List.of("main.safeCall$1", "panic", "runtime.sigpanic", "cexc_leaf_segv", "cexc_mid_segv", "main.work",
                "main.safeCall", "main.main", "runtime.main", "runtime.goexit", "0x" + Long.toHexString(LIBC_RET)),
                shaped(names, 1));
    }

    @Test
    void armedFaultSnapshotBeforeItsPanicIsNotObservable() {
        // the fault handler stored it; Panic has not pushed its node yet and the store cleared the mark
        SparseMemory m = memory(0, FAULT, true, 0);
        m.int32(STORE + GLayout.PCS_ARMED, 1);
        GState g = PanicStateReader.read(m, G);
        assertTrue(g.snapshot().armed());
        assertTrue(Observability.atStop(g, List.of(FP_CLOSURE), m).isEmpty());
    }

    @Test
    void faultStopAtPanicShowsPanicAndSigpanicAboveTheFaultingFrame() {
        List<String> live = List.of(CORE + "Panic", CORE + "PanicSignal", "runtime.onFault", "llgo_fault_trampoline",
                "<signal handler called>", "cexc_leaf_segv", "main.work");
        assertEquals(List.of("panic", "runtime.sigpanic", "cexc_leaf_segv", "main.work"), shaped(live, 5));
    }

    @Test
    void panicValues() {
        SparseMemory m = new SparseMemory();
        m.word(0x9000, 0x9100).word(0x9008, 8).text(0x9100, "negative");
        m.word(0x9200, 0x9300).word(0x9208, 49).text(0x9300, "invalid memory address or nil pointer dereference");
        TypeNames names = TypeNames.of(List.of(
                new dev.llgoframes.core.image.ImageSymbol("_llgo_string", 0xa000, 24, dev.llgoframes.core.image.ImageSymbol.Type.OBJECT,
                        dev.llgoframes.core.image.ImageSymbol.Binding.GLOBAL, 5),
                new dev.llgoframes.core.image.ImageSymbol("_llgo_" + CORE + "errorString", 0xa100, 24,
                        dev.llgoframes.core.image.ImageSymbol.Type.OBJECT, dev.llgoframes.core.image.ImageSymbol.Binding.GLOBAL, 5)), 0);
        assertEquals("negative", PanicValueReader.describe(0xa000, 0x9000, names, m).text());
        PanicValue e = PanicValueReader.describe(0xa100, 0x9200, names, m);
        assertEquals("runtime error: invalid memory address or nil pointer dereference", e.text());
        assertTrue(e.runtimeError());
        assertEquals("nil", PanicValueReader.describe(0, 0, names, m).text());
        assertEquals("(type at 0xb000) 0x9000", PanicValueReader.describe(0xb000, 0x9000, names, m).text());
    }
}
