package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-symbolization of printed frames against a fake binary laid out to match the samples. */
class ResymbolizerTest {
    static final String MAIN_GO = "/home/dev/demo/main.go";

    /**
     * The segv sample's layout (spec R: C functions inherit the preceding Go function's name):
     * main.viaGo is followed by cexc_mid_segv and cexc_segv, so viaGo+0x1f/+0x2f land in
     * cexc_mid_segv and +0x49 in cexc_segv; the C entry "main" is displayed as runtime.goexit.
     */
    static FakeResolver segvBinary() {
        return new FakeResolver()
                .go(0x28f500, 0x28f600, "runtime.goexit", null, 0)
                .go(0x28f600, 0x28f700, "runtime.main", null, 0)
                .go(0x401000, 0x401200, "main.main", MAIN_GO, 53)
                .go(0x401200, 0x401240, "main.callC", MAIN_GO, 24)
                .go(0x401240, 0x401250, "main.viaGo", MAIN_GO, 32)
                .c(0x401250, 0x401280, "cexc_mid_segv")
                .c(0x401280, 0x4012a0, "cexc_segv")
                .c(0x4012a0, 0x401300, "cexc_div");
    }

    @Test
    void faultTracebackNamesCFunctionsAndKeepsLlgoNameInNote() {
        Traceback tb = Traces.only(Traces.load("mt_cexcept_segv_norecover.llgo.txt"));
        List<ViewFrame> f = new Resymbolizer(segvBinary()).frames(tb.goroutines().get(0).frames());
        assertEquals(List.of("cexc_mid_segv", "cexc_mid_segv", "cexc_mid_segv", "cexc_segv", "main.callC", "main.viaGo",
                "main.main", "runtime.main", "runtime.goexit"), f.stream().map(ViewFrame::function).toList());
        ViewFrame top = f.get(0);
        assertEquals(0x40126fL, top.pc()); // entry(main.viaGo) + 0x2f = fault pc + 1
        assertEquals(0x401250L, top.entry());
        assertEquals(0x1fL, top.offset());
        assertEquals(FrameKind.C, top.kind());
        assertEquals(Provenance.SYMTAB, top.provenance());
        assertEquals("LLGo printed main.viaGo(...)", top.note());
        assertNull(top.file());
        assertEquals(MAIN_GO, f.get(4).file());
        assertEquals(24, f.get(4).line());
        assertNull(f.get(4).note());
        // pc=0x… lines: pc = value + 1, resolved with the pc − 1 rule.
        assertEquals(0x28f6eeL, f.get(7).pc());
        assertEquals(0x28f57aL, f.get(8).pc());
        assertEquals(0x7aL, f.get(8).offset());
    }

    @Test
    void faultPcAndSignalLineWithBinary() {
        Traceback tb = Traces.only(Traces.load("mt_cexcept_segv_norecover.llgo.txt"));
        LlgoStack st = LlgoStacks.of(tb, segvBinary()).get(0);
        assertEquals(0x40126eL, st.faultPc());
        assertEquals(0, st.faultFrameIndex());
        GcViewResult r = GcView.apply(st, new GcViewOptions(null, null, "0x1", "0x0"));
        String expected = """
                panic: runtime error: invalid memory address or nil pointer dereference
                [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x40126e]

                goroutine 1 [running]:
                cexc_mid_segv
                	pc=0x40126e
                cexc_mid_segv
                	pc=0x40125e
                cexc_mid_segv
                	pc=0x40125e
                cexc_segv
                	pc=0x401288
                main.callC()
                	/home/dev/demo/main.go:24 +0x30
                main.viaGo()
                	/home/dev/demo/main.go:32 +0x9
                main.main()
                	/home/dev/demo/main.go:53 +0x188
                """;
        assertEquals(expected, GcTextRenderer.render(List.of(r.goroutine()), null, false));
        // The view itself keeps gc's panic + runtime.sigpanic above the faulting frame; the text hides them.
        assertEquals(List.of("panic", "runtime.sigpanic", "cexc_mid_segv"),
                r.goroutine().frames().subList(0, 3).stream().map(ViewFrame::function).toList());
        assertEquals(FrameKind.PANIC, r.goroutine().frames().get(0).kind());
        assertEquals(Provenance.INFERRED, r.goroutine().frames().get(1).provenance());
    }

