package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.LocationToken;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.TraceParser;
import dev.llgoframes.core.trace.Traceback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One parsed version of a trace document: the core's {@link TraceDocument} plus a sorted index of every
 * token the cursor can be on. Built once per document version and shared by all features; the binary
 * interpretation is attached lazily because it depends on the binaries, not on the text.
 */
public final class TraceAnalysis {
    private final TextDocument document;
    private final TraceDocument trace;
    private final Target[] targets;
    private volatile Interpretation interpretation;

    private TraceAnalysis(TextDocument document, TraceDocument trace, Target[] targets) {
        this.document = document;
        this.trace = trace;
        this.targets = targets;
    }

    public static TraceAnalysis of(TextDocument doc) {
        TraceDocument t = TraceParser.parse(doc.text());
        List<Target> list = new ArrayList<>();
        for (int ti = 0; ti < t.tracebacks().size(); ti++) {
            Traceback tb = t.tracebacks().get(ti);
            for (int gi = 0; gi < tb.goroutines().size(); gi++) {
                Goroutine g = tb.goroutines().get(gi);
                for (int fi = 0; fi < g.frames().size(); fi++) add(list, g.frames().get(fi), new FrameRef(ti, gi, fi));
                if (g.createdBy() != null) add(list, g.createdBy(), new FrameRef(ti, gi, FrameRef.CREATED_BY));
            }
        }
        for (LocationToken l : t.locations()) {
            if (l.kind() != LocationToken.Kind.FRAME) list.add(new Target(l.range().start(), l.range().end(), Target.Kind.LOG, null, l));
        }
        list.sort(Comparator.comparingInt(Target::start));
        return new TraceAnalysis(doc, t, list.toArray(new Target[0]));
    }

    private static void add(List<Target> list, TraceFrame f, FrameRef ref) {
        if (f.functionRange() != null) {
            list.add(new Target(f.functionRange().start(), f.functionRange().end(), Target.Kind.FUNCTION, ref, null));
        }
        if (f.locationRange() != null && f.hasSourceFile()) {
            list.add(new Target(f.locationRange().start(), f.locationRange().end(), Target.Kind.LOCATION, ref,
                    new LocationToken(LocationToken.Kind.FRAME, f.file(), f.line(), f.locationRange(), f.locationLineIndex())));
        }
    }

    public TextDocument document() { return document; }

    public TraceDocument trace() { return trace; }

    public List<Target> targets() { return List.of(targets); }

    /** The token at {@code offset}; a cursor right after a token still counts (editors report it there). */
    public Optional<Target> targetAt(int offset) {
        int lo = 0, hi = targets.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (targets[mid].start() <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return Optional.empty();
        Target t = targets[found];
        return t.contains(offset) || offset == t.end() ? Optional.of(t) : Optional.empty();
    }

    public TraceFrame frame(FrameRef r) {
        Goroutine g = trace.tracebacks().get(r.traceback()).goroutines().get(r.goroutine());
        return r.createdBy() ? g.createdBy() : g.frames().get(r.frame());
    }

    Interpretation interpretation() { return interpretation; }

    void interpretation(Interpretation i) { this.interpretation = i; }
}
