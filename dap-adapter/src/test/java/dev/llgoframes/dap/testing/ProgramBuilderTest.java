package dev.llgoframes.dap.testing;

import dev.llgoframes.core.resolve.PcLineTable;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in test program really carries tables the core reads: anchors give main.* file:line. */
class ProgramBuilderTest {
    @TempDir
    Path dir;

    @Test
    void coreResolvesTheAnchorsOfTheGoLikeFunctions() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        LlgoBinary b = LlgoBinary.open(p.executable());
        Symbolizer s = Symbolizer.of(b);
        assertFalse(b.image().hasDwarfLines(), "no DWARF");
        List<PcLineTable.Anchor> anchors = b.resolver().pclineTable().anchors();
        assertEquals(p.anchoredLines().size(), anchors.size());
        int line = p.lineOf("go_viaGo(mode);");
        List<Long> pcs = s.pcsForLine(p.source().toString(), line);
        assertEquals(1, pcs.size());
        var sym = s.symbolize(pcs.get(0), false);
        assertEquals("main.main", sym.function());
        assertEquals(p.source().toString(), sym.file());
        assertEquals(line, sym.line());
        assertTrue(s.entryOf("main.callC") != 0);
        assertEquals("cexc_leaf_segv", s.symbolize(s.nativeSymbols().addressOf("cexc_leaf_segv") + 1, false).function());
    }
}
