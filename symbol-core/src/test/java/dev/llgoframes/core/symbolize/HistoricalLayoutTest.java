package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import dev.llgoframes.fixtures.NarrowLayoutWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binaries from before 2026-07-26 (16-bit string IDs, §4.7) are recognised and read correctly. */
class HistoricalLayoutTest {
    @Test
    void sixteenBitStringIdsAreDetectedAndDecoded(@TempDir Path dir) throws Exception {
        for (String variant : List.of("nopie", "lld-nopie")) {
            Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
            Path old = dir.resolve(variant + "-narrow");
            NarrowLayoutWriter.write(f.executable(), old);
            LlgoBinary bin = LlgoBinary.open(old);
            assertTrue(bin.configuration().notes().stream().anyMatch(n -> n.contains("16-bit string IDs")), bin.configuration().notes().toString());
            Symbolizer sym = Symbolizer.of(bin);
            List<String> wrong = new ArrayList<>();
            for (FixtureTruth.AnchorTruth a : f.truth().anchors()) {
                if (a.pc() == 0) {
                    continue;
                }
                SymbolizedPc r = sym.symbolize(a.pc(), false);
                if (!Names.publicName(a.display()).equals(r.function()) || !a.file().equals(r.file())
                        || r.line() == null || r.line() != a.line()) {
                    wrong.add(a + " -> " + r);
                }
            }
            assertEquals(List.of(), wrong);
            // The current layout is still read as current.
            assertTrue(LlgoBinary.open(f.executable()).configuration().notes().stream().noneMatch(n -> n.contains("16-bit")));
        }
    }
}
