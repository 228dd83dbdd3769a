package dev.llgoframes.bench;

import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.fixtures.Fixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Load time of the ~10k-function fixture, one lookup, and a batch of lookups. */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SymbolizerBenchmark {
    @Param({"raw-dwarf5", "prebuilt"})
    public String build;

    private Path exe;
    private Symbolizer symbolizer;
    private long[] pcs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Fixture f = build.equals("prebuilt") ? BenchFixtures.largePrebuilt() : BenchFixtures.largeWithDwarf();
        exe = f.executable();
        symbolizer = Symbolizer.of(LlgoBinary.open(exe));
        pcs = BenchFixtures.samplePcs(f.truth(), 10_000);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Symbolizer loadTables() throws Exception {
        return Symbolizer.of(LlgoBinary.open(exe));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public SymbolizedPc singleLookup() {
        long pc = pcs[next];
        next = next + 1 == pcs.length ? 0 : next + 1;
        return symbolizer.symbolize(pc, false);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void batchOfAllPcs(Blackhole bh) {
        for (long pc : pcs) {
            bh.consume(symbolizer.symbolize(pc, false));
        }
    }
}
