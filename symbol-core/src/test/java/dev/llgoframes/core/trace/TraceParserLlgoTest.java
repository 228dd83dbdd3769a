package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LLGo's formats (spec §9.2–§9.5) on the real samples and on the spec's examples. */
class TraceParserLlgoTest {

    @Test
    void runTimeDiagnosticsInsideATracebackDoNotSplitIt() {
        // §9.6: in FIRST_USE images LLGO_FUNCINFO_DEBUG's pcline line comes while the traceback is
        // printed (after "panic: …" and its blank line); LLGO_DYNUNWIND_DEBUG adds [dynunwind] lines
        String plain = Traces.load("mt_panic.llgo.txt");
        String noisy = "llgo funcinfo: func table frames= 12  buckets= 0  index= built  entries= sites\n"
                + plain.replace("panic: manual-boom\n\n", "panic: manual-boom\n\n"
                        + "llgo funcinfo: pcline table frames= 9  buckets= 3  index= built\n")
                        .replace("main.outer(...)\n", "[dynunwind] #01 0x401136 main.outer+0x9\nmain.outer(...)\n");
        TraceDocument doc = TraceParser.parse(noisy);
        assertEquals(1, doc.tracebacks().size(), noisy);
        Traceback tb = doc.tracebacks().get(0);
        Traceback want = Traces.only(plain);
        assertEquals(TracebackKind.PANIC, tb.kind());
        assertEquals("manual-boom", tb.finalPanic().text());
        assertEquals(want.goroutines().get(0).frames().stream().map(TraceFrame::function).toList(),
                tb.goroutines().get(0).frames().stream().map(TraceFrame::function).toList());
        assertEquals(want.goroutines().get(0).frames().stream().map(TraceFrame::line).toList(),
                tb.goroutines().get(0).frames().stream().map(TraceFrame::line).toList());
        // the line before the panic is not part of the traceback: it passes through
        assertEquals(1, doc.passthroughLines());
    }

    @Test
    void panicTracebackSample() {
        String text = Traces.load("mt_panic.llgo.txt");
        TraceDocument doc = TraceParser.parse(text);
        assertEquals(1, doc.tracebacks().size());
        assertEquals(0, doc.passthroughLines());
        Traceback tb = doc.tracebacks().get(0);
        assertEquals(Dialect.LLGO, tb.dialect());
        assertEquals(TracebackKind.PANIC, tb.kind());
        assertEquals("manual-boom", tb.finalPanic().text());
        assertEquals(new TextRange(7, 18), tb.finalPanic().range());
        Goroutine g = tb.goroutines().get(0);
        assertEquals(1, g.id());
        assertEquals("running", g.state());
        assertEquals(new TextRange(20, 42), g.headerRange());
        List<TraceFrame> f = g.frames();
        assertEquals(List.of("main.inner", "main.outer", "main.main", "runtime.main", "runtime.goexit"),
                f.stream().map(TraceFrame::function).toList());
        // Exact token ranges: "main.inner" starts right after the header line.
        assertEquals(new TextRange(43, 53), f.get(0).functionRange());
        assertEquals(new TextRange(60, 84), f.get(0).locationRange());
        assertEquals("/home/dev/demo/main.go:7", f.get(0).locationRange().of(text));
        assertEquals("...", f.get(0).args());
        assertEquals(0x2fL, f.get(0).offset());
        assertEquals(3, f.get(0).functionLineIndex());
        assertEquals(4, f.get(0).locationLineIndex());
        assertEquals("???", f.get(3).file());
        assertEquals(0, f.get(3).line());
        assertEquals(0xa9L, f.get(3).offset());
        assertEquals("???:0", f.get(3).locationRange().of(text));
        // ???:0 is not navigable: three FRAME tokens, one per real file.
        assertEquals(3, doc.locations().size());
        assertTrue(doc.locations().stream().allMatch(t -> t.kind() == LocationToken.Kind.FRAME));
        assertEquals(12, tb.lastLineIndex());
    }

    @Test
    void faultTracebackSampleWithPcLines() {
        String text = Traces.load("mt_cexcept_segv_norecover.llgo.txt");
        Traceback tb = Traces.only(text);
        assertEquals(Dialect.LLGO, tb.dialect());
        assertEquals(TracebackKind.FAULT, tb.kind());
        List<TraceFrame> f = tb.goroutines().get(0).frames();
        assertEquals(9, f.size());
        assertEquals(0x2fL, f.get(0).offset());
        TraceFrame rtMain = f.get(7);
        assertEquals("runtime.main", rtMain.function());
        assertNull(rtMain.file());
        assertNull(rtMain.locationRange());
        assertEquals(0x28f6edL, rtMain.printedPc());
        assertEquals(0x28f579L, f.get(8).printedPc());
        int at = text.indexOf("runtime.goexit");
        assertEquals(new TextRange(at, at + "runtime.goexit".length()), f.get(8).functionRange());
    }

