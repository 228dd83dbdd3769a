package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.LocationToken;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code textDocument/documentLink}: one link per {@code file:line} token that resolves to a local file
 * inside the allowed roots. A token that resolves nowhere gets no link (the hover says why).
 */
public final class DocumentLinks {
    private final TraceWorkspace ws;

    public DocumentLinks(TraceWorkspace ws) {
        this.ws = ws;
    }

    public List<DocumentLink> links(TraceAnalysis a, CancelChecker cancel) {
        Interpretation interp = ws.interpret(a);
        PathResolver paths = ws.paths();
        LineIndex lines = a.document().lines();
        List<DocumentLink> out = new ArrayList<>();
        int n = 0;
        for (Target t : a.targets()) {
            if ((++n & 255) == 0) cancel.checkCanceled();
            if (t.kind() == Target.Kind.FUNCTION) continue;
            String file;
            Integer line;
            String tip;
            if (t.kind() == Target.Kind.LOCATION) {
                FrameInsight fi = FrameInsights.of(a, interp, t.frame());
                if (fi.file() == null || fi.line() == null) continue;
                file = fi.file();
                line = fi.line();
                tip = fi.printedWrong() ? fi.view().function() + " (LLGo printed " + fi.printed().function() + " at "
                        + FrameInsights.baseName(fi.printed().file()) + ":" + fi.printed().line() + ")" : fi.view().function();
            } else {
                LocationToken l = t.location();
                file = l.file();
                line = l.line();
                tip = switch (l.kind()) {
                    case LOG -> "log call site";
                    case SLOG -> "slog source";
                    case TEST -> "test failure";
                    default -> "source";
                };
            }
            Resolution r = paths.resolve(file);
            if (!r.resolved()) continue;
            DocumentLink link = new DocumentLink(lines.rangeOf(t.start(), t.end()), r.uriWithLine(Math.max(1, line)));
            link.setTooltip(tip + " — " + r.path().getFileName() + ":" + line);
            out.add(link);
        }
        return out;
    }
}
