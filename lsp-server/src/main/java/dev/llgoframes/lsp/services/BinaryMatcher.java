package dev.llgoframes.lsp.services;

import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.FrameSyntax;
import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.Traceback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the binary a trace came from by scoring every candidate, not by first hit: a point for each
 * printed function the binary's tables know, and another when the printed offset lands where LLGo's own
 * lookup would print that same name (so two builds of one program are told apart by their addresses).
 */
public final class BinaryMatcher {
    /** Distinct frames looked at per candidate: enough to decide, bounded for huge dumps. */
    static final int SAMPLE = 256;

    private BinaryMatcher() {}

    /**
     * @param known       printed frames whose function the binary knows
     * @param consistent  of those (and of {@code pc=0x…} frames), how many land on the printed name
     * @param checked     frames whose landing could be checked
     */
    public record Score(LoadedBinary binary, int known, int consistent, int checked) {
        public int value() { return known + consistent; }

        /** Names known, but fewer than half of the checked frames land right: another build of the program. */
        public boolean mismatched() { return known > 0 && checked > 0 && consistent * 2 < checked; }
    }

    public record Match(Optional<Score> best, List<Score> scores) {}

    public static Match match(TraceDocument doc, List<LoadedBinary> candidates) {
        List<TraceFrame> sample = sample(doc);
        List<Score> scores = new ArrayList<>();
        for (LoadedBinary b : candidates) scores.add(score(b, sample));
        Score best = null;
        for (Score s : scores) {
            if (s.known() == 0 && s.consistent() == 0) continue;
            if (best == null || better(s, best)) best = s;
        }
        return new Match(Optional.ofNullable(best), scores);
    }

    private static boolean better(Score a, Score b) {
        if (a.value() != b.value()) return a.value() > b.value();
        if (a.binary().configured() != b.binary().configured()) return a.binary().configured();
        return a.binary().stamp().modifiedMillis() > b.binary().stamp().modifiedMillis();
    }

    /** Distinct LLGo frames (gc's tracebacks come from gc binaries, which have no LLGo tables). */
    static List<TraceFrame> sample(TraceDocument doc) {
        Map<String, TraceFrame> distinct = new LinkedHashMap<>();
        for (Traceback tb : doc.tracebacks()) {
            if (tb.dialect() != Dialect.LLGO) continue;
            for (Goroutine g : tb.goroutines()) {
                for (TraceFrame f : g.frames()) {
                    String key = f.function() + "|" + f.offset() + "|" + f.printedPc() + "|" + f.file() + ":" + f.line();
                    distinct.putIfAbsent(key, f);
                    if (distinct.size() >= SAMPLE) return List.copyOf(distinct.values());
                }
            }
        }
        return List.copyOf(distinct.values());
    }

    static Score score(LoadedBinary b, List<TraceFrame> frames) {
        int known = 0, consistent = 0, checked = 0;
        for (TraceFrame f : frames) {
            Long pc = null;
            String printed = f.function();
            if (f.syntax() == FrameSyntax.CLITE) {
                pc = f.printedPc();
            } else if (f.printedPc() != null && f.file() == null) {
                pc = f.printedPc() + 1;
            }
            if (printed != null && !printed.startsWith("pc=0x") && !printed.equals("(null)")) {
                long entry = b.symbolizer().entryOf(printed);
                if (entry != 0) {
                    known++;
                    if (pc == null && f.offset() != null) pc = entry + f.offset();
                }
            }
            if (pc == null || printed == null || printed.startsWith("pc=0x")) continue;
            // clite pcs carry only their low 32 bits; compare names only where the pc is whole.
            if (f.syntax() == FrameSyntax.CLITE && (pc >>> 32) == 0 && b.binary().configuration().pie()) continue;
            checked++;
            SymbolizedPc s = b.symbolizer().symbolize(pc, true);
            String llgo = s.llgoFunction() != null ? s.llgoFunction() : s.function();
            if (printed.equals(llgo) || printed.equals(s.function())) {
                boolean lineOk = f.line() == null || !f.hasSourceFile() || s.llgoFunction() == null || s.kind() != dev.llgoframes.core.symbolize.FrameKind.GO
                        || s.line() == null || s.line().equals(f.line());
                if (lineOk) consistent++;
            }
        }
        return new Score(b, known, consistent, checked);
    }
}
