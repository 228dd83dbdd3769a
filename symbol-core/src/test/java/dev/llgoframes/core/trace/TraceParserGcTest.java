package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** gc's formats (Go 1.20–1.26 runtime/traceback.go, panic.go). */
class TraceParserGcTest {

    @Test
    void gcSampleOfTheManualPanicProgram() {
        Traceback tb = Traces.only(Traces.load("mt_panic.gc.txt"));
        assertEquals(Dialect.GC, tb.dialect());
        assertEquals(TracebackKind.PANIC, tb.kind());
        assertEquals(List.of("main.inner", "main.outer", "main.main"),
                tb.goroutines().get(0).frames().stream().map(TraceFrame::function).toList());
    }

    @Test
    void recoveredChainArgumentsAndInlinedFrames() {
        String text = Traces.load("gc_recovered_chain.gc.txt");
        Traceback tb = Traces.only(text);
        assertEquals(Dialect.GC, tb.dialect());
        assertEquals(2, tb.panics().size());
        PanicMessage first = tb.panics().get(0);
        assertEquals("first failure", first.text());
        assertTrue(first.recovered());
        assertFalse(first.chained());
        PanicMessage second = tb.panics().get(1);
        assertEquals("second failure", second.text());
        assertTrue(second.chained());
        assertEquals("second failure", second.range().of(text));
        List<TraceFrame> f = tb.goroutines().get(0).frames();
        assertEquals("panic", f.get(1).function());
        assertEquals("{0x4a1b20?, 0x4d8f10?}", f.get(1).args());
        assertEquals("0xc000012345, {0xc00001c030, 0x5}, ...", f.get(2).args());
        assertTrue(f.get(3).elidedArgs());
        assertNull(f.get(3).offset()); // inlined frames print no offset
        assertEquals(18, f.get(3).line());
        assertEquals("main.(*Server[...]).Run", f.get(4).functionRange().of(text));
        assertEquals(2, tb.exitStatus());
    }

    @Test
    void signalHeadersCreatedByAndElision() {
        String text = Traces.load("gc_signal_goroutines.gc.txt");
        Traceback tb = Traces.only(text);
        assertEquals(Dialect.GC, tb.dialect());
        assertEquals(TracebackKind.FAULT, tb.kind());
        PanicMessage p = tb.finalPanic();
        assertTrue(p.recovered());
        assertTrue(p.repanicked());
        assertEquals("runtime error: invalid memory address or nil pointer dereference", p.text());
        SignalInfo s = tb.signal();
        assertEquals("SIGSEGV", s.name());
        assertEquals("segmentation violation", s.description());
        assertEquals("0x1", s.code());
        assertEquals("0x0", s.addr());
        assertEquals(0x48f2b6L, s.pc());
        assertEquals("signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f2b6", s.range().of(text));

        List<Goroutine> gs = tb.goroutines();
        assertEquals(List.of(18L, 1L, 7L, 9L, 10L), gs.stream().map(Goroutine::id).toList());
        Goroutine g18 = gs.get(0);
        assertEquals("main.main", g18.createdBy().function());
        assertEquals("main.main", g18.createdBy().functionRange().of(text));
        assertEquals(1L, g18.createdByGoroutine());
        assertEquals("/tmp/demo/main.go:8", g18.createdBy().locationRange().of(text));
        assertEquals("chan receive", gs.get(1).state());
        assertEquals(3, gs.get(1).waitMinutes());
        assertTrue(gs.get(2).lockedToThread());
        assertEquals("runtime.ensureSigM", gs.get(2).createdBy().function());
        assertNull(gs.get(2).createdByGoroutine()); // pre-1.21 form
        assertEquals("sync.WaitGroup.Wait (nil chan)", gs.get(3).state());
        assertEquals(12, gs.get(3).waitMinutes());
        assertEquals("demo/deep.go", gs.get(3).frames().get(0).file()); // -trimpath
        ElidedMarker m = gs.get(3).elided().get(0);
        assertNull(m.count());
        assertEquals(1, m.beforeFrame());
        assertTrue(gs.get(4).frames().isEmpty());
        assertNotNull(gs.get(4).createdBy());
        assertEquals(2, tb.exitStatus());
        assertEquals(TraceParser.parse(text).lineCount() - 1, tb.lastLineIndex());
    }

