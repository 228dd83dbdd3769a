package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.PanicMessage;
import dev.llgoframes.core.trace.Traceback;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go-source diagnostics from open traces: an Error at the top user frame of each panicking goroutine,
 * with the rest of its stack as related information. Computed from every open trace at once, so the
 * publisher can clear what a closed or edited trace no longer says.
 */
public final class PanicDiagnostics {
    public static final String SOURCE = "llgo-frames";
    static final int MAX_RELATED = 64;

    private final TraceWorkspace ws;

    public PanicDiagnostics(TraceWorkspace ws) {
        this.ws = ws;
    }

    /** Diagnostics by Go file URI; empty when the {@code diagnostics} setting is off. */
    public Map<String, List<Diagnostic>> compute(List<TraceAnalysis> traces) {
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        if (!ws.settings().diagnostics()) return out;
        for (TraceAnalysis a : traces) {
            Interpretation interp = ws.interpret(a);
            for (int ti = 0; ti < a.trace().tracebacks().size(); ti++) {
                Traceback tb = a.trace().tracebacks().get(ti);
                PanicMessage panic = tb.finalPanic();
                // gc and LLGo print the panicking goroutine first.
                if (panic == null || tb.goroutines().isEmpty()) continue;
                diagnose(a, interp, ti, panic).ifPresent(d -> out.computeIfAbsent(d.uri(), k -> new ArrayList<>()).add(d.diagnostic()));
            }
        }
        return out;
    }

    private record Placed(String uri, Diagnostic diagnostic) {}

    private record Site(FrameInsight frame, Path path) {}

    private Optional<Placed> diagnose(TraceAnalysis a, Interpretation interp, int ti, PanicMessage panic) {
        Traceback tb = a.trace().tracebacks().get(ti);
        Goroutine g = tb.goroutines().get(0);
        List<Site> sites = new ArrayList<>();
        for (int fi = 0; fi < g.frames().size(); fi++) {
            FrameInsight f = FrameInsights.of(a, interp, new FrameRef(ti, 0, fi));
            if (f.file() == null || f.line() == null) continue;
            Resolution r = ws.paths().resolve(f.file());
            if (r.resolved()) sites.add(new Site(f, r.path()));
        }
        Site top = null;
        for (Site s : sites) {
            if (s.frame().view().kind() == FrameKind.GO && isUserCode(s.path()) && s.path().toString().endsWith(".go")) {
                top = s;
                break;
            }
        }
        if (top == null) {
            for (Site s : sites) if (s.frame().view().kind() == FrameKind.GO) { top = s; break; }
        }
        if (top == null) return Optional.empty();

        Diagnostic d = new Diagnostic(lineRange(top.path(), top.frame().line()), message(tb, panic, top.frame(), a), DiagnosticSeverity.Error, SOURCE);
        d.setCode("panic");
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        LineIndex lines = a.document().lines();
        int panicLine = panic.lineIndex();
        related.add(new DiagnosticRelatedInformation(new Location(a.document().uri(),
                new Range(new Position(panicLine, 0), lines.positionOf(lines.lineEnd(panicLine, a.document().text())))),
                "printed here: panic: " + oneLine(panic.text())));
        // The whole stack in order: frames above the user frame (the failing callee, C code) and its callers.
        boolean after = false;
        for (Site s : sites) {
            if (s == top) { after = true; continue; }
            if (related.size() >= MAX_RELATED) break;
            related.add(new DiagnosticRelatedInformation(new Location(Uris.of(s.path()), lineRange(s.path(), s.frame().line())),
                    (after ? "called from " : "callee ") + s.frame().view().function()));
        }
        d.setRelatedInformation(related);
        return Optional.of(new Placed(Uris.of(top.path()), d));
    }

    private String message(Traceback tb, PanicMessage panic, FrameInsight top, TraceAnalysis a) {
        StringBuilder m = new StringBuilder("panic: ").append(oneLine(panic.text()));
        if (tb.signal() != null) m.append(" [signal ").append(tb.signal().name()).append(']');
        m.append("\n").append(top.view().function()).append(" (goroutine ").append(Math.max(tb.goroutines().get(0).id(), 1))
                .append(", ").append(FrameInsights.baseName(Uris.toPath(a.document().uri()).map(Path::toString).orElse(a.document().uri())))
                .append(")");
        return m.toString();
    }

    /** Library code (GOROOT, module cache) is not where the user fixes a panic. */
    private boolean isUserCode(Path p) {
        PathResolver r = ws.paths();
        for (Optional<Path> lib : List.of(r.goroot(), r.moduleCache())) {
            if (lib.isPresent()) {
                try {
                    if (p.startsWith(lib.get().toRealPath())) return false;
                } catch (java.io.IOException e) {
                    if (p.startsWith(lib.get())) return false;
                }
            }
        }
        return true;
    }

    /** The source line without its indentation; zero-width at column 0 when the file cannot be read. */
    private Range lineRange(Path file, int line) {
        int l = Math.max(0, line - 1);
        Optional<String> text = ws.sources().line(file, line);
        if (text.isEmpty()) return new Range(new Position(l, 0), new Position(l, 0));
        String s = text.get();
        int start = 0;
        while (start < s.length() && Character.isWhitespace(s.charAt(start))) start++;
        return new Range(new Position(l, start), new Position(l, s.length()));
    }

    private static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
