package dev.llgoframes.bench;

import dev.llgoframes.fixtures.BuildOptions;
import dev.llgoframes.fixtures.DebugInfo;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import dev.llgoframes.fixtures.TableMode;
import dev.llgoframes.fixtures.Variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The ~10,000-function fixture the benchmarks share, and the pcs they look up. */
public final class BenchFixtures {
    public static final int FUNCTIONS = 10_000;

    private BenchFixtures() {}

    /** Embedded raw-site build with DWARF 5, so llvm-symbolizer and addr2line can answer the same pcs. */
    public static Fixture largeWithDwarf() {
        BuildOptions o = BuildOptions.defaults().withDebug(DebugInfo.DWARF5);
        return Fixtures.build(FixtureProgram.large(FUNCTIONS), new Variant("bench-dwarf5", o));
    }

    /** The same program rewritten to LLGOFTB1, as real LLGo ships it. */
    public static Fixture largePrebuilt() {
        BuildOptions o = BuildOptions.defaults().withTableMode(TableMode.EMBEDDED_PREBUILT);
        return Fixtures.build(FixtureProgram.large(FUNCTIONS), new Variant("bench-prebuilt", o));
    }

    /** Every statement anchor plus random pcs inside Go and C functions, shuffled with a fixed seed. */
    public static long[] samplePcs(FixtureTruth t, int randomCount) {
        List<Long> pcs = new ArrayList<>();
        for (FixtureTruth.AnchorTruth a : t.anchors()) {
            if (a.pc() != 0) {
                pcs.add(a.pc());
            }
        }
        Random r = new Random(1);
        long span = t.textEnd() - t.textStart();
        for (int i = 0; i < randomCount; i++) {
            pcs.add(t.textStart() + (long) (r.nextDouble() * span));
        }
        java.util.Collections.shuffle(pcs, r);
        long[] out = new long[pcs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pcs.get(i);
        }
        return out;
    }
}
