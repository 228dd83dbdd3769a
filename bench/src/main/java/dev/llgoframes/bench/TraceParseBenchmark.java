package dev.llgoframes.bench;

import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.TraceParser;
import dev.llgoframes.core.trace.Traceback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Parse time of a 100,000-line gc goroutine dump, and panicparse-style aggregation on top. */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TraceParseBenchmark {
    private String dump;

    /** A SIGQUIT-style dump: goroutines of a few shapes, each header + frames + created by. */
    public static String dump(int lines) {
        StringBuilder b = new StringBuilder("SIGQUIT: quit\nPC=0x46b5a1 m=0 sigcode=0\n\n");
        int n = 0;
        int id = 1;
        while (n < lines) {
            int shape = id % 7;
            b.append("goroutine ").append(id).append(" [").append(shape == 0 ? "running" : "chan receive, " + shape + " minutes")
                    .append("]:\n");
            n++;
            for (int d = 0; d < 3 + shape; d++) {
                b.append("example.com/svc/worker.(*Pool).step").append(d).append("(0xc000010000, 0x").append(Integer.toHexString(d))
                        .append(")\n\t/home/dev/svc/worker/pool.go:").append(40 + d * 3 + shape).append(" +0x").append(Integer.toHexString(0x20 + d))
                        .append('\n');
                n += 2;
            }
            b.append("created by example.com/svc/worker.Start in goroutine 1\n\t/home/dev/svc/worker/start.go:22 +0x65\n\n");
            n += 3;
            id++;
        }
        return b.toString();
    }

    @Setup(Level.Trial)
    public void setUp() {
        dump = dump(100_000);
    }

    @Benchmark
    public TraceDocument parse() {
        return TraceParser.parse(dump);
    }

    @Benchmark
    public Map<String, Integer> parseAndAggregate() {
        TraceDocument doc = TraceParser.parse(dump);
        Map<String, Integer> buckets = new HashMap<>();
        for (Traceback tb : doc.tracebacks()) {
            for (Goroutine g : tb.goroutines()) {
                StringBuilder key = new StringBuilder(g.state());
                for (TraceFrame f : g.frames()) {
                    key.append('|').append(f.function()).append(':').append(f.line());
                }
                buckets.merge(key.toString(), 1, Integer::sum);
            }
        }
        return buckets;
    }
}
