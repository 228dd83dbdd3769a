package dev.llgoframes.core.macho;

import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.core.image.Goos;
import dev.llgoframes.core.sidecar.SidecarResult;
import dev.llgoframes.core.symbolize.Configuration;
import dev.llgoframes.core.symbolize.FrameKind;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.core.symbolize.TableMode;
import dev.llgoframes.fixtures.macho.DebugLineWriter;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOTruth;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java-written Mach-O variant: classified as LLGo's runtime would use it, every declared
 * pcline site symbolizes to its function/file/line, every Go function is named at its entry
 * anchor (and at its true start where entries are normalized), every C function from nlist.
 */
class MachOSymbolizeTest {
    @TempDir
    Path dir;

    static Stream<MachOVariants.Variant> variants() {
        return MachOVariants.all().stream();
    }

    /**
     * LLGo's name for a pc: the function's display name. Without sites a function dlsym cannot
     * see (not exported) has no row, but the runtime refines the row's answer with dladdr, which
     * on darwin sees local nlist symbols too (§6.5, §6.8), so the name is still the function's.
     */
    static String expectedName(MachOTruth t, long pc, TableMode mode) {
        return Names.publicName(t.functionAt(pc).orElseThrow().display());
    }

    private record Opened(MachOFixture fixture, LlgoBinary binary, Symbolizer symbolizer) {}

    private Opened open(MachOVariants.Variant v) throws Exception {
        MachOFixture f = v.build();
        Path exe = f.writeTo(dir.resolve(v.name()), "prog");
        LlgoBinary b = LlgoBinary.open(exe);
        return new Opened(f, b, Symbolizer.of(b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void classifiesTheVariant(MachOVariants.Variant v) throws Exception {
        Opened o = open(v);
        Configuration c = o.binary().configuration();
        assertEquals(v.mode(), c.mode(), c.notes().toString());
        assertEquals(Goos.DARWIN, o.binary().image().goos());
        assertTrue(c.format().startsWith("Mach-O 64 MH_EXECUTE (PIE)"), c.format());
        assertTrue(c.pie());
        if (v.mode() == TableMode.EXTERNAL) {
            assertInstanceOf(SidecarResult.Loaded.class, c.sidecar().orElseThrow(), c.sidecar().get().describe());
        }
        if (v.mode() == TableMode.EMBEDDED_NO_SITES) {
            assertTrue(c.notes().stream().anyMatch(n -> n.contains("darwin DWARF build")), c.notes().toString());
            assertTrue(c.dwarf(), "dSYM found next to the binary");
        }
        MachOTruth t = o.fixture().truth();
        long goFunctions = t.goFunctions().size();
        assertEquals(goFunctions, o.binary().resolver().tables().recordCount());
        // without sites the runtime's dlsym only finds exported functions (§6.8)
        long rows = v.mode() == TableMode.EMBEDDED_NO_SITES
                ? t.goFunctions().stream().filter(MachOTruth.Function::exported).count() : goFunctions;
        assertEquals(rows, o.binary().resolver().functionTable().rowCount(), "one ftab row per Go function");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPclineSiteResolvesToItsDeclaredStatement(MachOVariants.Variant v) throws Exception {
        Opened o = open(v);
        List<MachOTruth.Anchor> anchors = o.fixture().truth().anchors();
        if (v.mode() == TableMode.EMBEDDED_NO_SITES) {
            assertEquals(0, o.binary().resolver().pclineTable().size());
            for (MachOTruth.Anchor a : anchors) {
                // no sites: the name from dlsym's table, the statement from the dSYM's line table
                SymbolizedPc r = o.symbolizer().symbolize(a.pc(), false);
                assertEquals(expectedName(o.fixture().truth(), a.pc(), v.mode()), r.function(), a.toString());
            }
            return;
        }
        assertEquals(anchors.size(), o.binary().resolver().pclineTable().size());
        for (MachOTruth.Anchor a : anchors) {
            SymbolizedPc r = o.symbolizer().symbolize(a.pc(), false);
            assertEquals(Names.publicName(a.display()), r.function(), a.toString());
            assertEquals(a.file(), r.file(), a.toString());
            assertEquals(a.line(), r.line(), a.toString());
            SymbolizedPc ret = o.symbolizer().symbolize(a.pc() + 1, true);
            assertEquals(a.line(), ret.line(), "return address just past the anchor: " + a);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyFunctionIsNamed(MachOVariants.Variant v) throws Exception {
        Opened o = open(v);
        boolean normalized = v.mode() != TableMode.EMBEDDED_RAW;
        MachOTruth t = o.fixture().truth();
        for (MachOTruth.Function f : t.goFunctions()) {
            String want = expectedName(t, f.entryAnchor(), v.mode());
            SymbolizedPc r = o.symbolizer().symbolize(f.entryAnchor(), false);
            assertEquals(want, r.function(), f.toString());
            if (v.mode() == TableMode.EMBEDDED_NO_SITES && !f.exported()) {
                continue;   // no row of its own: its start resolves through dladdr, not the table
            }
            if (normalized) {
                SymbolizedPc s = o.symbolizer().symbolize(f.start(), false);
                assertEquals(want, s.function(), f.toString());
                assertEquals(f.start(), s.entry(), "entry of " + f.symbol());
            } else {
                assertEquals(f.entryAnchor(), o.binary().resolver().functionTable().entryOf(
                        o.binary().resolver().tables().recordBySymbol(f.symbol()).orElseThrow().index()),
                        "raw entry = decoded site pc (rebase or self-bind + addend) of " + f.symbol());
            }
            SymbolizedPc last = o.symbolizer().symbolize(f.start() + f.size() - 1, false);
            assertEquals(want, last.function(), "last byte of " + f.symbol());
        }
        for (MachOTruth.Function c : o.fixture().truth().cFunctions()) {
            SymbolizedPc r = o.symbolizer().symbolize(c.start() + 4, false);
            assertEquals(c.symbol(), r.function(), c.toString());
            assertEquals(FrameKind.C, r.kind());
            if (v.mode() == TableMode.EMBEDDED_NO_SITES) {
                assertEquals(DebugLineWriter.C_FILE, r.file(), "C line from the dSYM");
            }
        }
    }
}
