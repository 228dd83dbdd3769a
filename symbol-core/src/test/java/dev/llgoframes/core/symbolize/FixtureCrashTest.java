package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.core.resolve.LlgoTracebackRenderer;
import dev.llgoframes.core.trace.GcViewOptions;
import dev.llgoframes.core.trace.GcViewResult;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceParser;
import dev.llgoframes.core.trace.TraceViews;
import dev.llgoframes.core.trace.ViewFrame;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs fixture programs until they fault inside C, takes the pcs their fault handler printed
 * (fault pc + 1, then the frame-pointer chain, as LLGo's handler captures them), and checks
 * symbolization, LLGo's own rendering and the gc view against the fixture's truth.
 */
class FixtureCrashTest {
    record Crash(Fixture fixture, List<Long> pcs, String stderr) {}

    static Crash crash(String variant, String mode) throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
        Process p = new ProcessBuilder(f.executable().toString(), mode).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        List<Long> pcs = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("fixture-frame: 0x")) {
                pcs.add(Long.parseUnsignedLong(line.substring("fixture-frame: 0x".length()).trim(), 16));
            }
        }
        assertTrue(pcs.size() >= 5, out);
        return new Crash(f, pcs, out);
    }

    /** The statement line the truth gives a return address: the last anchor at or below ra − 1 in that function. */
    static int truthLine(FixtureTruth t, String symbol, long ra) {
        return t.anchorsOf(symbol).stream().filter(a -> a.pc() != 0 && Long.compareUnsigned(a.pc(), ra - 1) <= 0)
                .max(Comparator.comparingLong(FixtureTruth.AnchorTruth::pc)).map(FixtureTruth.AnchorTruth::line)
                .orElse(t.goFunction(symbol).orElseThrow().line());
    }

    /** What every frame of the chain should be, from the truth alone. */
    static List<String> expected(FixtureTruth t, List<Long> pcs) {
        List<String> out = new ArrayList<>();
        for (long ra : pcs) {
            long pc = ra - 1;
            String c = t.cFunctions().stream().filter(x -> x.linked() && t.goFunction(x.name()).isEmpty()
                    && Long.compareUnsigned(pc - x.address(), x.size()) < 0).map(FixtureTruth.CFunctionTruth::name).findFirst().orElse(null);
            if (c != null) {
                out.add(c);
                continue;
            }
            FixtureTruth.GoFunctionTruth g = t.goFunctions().stream().filter(x -> x.linked()
                    && Long.compareUnsigned(pc - x.address(), x.size()) < 0).findFirst().orElse(null);
            if (g == null) {
                out.add("<outside>");
                continue;
            }
            String name = Names.publicName(g.display().isEmpty() ? g.symbol() : g.display());
            out.add(g.file().isEmpty() ? name : name + " " + g.file() + ":" + truthLine(t, g.symbol(), ra));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nopie", "prebuilt", "external", "lld-nopie", "nopie-dwarf5", "nopie-o0"})
    void faultChainSymbolizesToTheTruth(String variant) throws Exception {
        Crash c = crash(variant, "segv");
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(c.fixture().executable()));
        List<String> got = new ArrayList<>();
        for (long ra : c.pcs()) {
            SymbolizedPc r = sym.symbolize(ra, true);
            if (r.function() == null) {
                got.add("<outside>");
            } else if (r.kind() != FrameKind.GO) {
                got.add(r.function());   // C by symbol; runtime records have no file (DWARF may add prog.c)
            } else {
                got.add(r.file() == null ? r.function() : r.function() + " " + r.file() + ":" + r.line());
            }
        }
        List<String> want = expected(c.fixture().truth(), c.pcs());
        assertEquals(want, got);
        assertEquals("cexc_leaf_segv", got.get(0));
        assertTrue(got.stream().anyMatch(s -> s.startsWith("main.callC ")), got.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nopie", "prebuilt", "external"})
    void llgoTextOfTheFaultBecomesGcFramesWithCNames(String variant) throws Exception {
        Crash c = crash(variant, "segv");
        LlgoBinary bin = LlgoBinary.open(c.fixture().executable());
        String llgo = "panic: runtime error: invalid memory address or nil pointer dereference\n\n"
                + new LlgoTracebackRenderer(bin.resolver()).faultTraceback(c.pcs()) + "exit status 2\n";
        // What LLGo prints: the C frames under the name of the Go function linked before them.
        assertTrue(!llgo.contains("cexc_"), llgo);
        TraceDocument doc = TraceParser.parse(llgo);
        assertEquals(1, doc.tracebacks().size(), llgo);
        List<GcViewResult> views = TraceViews.gcView(doc.tracebacks().get(0),
                new SymbolizerPcResolver(Symbolizer.of(bin)), GcViewOptions.NONE);
        List<String> got = new ArrayList<>();
        for (ViewFrame f : views.get(0).goroutine().frames()) {
            if (f.kind() == dev.llgoframes.core.trace.FrameKind.C) {
                got.add(f.function());
            } else if (f.kind() == dev.llgoframes.core.trace.FrameKind.GO) {
                got.add(f.function() + " " + f.file() + ":" + f.line());
            }
        }
        List<String> want = expected(c.fixture().truth(), c.pcs()).stream()
                .filter(s -> !s.startsWith("runtime.") && !s.equals("<outside>")).toList();
        assertEquals(want, got, llgo + "\n" + views.get(0).changes());
    }
}
