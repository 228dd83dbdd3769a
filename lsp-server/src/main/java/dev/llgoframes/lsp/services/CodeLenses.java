package dev.llgoframes.lsp.services;

import com.google.gson.JsonObject;
import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.Traceback;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code textDocument/codeLens} on each LLGo traceback: "gc view" and, with a matched binary,
 * "re-symbolized with <binary>". Both run server commands that return text for the client to show.
 */
public final class CodeLenses {
    private final TraceWorkspace ws;

    public CodeLenses(TraceWorkspace ws) {
        this.ws = ws;
    }

    public List<CodeLens> lenses(TraceAnalysis a) {
        Interpretation interp = ws.interpret(a);
        List<CodeLens> out = new ArrayList<>();
        for (int ti = 0; ti < a.trace().tracebacks().size(); ti++) {
            Traceback tb = a.trace().tracebacks().get(ti);
            if (tb.dialect() != Dialect.LLGO) continue; // gc's own text is already the gc view
            Range r = new Range(new Position(tb.firstLineIndex(), 0), new Position(tb.firstLineIndex(), 0));
            out.add(new CodeLens(r, new Command("gc view", TraceCommands.GC_VIEW, List.of(args(a, ti))), null));
            if (interp.binary() != null) {
                out.add(new CodeLens(r, new Command("re-symbolized with " + interp.binary().name(), TraceCommands.RESYMBOLIZE,
                        List.of(args(a, ti))), null));
            }
        }
        return out;
    }

    private static JsonObject args(TraceAnalysis a, int traceback) {
        JsonObject o = new JsonObject();
        o.addProperty("uri", a.document().uri());
        o.addProperty("traceback", traceback);
        return o;
    }
}