    @Test
    void debugStackAfterRecoveredFault() {
        String text = Traces.load("mt_cexcept_segv_recover.llgo.txt");
        TraceDocument doc = TraceParser.parse(text);
        assertEquals(1, doc.passthroughLines()); // the program's own "recovered: …" line
        Traceback tb = doc.tracebacks().get(0);
        assertEquals(Dialect.LLGO, tb.dialect());
        assertEquals(TracebackKind.STACK, tb.kind());
        assertTrue(tb.panics().isEmpty());
        assertEquals("recovered: runtime error: invalid memory address or nil pointer dereference", tb.precedingLine());
        Goroutine g = tb.goroutines().get(0);
        assertEquals(0, g.id());
        assertEquals(16, g.frames().size());
        assertEquals("", g.frames().get(0).args());
        TraceFrame garbage = g.frames().get(13);
        assertEquals("github.com/xgo-dev/llgo/runtime/abi.(*UncommonType).Methods", garbage.function());
        assertEquals(0x7f3e9b42b5daL, garbage.offset());
        TraceFrame last = g.frames().get(15);
        assertEquals("pc=0x28f471", last.function());
        assertEquals("???", last.file());
        assertNull(last.offset());
    }

    @Test
    void cliteDump() {
        String text = Traces.load("clite_dump.llgo.txt");
        Traceback tb = Traces.only(text);
        assertEquals(Dialect.LLGO, tb.dialect());
        assertEquals(TracebackKind.CLITE, tb.kind());
        assertEquals(2, tb.exitStatus());
        List<TraceFrame> f = tb.goroutines().get(0).frames();
        assertEquals(7, f.size());
        assertEquals(FrameSyntax.CLITE, f.get(0).syntax());
        assertEquals(0x00C6D310L, f.get(0).printedPc());
        assertEquals(0x60L, f.get(0).offset()); // the SP = value is the real offset (§9.4 quirk)
        assertEquals("main.genericFunc[string]", f.get(3).function());
        int at = text.indexOf("main.(*MyStruct[string]).Method");
        assertEquals(new TextRange(at, at + 31), f.get(4).functionRange());
        assertEquals("main", f.get(5).function());
        assertEquals("(null)", f.get(6).function());
        assertEquals(0L, f.get(6).offset());
    }

    @Test
    void darwinFaultExampleB() {
        Traceback tb = Traces.only(Traces.load("example_b_darwin_fault.llgo.txt"));
        assertEquals(Dialect.LLGO, tb.dialect());
        assertEquals(TracebackKind.FAULT, tb.kind());
        assertEquals(2, tb.exitStatus());
        List<TraceFrame> f = tb.goroutines().get(0).frames();
        assertEquals("cexc_leaf_segv", f.get(0).function());
        assertEquals(0x100003e10L, f.get(0).printedPc());
        assertEquals("main", f.get(9).function());
    }

    @Test
    void exampleDStandIn() {
        TraceDocument doc = TraceParser.parse(Traces.load("example_d_stack.llgo.txt"));
        assertEquals(2, doc.passthroughLines()); // "recovered: …" and "done"
        Traceback tb = doc.tracebacks().get(0);
        assertEquals(TracebackKind.STACK, tb.kind());
        assertEquals("github.com/xgo-dev/llgo/runtime/internal/runtime.PanicIndex",
                tb.goroutines().get(0).frames().get(4).function());
    }

    @Test
    void crlfLineEndsKeepExactRanges() {
        String text = Traces.load("mt_panic.llgo.txt").replace("\n", "\r\n");
        Traceback tb = Traces.only(text);
        TraceFrame f = tb.goroutines().get(0).frames().get(1);
        assertEquals("main.outer", f.functionRange().of(text));
        assertEquals("/home/dev/demo/main.go:12", f.locationRange().of(text));
    }

    @Test
    void tracebackEmbeddedInOtherOutput() {
        String text = "hello\nworld\n" + Traces.load("mt_panic.llgo.txt") + "exit status 2\n";
        TraceDocument doc = TraceParser.parse(text);
        assertEquals(2, doc.passthroughLines());
        Traceback tb = doc.tracebacks().get(0);
        assertEquals(2, tb.exitStatus());
        assertEquals("world", tb.precedingLine());
        assertEquals("main.inner", tb.goroutines().get(0).frames().get(0).functionRange().of(text));
    }
}
