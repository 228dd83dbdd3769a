package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.resolve.FunctionTable;
import dev.llgoframes.core.resolve.Sym;
import dev.llgoframes.core.testing.PatchedCopy;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts over the runtime's limits switch one piece off, as the runtime does, instead of failing
 * the whole binary: pclines over 2^20 disable the pcline machinery (§3.6), a symbol index over
 * 2^20 is refused (§3.5). Real gcc-built fixture, its globals patched in a copy.
 */
class RuntimeLimitsTest {
    @TempDir
    Path dir;

    @Test
    void tooManyPclinesTurnOffStatementLinesOnly() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie"));
        LlgoBinary good = LlgoBinary.open(f.executable());
        assertTrue(good.resolver().pclineTable().size() > 0);
        LlgoBinary bad = LlgoBinary.open(PatchedCopy.withGlobal(good.image(), f.executable(), dir, "__llgo_pcline_count", (1L << 20) + 1));

        assertEquals(0, bad.resolver().pclineTable().size());
        assertTrue(bad.configuration().notes().stream().anyMatch(n -> n.contains("pcline machinery is off")),
                bad.configuration().notes().toString());
        // functions still resolve, now at their records' lines instead of statement lines
        assertEquals(good.resolver().functionTable().rowCount(), bad.resolver().functionTable().rowCount());
        long pc = good.image().staticSymbols().stream().filter(s -> s.name().equals("main.callC")).findFirst()
                .orElseThrow().value() + 0x20;
        Sym s = bad.resolver().resolve(pc);
        assertEquals("main.callC", s.function());
        assertNotEquals(good.resolver().resolve(pc).line(), 0);
    }

    @Test
    void anOversizedSymbolIndexIsRefused() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie"));
        LlgoBinary good = LlgoBinary.open(f.executable());
        LlgoBinary bad = LlgoBinary.open(PatchedCopy.withGlobal(good.image(), f.executable(), dir, "__llgo_funcinfo_symbol_index_count", (1L << 20) + 1));

        assertTrue(bad.configuration().notes().stream().anyMatch(n -> n.contains("refuses the index")),
                bad.configuration().notes().toString());
        // without the index no site can be joined to a record: the runtime builds its table by dlsym
        assertEquals(FunctionTable.EntrySource.DLSYM, bad.resolver().functionTable().entrySource());
    }
}
