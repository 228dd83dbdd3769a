package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every LLGo sample, text only (no binary): its gc view rendered as gc text equals the gc-shaped
 * expectation in {@code <sample>.gcview.txt}, written by hand from gc's formats; and LLGo's own
 * shape re-rendered from the parsed frames gives back the original text.
 */
class GcViewSamplesTest {

    static String gcText(Traceback tb) {
        return TraceViews.gcText(tb, null, GcViewOptions.NONE, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mt_panic.llgo.txt", "mt_cexcept_segv_norecover.llgo.txt", "mt_cexcept_segv_recover.llgo.txt",
            "mt_cexcept_div_recover.llgo.txt", "clite_dump.llgo.txt", "example_b_darwin_fault.llgo.txt",
            "example_d_stack.llgo.txt", "go_nilderef_recover.llgo.txt",
            "named_defer_segv_recover.llgo.txt"})
    void llgoSampleToGcView(String name) {
        Traceback tb = Traces.only(Traces.load(name));
        assertEquals(Traces.load(name.replace(".txt", ".gcview.txt")), gcText(tb));
    }

    @Test
    void manualPanicMatchesRealGcOutputOffsetsAside() {
        Traceback llgo = Traces.only(Traces.load("mt_panic.llgo.txt"));
        Traceback gc = Traces.only(Traces.load("mt_panic.gc.txt"));
        ViewGoroutine view = GcView.apply(LlgoStacks.of(llgo, null).get(0), GcViewOptions.NONE).goroutine();
        List<TraceFrame> expected = gc.goroutines().get(0).frames();
        assertEquals(expected.size(), view.frames().size());
        for (int i = 0; i < expected.size(); i++) {
            TraceFrame e = expected.get(i);
            ViewFrame v = view.frames().get(i);
            assertEquals(e.function(), v.function());
            assertEquals(e.file(), v.file());
            assertEquals(e.line(), v.line());
        }
        assertEquals(gc.goroutines().get(0).id(), view.id());
        assertEquals(gc.finalPanic().text(), view.panic());
        // Same text once offsets are masked.
        String mask = "\\+0x[0-9a-f]+";
        assertEquals(Traces.load("mt_panic.gc.txt").replaceAll(mask, "+0x?"), gcText(llgo).replaceAll(mask, "+0x?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mt_panic.llgo.txt", "mt_cexcept_segv_norecover.llgo.txt", "clite_dump.llgo.txt"})
    void llgoShapeRoundTrips(String name) {
        String text = Traces.load(name);
        Traceback tb = Traces.only(text);
        String rendered = LlgoTextRenderer.render(LlgoStacks.of(tb, null).get(0));
        String original = text.substring(tb.range().start(), tb.range().end()).replaceAll("\nexit status \\d+$", "");
        assertEquals(original + "\n", rendered);
    }

    @Test
    void aGoLevelNilCheckRecoveredIsAPanicNotAFault() {
        // the message is a fault's, but the frame below the deferred function is LLGo's stand-in for
        // gopanic (AssertNilDeref): one panic frame in its place, no runtime.sigpanic (§8.6, §9.9)
        LlgoStack st = LlgoStacks.of(Traces.only(Traces.load("go_nilderef_recover.llgo.txt")), null).get(0);
        assertFalse(st.fault());
        assertNull(st.faultFrameIndex());
        String gc = gcText(Traces.only(Traces.load("go_nilderef_recover.llgo.txt")));
        assertEquals(1, gc.split("panic\\(\\.\\.\\.\\)", -1).length - 1, gc);
        assertFalse(gc.contains("sigpanic"), gc);
    }

    @Test
    void llgoTextKeepsExitStatus() {
        Traceback tb = Traces.only(Traces.load("example_b_darwin_fault.llgo.txt"));
        assertEquals(Traces.load("example_b_darwin_fault.llgo.txt"), TraceViews.llgoText(tb, null));
    }

    @Test
    void stackDumpShapeRoundTripsUpToTheGarbage() {
        String text = Traces.load("mt_cexcept_div_recover.llgo.txt");
        Traceback tb = Traces.only(text);
        String rendered = LlgoTextRenderer.render(LlgoStacks.of(tb, null).get(0));
        assertEquals(text.substring(text.indexOf("goroutine 0")), rendered);
    }

    @Test
    void renderedGcTextParsesAsGc() {
        String gc = gcText(Traces.only(Traces.load("mt_cexcept_segv_recover.llgo.txt")));
        Traceback back = Traces.only(gc);
        assertEquals(Dialect.GC, back.dialect());
        assertEquals("main.main.func1", back.goroutines().get(0).frames().get(1).function());
    }
}
