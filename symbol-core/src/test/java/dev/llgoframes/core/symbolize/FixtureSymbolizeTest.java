package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.core.sidecar.SidecarResult;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import dev.llgoframes.fixtures.SidecarState;
import dev.llgoframes.fixtures.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every standard fixture variant (real gcc-built ELF files carrying LLGo's tables) symbolizes
 * 100% of its declared sites to the declared function, file and line, and names 100% of its
 * C functions from the symbol table.
 */
class FixtureSymbolizeTest {
    static Stream<Variant> variants() {
        return Fixtures.standardVariants().stream();
    }

    private static boolean hasTables(Variant v) {
        return switch (v.options().tableMode()) {
            case EMBEDDED_RAW, EMBEDDED_PREBUILT, EMBEDDED_REDIRECT -> true;
            case EXTERNAL -> v.options().sidecar() == SidecarState.VALID;
            case NONE -> false;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void classifiesTheVariant(Variant v) throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), v);
        LlgoBinary bin = LlgoBinary.open(f.executable());
        Configuration c = bin.configuration();
        TableMode expected = switch (v.options().tableMode()) {
            case EMBEDDED_RAW -> TableMode.EMBEDDED_RAW;
            case EMBEDDED_PREBUILT -> TableMode.EMBEDDED_PREBUILT;
            case EMBEDDED_REDIRECT -> TableMode.EMBEDDED_REDIRECT;
            case EXTERNAL -> TableMode.EXTERNAL;
            case NONE -> TableMode.NONE;
        };
        assertEquals(expected, c.mode(), c.notes().toString());
        assertEquals(f.truth().stripped(), c.stripped());
        assertEquals(f.truth().dwarf(), c.dwarf());
        assertEquals(f.truth().pie(), c.pie());
        if (v.options().tableMode() == dev.llgoframes.fixtures.TableMode.EXTERNAL) {
            SidecarResult r = c.sidecar().orElseThrow();
            Class<?> want = switch (v.options().sidecar()) {
                case VALID -> SidecarResult.Loaded.class;
                case MISSING -> SidecarResult.Missing.class;
                case STALE -> SidecarResult.Stale.class;
                case CORRUPT -> SidecarResult.Corrupt.class;
            };
            assertInstanceOf(want, r, r.describe());
        }
        if (hasTables(v)) {
            long records = f.truth().goFunctions().stream().filter(g -> g.funcIndex() > 0).count();
            assertTrue(bin.resolver().tables().recordCount() >= records, "record count");
            assertTrue(bin.resolver().pclineTable().size() > 0, "pcline anchors");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPclineSiteResolvesToItsDeclaredStatement(Variant v) throws Exception {
        if (!hasTables(v)) {
            return;
        }
        Fixture f = Fixtures.build(FixtureProgram.standard(), v);
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(f.executable()));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (FixtureTruth.AnchorTruth a : f.truth().anchors()) {
            if (a.pc() == 0) {
                continue;
            }
            checked++;
            SymbolizedPc r = sym.symbolize(a.pc(), false);
            if (!Names.publicName(a.display()).equals(r.function()) || !a.file().equals(r.file())
                    || r.line() == null || r.line() != a.line() || r.provenance() != Provenance.TABLES) {
                wrong.add(a + " -> " + r);
            }
        }
        assertTrue(checked > 10, "too few anchors: " + checked);
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyGoFunctionEntryResolvesToItsRecord(Variant v) throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), v);
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(f.executable()));
        boolean firstUse = v.options().tableMode() == dev.llgoframes.fixtures.TableMode.EMBEDDED_RAW;
        List<String> wrong = new ArrayList<>();
        for (FixtureTruth.GoFunctionTruth g : f.truth().goFunctions()) {
            if (!g.linked() || g.funcIndex() == 0) {
                continue;
            }
            if (!hasTables(v)) {
                if (f.truth().stripped()) {
                    continue;   // neither tables nor .symtab: nothing can name it
                }
                SymbolizedPc r = sym.symbolize(g.address(), false);
                if (!g.symbol().equals(r.function()) && !Names.publicName(g.display()).equals(r.function())) {
                    wrong.add(g.symbol() + " -> " + r);
                }
                continue;
            }
            // FIRST_USE entries are the raw anchors; prebuilt and sidecar entries are symbol starts (§6.1).
            long pc = firstUse ? g.entryAnchorPc() : g.address();
            if (pc == 0) {
                continue;
            }
            SymbolizedPc r = sym.symbolize(pc, false);
            int line = f.truth().anchorsOf(g.symbol()).stream().filter(a -> a.pc() == pc).map(FixtureTruth.AnchorTruth::line)
                    .findFirst().orElse(g.line());
            String display = Names.publicName(g.display().isEmpty() ? g.symbol() : g.display());
            boolean fileOk = g.file().isEmpty() ? r.file() == null || r.provenance() == Provenance.DWARF : g.file().equals(r.file());
            boolean lineOk = line == 0 ? r.line() == null || r.provenance() == Provenance.DWARF : Integer.valueOf(line).equals(r.line());
            if (!display.equals(r.function()) || !fileOk || !lineOk || r.entry() == null || r.entry() != pc) {
                wrong.add(g.symbol() + " @0x" + Long.toHexString(pc) + " -> " + r);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyCFunctionIsNamedFromTheSymbolTable(Variant v) throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), v);
        if (f.truth().stripped()) {
            return;   // strip(1) removed the only place C names live; gdb cannot name them either
        }
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(f.executable()));
        List<FixtureTruth.CFunctionTruth> cs = f.truth().cFunctions().stream()
                .filter(c -> c.linked() && c.address() != 0 && f.truth().goFunction(c.name()).isEmpty()).toList();
        // DWARF answers are checked against an independent reader (GNU addr2line 2.40 misreads gcc 12's DWARF 5).
        List<String> peer = f.truth().dwarf() ? Addr2Line.lines(f.executable(), cs.stream().map(c -> c.address()).toList()) : List.of();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < cs.size(); i++) {
            FixtureTruth.CFunctionTruth c = cs.get(i);
            checked++;
            for (long pc : new long[] {c.address(), c.address() + Math.max(0, c.size() - 1)}) {
                SymbolizedPc r = sym.symbolize(pc, false);
                boolean nameOk = c.name().equals(r.function());
                boolean kindOk = c.name().contains(".") || r.kind() == FrameKind.C;
                boolean lineOk = !f.truth().dwarf() || pc != c.address()
                        || (peer.get(i).equals(r.file() + ":" + r.line()) && r.provenance() == Provenance.DWARF
                            && c.file().equals(r.file()));
                if (!nameOk || !kindOk || !lineOk) {
                    wrong.add(c.name() + " @0x" + Long.toHexString(pc) + " -> " + r + (peer.isEmpty() ? "" : " peer " + peer.get(i)));
                }
            }
        }
        assertTrue(checked >= 5, "C functions checked: " + checked);
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void reverseMapsGiveAnchorsForLinesAndEntriesForNames(Variant v) throws Exception {
        if (!hasTables(v)) {
            return;
        }
        Fixture f = Fixtures.build(FixtureProgram.standard(), v);
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(f.executable()));
        boolean firstUse = v.options().tableMode() == dev.llgoframes.fixtures.TableMode.EMBEDDED_RAW;
        List<String> wrong = new ArrayList<>();
        for (FixtureTruth.AnchorTruth a : f.truth().anchors()) {
            if (a.pc() == 0) {
                continue;
            }
            List<Long> pcs = sym.pcsForLine(a.file(), a.line());
            String base = a.file().substring(a.file().lastIndexOf('/') + 1);
            if (!pcs.contains(a.pc()) || !sym.pcsForLine(base, a.line()).contains(a.pc())) {
                wrong.add("line " + a.file() + ":" + a.line() + " misses 0x" + Long.toHexString(a.pc()) + " in " + pcs);
            }
        }
        for (FixtureTruth.GoFunctionTruth g : f.truth().goFunctions()) {
            if (!g.linked() || g.funcIndex() == 0 || g.entryAnchorPc() == 0) {
                continue;
            }
            long want = firstUse ? g.entryAnchorPc() : g.address();
            String display = Names.publicName(g.display().isEmpty() ? g.symbol() : g.display());
            if (sym.entryOf(display) != want || sym.entryOf(g.symbol()) != want) {
                wrong.add("entry of " + display + " = 0x" + Long.toHexString(sym.entryOf(display)) + ", want 0x" + Long.toHexString(want));
            }
        }
        assertTrue(sym.pcsForLine("nonexistent.go", 1).isEmpty());
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void prologuePcsNameTheirOwnFunctionNotThePreviousOne(Variant v) throws Exception {
        if (!hasTables(v) || v.options().strip()) {
            return;
        }
        Fixture f = Fixtures.build(FixtureProgram.standard(), v);
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(f.executable()));
        List<String> wrong = new ArrayList<>();
        for (FixtureTruth.GoFunctionTruth g : f.truth().goFunctions()) {
            if (!g.linked() || g.funcIndex() == 0 || g.address() == 0) {
                continue;
            }
            SymbolizedPc r = sym.symbolize(g.address(), false);
            String display = Names.publicName(g.display().isEmpty() ? g.symbol() : g.display());
            if (!display.equals(r.function()) || r.entry() == null || r.entry() != g.address()) {
                wrong.add(g.symbol() + " -> " + r);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
