package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.Traceback;
import dev.llgoframes.core.trace.TracebackKind;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.ArrayList;
import java.util.List;

/** {@code textDocument/documentSymbol}: tracebacks → goroutines → frames, frames under their real names. */
public final class DocumentSymbols {
    private final TraceWorkspace ws;

    public DocumentSymbols(TraceWorkspace ws) {
        this.ws = ws;
    }

    public List<DocumentSymbol> symbols(TraceAnalysis a, CancelChecker cancel) {
        Interpretation interp = ws.interpret(a);
        String text = a.document().text();
        LineIndex lines = a.document().lines();
        List<DocumentSymbol> out = new ArrayList<>();
        for (int ti = 0; ti < a.trace().tracebacks().size(); ti++) {
            cancel.checkCanceled();
            Traceback tb = a.trace().tracebacks().get(ti);
            List<DocumentSymbol> gs = new ArrayList<>();
            for (int gi = 0; gi < tb.goroutines().size(); gi++) {
                Goroutine g = tb.goroutines().get(gi);
                List<DocumentSymbol> fs = new ArrayList<>();
                for (int fi = 0; fi < g.frames().size(); fi++) {
                    if ((fi & 1023) == 1023) cancel.checkCanceled();
                    fs.add(frame(a, interp, new FrameRef(ti, gi, fi), lines, text));
                }
                if (g.createdBy() != null) fs.add(frame(a, interp, new FrameRef(ti, gi, FrameRef.CREATED_BY), lines, text));
                int first = g.headerLineIndex() >= 0 ? g.headerLineIndex() : g.frames().isEmpty() ? tb.firstLineIndex() : g.frames().get(0).functionLineIndex();
                int last = Math.max(first, lastLine(g));
                Range range = lineRange(lines, text, first, last);
                Range sel = g.headerRange() != null ? lines.rangeOf(g.headerRange().start(), g.headerRange().end()) : lineRange(lines, text, first, first);
                String name = g.headerRange() != null ? g.headerRange().of(text).replaceAll(":$", "")
                        : g.state() != null ? g.state() : "stack";
                DocumentSymbol gsym = new DocumentSymbol(name, SymbolKind.Namespace, range, sel, g.frames().size() + " frames");
                gsym.setChildren(fs);
                gs.add(gsym);
            }
            Range range = lineRange(lines, text, tb.firstLineIndex(), tb.lastLineIndex());
            Range sel = lineRange(lines, text, tb.firstLineIndex(), tb.firstLineIndex());
            DocumentSymbol t = new DocumentSymbol(title(tb), SymbolKind.Event, range, sel,
                    (tb.dialect() == Dialect.LLGO ? "LLGo" : "gc") + " · " + tb.kind().name().toLowerCase());
            t.setChildren(gs);
            out.add(t);
        }
        return out;
    }

    private static DocumentSymbol frame(TraceAnalysis a, Interpretation interp, FrameRef ref, LineIndex lines, String text) {
        FrameInsight fi = FrameInsights.of(a, interp, ref);
        TraceFrame f = fi.printed();
        int last = f.locationLineIndex() >= 0 ? f.locationLineIndex() : f.functionLineIndex();
        Range range = lineRange(lines, text, f.functionLineIndex(), last);
        Range sel = lines.rangeOf(f.functionRange().start(), f.functionRange().end());
        String name = fi.view().function() != null ? fi.view().function() : f.function();
        String detail = fi.file() != null ? FrameInsights.baseName(fi.file()) + ":" + fi.line() : "";
        if (fi.printedWrong()) detail = (detail + " (printed as " + f.function() + ")").strip();
        if (ref.createdBy()) detail = ("created by · " + detail).strip();
        return new DocumentSymbol(name.isEmpty() ? "?" : name, SymbolKind.Function, range, sel, detail);
    }

    private static int lastLine(Goroutine g) {
        int last = g.headerLineIndex();
        for (TraceFrame f : g.frames()) last = Math.max(last, Math.max(f.functionLineIndex(), f.locationLineIndex()));
        if (g.createdBy() != null) last = Math.max(last, Math.max(g.createdBy().functionLineIndex(), g.createdBy().locationLineIndex()));
        return last;
    }

    static Range lineRange(LineIndex lines, String text, int first, int last) {
        int l = Math.min(last, lines.lineCount() - 1);
        return new Range(new Position(first, 0), lines.positionOf(lines.lineEnd(l, text)));
    }

    private static String title(Traceback tb) {
        String t;
        if (tb.finalPanic() != null) t = "panic: " + tb.finalPanic().text();
        else if (tb.fatalError() != null) t = "fatal error: " + tb.fatalError();
        else if (tb.precedingLine() != null && tb.precedingLine().startsWith("recovered: ")) t = tb.precedingLine();
        else t = switch ((TracebackKind) tb.kind()) {
            case CLITE -> "clite dump";
            case RACE -> "data race";
            case PANIC, FAULT, STACK, FATAL -> "goroutine dump";
        };
        int nl = t.indexOf('\n');
        if (nl >= 0) t = t.substring(0, nl) + " …";
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }
}