    @Test
    void recoveredDivideFaultStack() {
        Traceback tb = Traces.only(Traces.load("mt_cexcept_div_recover.llgo.txt"));
        // The div program's own layout: callC is longer there (+0x5b at line 26).
        FakeResolver bin = new FakeResolver()
                .go(0x28f500, 0x28f600, "runtime.goexit", null, 0)
                .go(0x28f600, 0x28f700, "runtime.main", null, 0)
                .go(0x401000, 0x401200, "main.main", MAIN_GO, 53)
                .go(0x401200, 0x401270, "main.callC", MAIN_GO, 26)
                .go(0x401270, 0x401280, "main.viaGo", MAIN_GO, 32)
                .c(0x401280, 0x401300, "cexc_div")
                .go(0x402000, 0x402100, "main.main.func1", MAIN_GO, 47)
                .go(0x403000, 0x403100, "runtime/debug.Stack", "/usr/local/go/src/runtime/debug/stack.go", 26)
                .go(0x404000, 0x404100, "runtime.Callers", "/home/dev/llgo/runtime/internal/lib/runtime/extern.go", 54)
                .go(0x404100, 0x404200, "runtime.Stack", "/home/dev/llgo/runtime/internal/lib/runtime/runtime2.go", 25);
        LlgoStack st = LlgoStacks.of(tb, bin).get(0);
        assertEquals(StackShape.STACK_DUMP, st.shape());
        assertEquals(4, st.faultFrameIndex()); // the frame below main.main.func1
        assertEquals("cexc_div", st.frames().get(4).function());
        assertEquals(0x4012e1L, st.faultPc()); // viaGo + 0x72 − 1
        ViewGoroutine g = GcView.apply(st, GcViewOptions.NONE).goroutine();
        assertEquals(List.of("runtime/debug.Stack", "main.main.func1", "panic", "runtime.sigpanic", "cexc_div",
                "main.callC", "main.viaGo", "main.main"), g.frames().stream().map(ViewFrame::function).toList());
        assertNull(g.signal()); // gc prints [signal …] only with a fatal panic
        assertEquals(1, g.id()); // LLGo's goroutine 0 is gc's main goroutine 1
    }

    @Test
    void cliteDumpUsesPrintedPcs() {
        Traceback tb = Traces.only(Traces.load("clite_dump.llgo.txt"));
        FakeResolver bin = new FakeResolver()
                .go(0x00C69400, 0x00C69440, "main.normalFunc", MAIN_GO, 10)
                .go(0x00C69540, 0x00C69580, "main.genericFunc[string]", MAIN_GO, 20);
        List<ViewFrame> f = new Resymbolizer(bin).frames(tb.goroutines().get(0).frames());
        assertEquals(0x00C69420L, f.get(2).pc());
        assertEquals(MAIN_GO, f.get(2).file());
        assertEquals(10, f.get(2).line());
        assertEquals(0x20L, f.get(2).offset());
        assertTrue(f.get(2).note().contains("low 32 bits"));
        assertEquals(Provenance.TEXT, f.get(0).provenance()); // not in the fake binary
        assertEquals("pc 0xc6d310 not resolved", f.get(0).note());
    }

    @Test
    void goroutineStartWrapperBecomesCreatedBy() {
        String text = """
                panic: worker failed

                goroutine 1 [running]:
                main.worker(...)
                	/home/dev/demo/main.go:12 +0x2a
                main.spawn(...)
                	/home/dev/demo/main.go:20 +0x45
                runtime.goexit(...)
                	???:0 +0x3a
                """;
        FakeResolver bin = new FakeResolver()
                .go(0x401000, 0x401100, "main.worker", MAIN_GO, 12)
                .go(0x401300, 0x401340, "main.spawn", MAIN_GO, 20)
                .add(new FakeResolver.Sym(0x401340, 0x401360, "main._llgo_routine$1", null, null, FrameKind.GO, Provenance.SYMTAB))
                .go(0x28f500, 0x28f600, "runtime.goexit", null, 0);
        LlgoStack st = LlgoStacks.of(Traces.only(text), bin).get(0);
        GcViewResult r = GcView.apply(st, new GcViewOptions(null, 18L, null, null));
        ViewGoroutine g = r.goroutine();
        assertEquals(18, g.id());
        assertEquals(List.of("main.worker"), g.frames().stream().map(ViewFrame::function).toList());
        assertEquals("main._llgo_routine$1", g.createdBy().function());
        assertTrue(r.changes().stream().anyMatch(c -> c.contains("dropped 1 frame(s) LLGo printed below the wrapper")));
        assertEquals("""
                panic: worker failed

                goroutine 18 [running]:
                main.worker()
                	/home/dev/demo/main.go:12 +0x2a
                created by main._llgo_routine$1
                """, GcTextRenderer.render(List.of(g), null, false));
    }
}
