package dev.llgoframes.core.symbolize;

import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceAnchorsTest {
    @Test
    void anchoredLinesAndNextLineFollowTheTruth() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("prebuilt"));
        LlgoBinary bin = LlgoBinary.open(f.executable());
        SourceAnchors sa = new SourceAnchors(bin.resolver().pclineTable());
        FixtureTruth t = f.truth();
        FixtureTruth.AnchorTruth any = t.anchors().stream().filter(a -> a.pc() != 0).findFirst().orElseThrow();
        String file = any.file();
        TreeSet<Integer> want = new TreeSet<>();
        t.anchors().stream().filter(a -> a.pc() != 0 && a.file().equals(file)).forEach(a -> want.add(a.line()));
        assertEquals(List.copyOf(want), sa.anchoredLines(file));
        // another machine's build path for the same file resolves by suffix
        String elsewhere = "/somewhere/else" + file.substring(file.indexOf("/src-"));
        assertEquals(List.of(file), sa.filesMatching(elsewhere));
        assertEquals(List.of(file), sa.filesMatching(file.substring(file.lastIndexOf('/') + 1)));
        int first = want.first();
        assertEquals(OptionalInt.of(first), sa.nextAnchoredLine(file, first - 1, 5));
        assertEquals(OptionalInt.empty(), sa.nextAnchoredLine(file, want.last() + 1, 50));
        assertTrue(sa.pcs(file, any.line()).contains(any.pc()));
        long entry = bin.resolver().callersFrame(any.pc() + 1).entry();
        assertTrue(sa.anchorsOf(entry).stream().anyMatch(a -> a.pc() == any.pc()));
    }
}
