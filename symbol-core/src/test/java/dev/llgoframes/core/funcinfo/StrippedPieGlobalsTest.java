package dev.llgoframes.core.funcinfo;

import dev.llgoframes.core.image.ElfImage;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.fixtures.BuildOptions;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import dev.llgoframes.fixtures.Variant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §3.8 "Stripped ELF images" on a PIE: the globals' pointer words are 0 in the file (the values
 * sit in RELATIVE relocations), so the structural search reads each word as the loader leaves it.
 * Real gcc-built PIE, stripped and not: the recovered values equal the symbol table's.
 */
class StrippedPieGlobalsTest {
    @Test
    void structuralRecoveryOnAStrippedPieFindsTheSymbolTablesValues() throws Exception {
        BuildOptions pie = BuildOptions.defaults().withPie(true);
        Fixture plain = Fixtures.build(FixtureProgram.standard(), new Variant("pie", pie));
        Fixture stripped = Fixtures.build(FixtureProgram.standard(), new Variant("pie-stripped", pie.withStrip(true)));

        TableGlobals want = GlobalsLocator.fromSymbols(ElfImage.open(plain.executable()));
        ElfImage image = ElfImage.open(stripped.executable());
        assertTrue(image.isPositionIndependent());
        assertEquals(TableGlobals.Source.ABSENT, GlobalsLocator.fromSymbols(image).source(), "stripped: no .symtab");
        TableGlobals got = StrippedGlobalsFinder.find(image).orElseThrow();

        assertEquals(TableGlobals.Source.STRUCTURAL, got.source());
        assertEquals(want.table(), got.table());
        assertEquals(want.count(), got.count());
        assertEquals(want.strings(), got.strings());
        assertEquals(want.stringOffsets(), got.stringOffsets());
        assertEquals(want.stringCount(), got.stringCount());
        assertEquals(want.symbolIndex(), got.symbolIndex());
        assertEquals(want.symbolIndexCount(), got.symbolIndexCount());
        assertEquals(want.pclineTable(), got.pclineTable());
        assertEquals(want.pclineCount(), got.pclineCount());
        assertEquals(want.pcsiteStart(), got.pcsiteStart());
        assertEquals(want.entryStart(), got.entryStart());
        // the whole set, down to the hash and the section bounds
        assertEquals(new TableGlobals(want.table(), want.count(), want.strings(), want.stringOffsets(), want.stringCount(),
                want.hash(), want.hashMask(), want.symbolIndex(), want.symbolIndexCount(), want.entryStart(), want.entryEnd(),
                want.pclineTable(), want.pclineCount(), want.pcsiteStart(), want.pcsiteEnd(), got.fpChain(),
                TableGlobals.Source.STRUCTURAL), got);

        // and the whole binary resolves as the unstripped one does
        LlgoBinary a = LlgoBinary.open(plain.executable());
        LlgoBinary b = LlgoBinary.open(stripped.executable());
        assertEquals(a.resolver().pclineTable().size(), b.resolver().pclineTable().size());
        assertEquals(a.resolver().functionTable().rowCount(), b.resolver().functionTable().rowCount());
    }
}
