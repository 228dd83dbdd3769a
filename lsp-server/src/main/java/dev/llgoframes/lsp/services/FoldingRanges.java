package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.Traceback;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.ArrayList;
import java.util.List;

/** {@code textDocument/foldingRange}: traceback blocks, goroutine blocks and long runs of runtime frames. */
public final class FoldingRanges {
    /** A run of runtime/C machinery frames this long or longer folds. */
    public static final int RUNTIME_RUN = 3;

    private final TraceWorkspace ws;

    public FoldingRanges(TraceWorkspace ws) {
        this.ws = ws;
    }

    public List<FoldingRange> ranges(TraceAnalysis a, CancelChecker cancel) {
        Interpretation interp = ws.interpret(a);
        List<FoldingRange> out = new ArrayList<>();
        for (int ti = 0; ti < a.trace().tracebacks().size(); ti++) {
            cancel.checkCanceled();
            Traceback tb = a.trace().tracebacks().get(ti);
            add(out, tb.firstLineIndex(), tb.lastLineIndex(), FoldingRangeKind.Region);
            for (int gi = 0; gi < tb.goroutines().size(); gi++) {
                Goroutine g = tb.goroutines().get(gi);
                if (g.frames().isEmpty()) continue;
                int first = g.headerLineIndex() >= 0 ? g.headerLineIndex() : g.frames().get(0).functionLineIndex();
                if (first != tb.firstLineIndex()) add(out, first, last(g.frames().get(g.frames().size() - 1)), FoldingRangeKind.Region);
                int runStart = -1;
                for (int fi = 0; fi <= g.frames().size(); fi++) {
                    boolean runtime = fi < g.frames().size() && isRuntime(FrameInsights.of(a, interp, new FrameRef(ti, gi, fi)));
                    if (runtime && runStart < 0) runStart = fi;
                    if (!runtime && runStart >= 0) {
                        if (fi - runStart >= RUNTIME_RUN) {
                            FoldingRange r = new FoldingRange(g.frames().get(runStart).functionLineIndex(), last(g.frames().get(fi - 1)));
                            r.setKind(FoldingRangeKind.Region);
                            r.setCollapsedText((fi - runStart) + " runtime frames");
                            out.add(r);
                        }
                        runStart = -1;
                    }
                }
            }
        }
        return out;
    }

    private static boolean isRuntime(FrameInsight f) {
        return f.view().kind() == FrameKind.RUNTIME || f.view().kind() == FrameKind.PANIC;
    }

    private static int last(TraceFrame f) { return Math.max(f.functionLineIndex(), f.locationLineIndex()); }

    private static void add(List<FoldingRange> out, int first, int last, String kind) {
        if (last <= first) return;
        FoldingRange r = new FoldingRange(first, last);
        r.setKind(kind);
        out.add(r);
    }
}