    @Test
    void fatalErrorBlock() {
        Traceback tb = Traces.only(Traces.load("gc_fatal_deadlock.gc.txt"));
        assertEquals(TracebackKind.FATAL, tb.kind());
        assertEquals("all goroutines are asleep - deadlock!", tb.fatalError());
        assertEquals("chan receive", tb.goroutines().get(0).state());
    }

    @Test
    void sigquitDumpWithFramePointersAndRegisters() {
        String text = Traces.load("gc_sigquit.gc.txt");
        TraceDocument doc = TraceParser.parse(text);
        assertEquals(0, doc.passthroughLines()); // registers and exit status belong to the block
        Traceback tb = doc.tracebacks().get(0);
        assertEquals(Dialect.GC, tb.dialect());
        assertEquals(TracebackKind.STACK, tb.kind());
        Goroutine g0 = tb.goroutines().get(0);
        assertEquals(0, g0.id());
        assertEquals("idle", g0.state());
        TraceFrame futex = g0.frames().get(0);
        assertEquals(0x21L, futex.offset());
        assertEquals(0x7ffd2c1f3a88L, futex.fp());
        assertEquals(0x7ffd2c1f3a80L, futex.sp());
        assertEquals(0x46ce21L, futex.printedPc());
        assertEquals("/usr/local/go/src/runtime/sys_linux_amd64.s:557", futex.locationRange().of(text));
        assertEquals(7, g0.elided().get(0).count());
        TraceFrame main = tb.goroutines().get(1).frames().get(1);
        assertEquals("C:/Users/dev/demo/main.go", main.file());
        assertEquals(6, main.line());
        assertEquals(2, tb.exitStatus());
    }

    @Test
    void raceReportSections() {
        String text = Traces.load("gc_race.gc.txt");
        TraceDocument doc = TraceParser.parse(text);
        Traceback tb = doc.tracebacks().get(0);
        assertEquals(TracebackKind.RACE, tb.kind());
        assertEquals(Dialect.GC, tb.dialect());
        List<Goroutine> gs = tb.goroutines();
        assertEquals(3, gs.size());
        assertEquals(7, gs.get(0).id());
        assertEquals("Write at 0x00c000014098 by goroutine 7", gs.get(0).state());
        assertEquals(1, gs.get(1).id());
        assertEquals(7, gs.get(2).id());
        TraceFrame f = gs.get(0).frames().get(0);
        assertEquals("main.main.func1", f.functionRange().of(text));
        assertEquals("/tmp/race/main.go:9", f.locationRange().of(text));
        assertEquals(2, doc.passthroughLines()); // "Found 1 data race(s)", "exit status 66"
    }

    @Test
    void multiLinePanicValue() {
        String text = "panic: line one\nline two\n\ngoroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1\n";
        Traceback tb = Traces.only(text);
        assertEquals("line one\nline two", tb.finalPanic().text());
        assertEquals(1, tb.frameCount());
    }

    @Test
    void cgoSymbolizerFrameAndNamesWithSpacesInTypeArguments() {
        String text = "goroutine 1 [running]:\ncexc_segv\n\t/x/c.c:4 pc=0x401000\n"
                + "main.apply[func(int) string](...)\n\t/x/main.go:9\n";
        Traceback tb = Traces.only(text);
        List<TraceFrame> f = tb.goroutines().get(0).frames();
        assertEquals("cexc_segv", f.get(0).function());
        assertNull(f.get(0).args());
        assertEquals(0x401000L, f.get(0).printedPc());
        assertEquals("main.apply[func(int) string]", f.get(1).function());
    }
}
