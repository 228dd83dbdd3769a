package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gc-view rules one by one on synthetic LLGo frame lists. */
class GcViewRulesTest {

    static ViewFrame go(String name, int line) {
        return new ViewFrame(name, "/src/main.go", line, null, null, 0x10L, GoNames.kindOf(name), Provenance.TEXT, null);
    }

    static ViewFrame rt(String name) {
        return new ViewFrame(name, null, 0, null, null, 0x3aL, GoNames.kindOf(name), Provenance.TEXT, null);
    }

    static LlgoStack panicStack(List<ViewFrame> frames) {
        return new LlgoStack(StackShape.PANIC_TRACEBACK, 1, "running", "boom", null, frames, null, null);
    }

    @Test
    void moreThanHundredFramesAreElidedAsGcDoes() {
        List<ViewFrame> f = new ArrayList<>();
        for (int i = 0; i < 130; i++) f.add(go("main.rec", i + 1));
        f.add(rt("runtime.main"));
        f.add(rt("runtime.goexit"));
        GcViewResult r = GcView.apply(panicStack(f), GcViewOptions.NONE);
        ViewGoroutine g = r.goroutine();
        assertEquals(100, g.frames().size());
        assertEquals(new ViewGoroutine.Elision(50, 30), g.elision());
        assertEquals(50, g.frames().get(49).line());
        assertEquals(81, g.frames().get(50).line());
        String text = GcTextRenderer.render(List.of(g), null, false);
        assertTrue(text.contains("/src/main.go:50 +0x10\n...30 frames elided...\nmain.rec()\n\t/src/main.go:81 +0x10\n"), text);
        // And the parser reads gc's marker back.
        Goroutine back = Traces.only(text).goroutines().get(0);
        assertEquals(30, back.elided().get(0).count());
        assertEquals(50, back.elided().get(0).beforeFrame());
    }

    @Test
    void llgoStoppingShortIsNoted() {
        List<ViewFrame> f = new ArrayList<>();
        for (int i = 0; i < 64; i++) f.add(go("main.rec", 5));
        GcViewResult r = GcView.apply(panicStack(f), GcViewOptions.NONE);
        ViewFrame last = r.goroutine().frames().get(63);
        assertTrue(last.note().contains("LLGo stopped short"), last.note());
        assertNull(r.goroutine().elision());
    }

    @Test
    void gcNamesWithLlgoNameKeptInNote() {
        List<ViewFrame> f = List.of(go("main.main$1.func1", 9), go("example.com/x.init#1", 3), go("main.Map[int,string]", 4),
                rt("runtime.main"), rt("runtime.goexit"));
        ViewGoroutine g = GcView.apply(panicStack(f), GcViewOptions.NONE).goroutine();
        assertEquals(List.of("main.main.func1.1", "example.com/x.init.0", "main.Map[...]"),
                g.frames().stream().map(ViewFrame::function).toList());
        assertEquals("LLGo name main.main$1.func1", g.frames().get(0).note());
    }

    @Test
    void runOfRuntimeFramesInTheMiddleBecomesOnePanicFrame() {
        List<ViewFrame> f = List.of(go("main.f.func1", 3),
                go("github.com/xgo-dev/llgo/runtime/internal/runtime.Rethrow", 1),
                go("github.com/xgo-dev/llgo/runtime/internal/runtime.Panic", 2), go("main.f", 5),
                rt("runtime.main"), rt("runtime.goexit"));
        LlgoStack st = new LlgoStack(StackShape.STACK_DUMP, 0, "running", null, null, f, null, null);
        ViewGoroutine g = GcView.apply(st, new GcViewOptions("/opt/go", 5L, null, null)).goroutine();
        assertEquals(List.of("main.f.func1", "panic", "main.f"), g.frames().stream().map(ViewFrame::function).toList());
        ViewFrame p = g.frames().get(1);
        assertEquals(FrameKind.PANIC, p.kind());
        assertEquals("/opt/go/src/runtime/panic.go", p.file());
        assertNull(p.line());
        assertTrue(p.note().contains("runtime.Rethrow, github.com/xgo-dev/llgo/runtime/internal/runtime.Panic"));
        assertEquals(5, g.id());
    }

    @Test
    void theCMainEndsTheListAboveLibcStartCode() {
        // a live unwind (debugger) of a program whose entry is C main: libc's start code follows it
        ViewFrame cMain = new ViewFrame("main", null, null, 0x4010fcL, 0x4010e0L, 0x1cL, FrameKind.C, Provenance.SYMTAB, null);
        ViewFrame libc = new ViewFrame("__libc_start_call_main", null, null, 0x7ffff7dfb24aL, null, null, FrameKind.C,
                Provenance.TEXT, null);
        List<ViewFrame> f = List.of(go("main.f", 3), go("main.main", 4), cMain, libc,
                new ViewFrame("_start", null, null, 0x401141L, 0x401120L, 0x21L, FrameKind.C, Provenance.SYMTAB, null));
        GcViewResult r = GcView.apply(panicStack(f), GcViewOptions.NONE);
        assertEquals(List.of("main.f", "main.main"), r.goroutine().frames().stream().map(ViewFrame::function).toList());
        assertTrue(r.changes().contains("dropped 2 frame(s) past main (return addresses beyond the program's entry, garbage)"),
                r.changes().toString());
    }

    @Test
    void garbageBelowGoFramesStopsTheList() {
        ViewFrame hugeOffset = new ViewFrame("github.com/xgo-dev/llgo/runtime/abi.(*UncommonType).Methods", "/x.go", 3, null,
                null, 0x7f3e9b42b5daL, FrameKind.GO, Provenance.TEXT, null);
        List<ViewFrame> f = List.of(go("main.f", 3), go("main.main", 4), hugeOffset, rt("pc=0x1"));
        GcViewResult r = GcView.apply(panicStack(f), GcViewOptions.NONE);
        assertEquals(2, r.goroutine().frames().size());
        assertTrue(r.changes().get(0).startsWith("stopped at frame 2"));
    }

    @Test
    void systemTracebackShowsWhatSingleHides() {
        Traceback tb = Traces.only(Traces.load("mt_cexcept_segv_norecover.llgo.txt"));
        ViewGoroutine g = GcView.apply(LlgoStacks.of(tb, null).get(0), GcViewOptions.NONE).goroutine();
        String system = GcTextRenderer.render(List.of(g), null, true);
        assertTrue(system.contains("goroutine 1 [running]:\npanic(...)\n\t$GOROOT/src/runtime/panic.go\nruntime.sigpanic()\n"), system);
        assertFalse(GcTextRenderer.render(List.of(g), null, false).contains("sigpanic"));
    }

    @Test
    void exportedRuntimeRule() {
        assertTrue(GcTextRenderer.exportedRuntime("runtime.Goexit"));
        assertTrue(GcTextRenderer.exportedRuntime("runtime.(*Func).Name"));
        assertFalse(GcTextRenderer.exportedRuntime("runtime.gopark"));
        assertFalse(GcTextRenderer.exportedRuntime("runtime.(*mheap).Alloc"));
    }
}
