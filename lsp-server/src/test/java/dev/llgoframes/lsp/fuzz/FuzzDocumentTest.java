package dev.llgoframes.lsp.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.lsp.services.DocumentLinks;
import dev.llgoframes.lsp.services.DocumentSymbols;
import dev.llgoframes.lsp.services.FoldingRanges;
import dev.llgoframes.lsp.services.GoEnvironment;
import dev.llgoframes.lsp.services.HoverService;
import dev.llgoframes.lsp.services.PanicDiagnostics;
import dev.llgoframes.lsp.services.Settings;
import dev.llgoframes.lsp.services.TextDocument;
import dev.llgoframes.lsp.services.TraceAnalysis;
import dev.llgoframes.lsp.services.TraceWorkspace;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * LSP document handling without the transport: open a text, apply incremental edits with any
 * positions (negative, past the end, inside surrogate pairs, reversed), and after each edit run
 * every feature the server offers on it (links, hover, folding, symbols, diagnostics). Nothing may
 * escape, and every range handed to the client lies inside the document it describes.
 */
class FuzzDocumentTest {
    private static final String URI = "file:///fuzz/crash.trace";
    private static final CancelChecker NEVER = () -> {};
    private static final Path FOLDER = folder();
    /** One workspace for every input, as in a server session; each input's document is closed after it. */
    private static final TraceWorkspace WORKSPACE = workspace();

    private static TraceWorkspace workspace() {
        TraceWorkspace ws = new TraceWorkspace(new GoEnvironment(Map.of("HOME", FOLDER.toString())), (k, m) -> {}, m -> {});
        ws.configure(Settings.DEFAULT, List.of(FOLDER));
        return ws;
    }

    private static Path folder() {
        try {
            Path dir = Files.createTempDirectory("llgo-frames-fuzz-ws");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    /** The first input pays for class loading and the JIT: not measured. */
    private static boolean warm;

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void document(FuzzedDataProvider p) {
        long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        int size = p.remainingBytes();
        int passes = run(p);
        long took = System.nanoTime() - t0;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
        if (!warm) {
            warm = true;
            return;
        }
        // every pass re-analyses the document: time and memory bounded per pass and per input byte
        if (took > 5_000_000_000L) {
            throw new AssertionError("one input took " + took / 1_000_000 + " ms: a loop without progress?");
        }
        long allowed = (128L << 20) + (long) passes * 16_384L * (size + 256);
        if (allocated > allowed) {
            throw new AssertionError("one input of " + size + " bytes allocated " + allocated + " bytes (limit " + allowed + ")");
        }
    }

    /** Opens, edits and queries one document; returns how many analyses ran. */
    private static int run(FuzzedDataProvider p) {
        int edits = p.consumeInt(0, 4);
        int[][] positions = new int[edits][5];
        for (int[] e : positions) {
            for (int i = 0; i < e.length; i++) {
                e[i] = p.consumeInt(-2, 64);
            }
        }
        int hoverAt = p.consumeInt(0, Integer.MAX_VALUE);
        String text = p.consumeRemainingAsString();

        TraceWorkspace ws = WORKSPACE;
        ws.documents().open(URI, "llgo-trace", 1, text);
        check(ws, hoverAt);
        for (int i = 0; i < edits; i++) {
            int[] e = positions[i];
            String insert = text.isEmpty() ? "\n" : text.substring(Math.floorMod(e[4], text.length()));
            insert = insert.substring(0, Math.min(insert.length(), 200));
            TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                    new Range(new Position(e[0], e[1]), new Position(e[2], e[3])), insert);
            ws.documents().change(URI, i + 2, List.of(change));
            check(ws, hoverAt);
        }
        ws.documents().close(URI);
        ws.forget(URI);
        return edits + 1;
    }

    private static void check(TraceWorkspace ws, int hoverAt) {
        TraceAnalysis a = ws.analysis(URI).orElse(null);
        if (a == null) {
            return;
        }
        TextDocument doc = a.document();
        for (DocumentLink l : new DocumentLinks(ws).links(a, NEVER)) {
            inside(doc, l.getRange(), "link");
        }
        for (FoldingRange f : new FoldingRanges(ws).ranges(a, NEVER)) {
            if (f.getStartLine() < 0 || f.getEndLine() >= doc.lines().lineCount() || f.getStartLine() > f.getEndLine()) {
                throw new AssertionError("folding range " + f + " outside " + doc.lines().lineCount() + " lines");
            }
        }
        for (DocumentSymbol s : new DocumentSymbols(ws).symbols(a, NEVER)) {
            symbol(doc, s);
        }
        int offset = doc.text().isEmpty() ? 0 : hoverAt % (doc.text().length() + 1);
        new HoverService(ws).hover(a, offset).ifPresent(h -> inside(doc, h.getRange(), "hover"));
        new PanicDiagnostics(ws).compute(ws.traceAnalyses()).forEach((uri, ds) -> ds.forEach(d -> {
            if (uri.equals(URI)) inside(doc, d.getRange(), "diagnostic");
        }));
    }

    private static void symbol(TextDocument doc, DocumentSymbol s) {
        inside(doc, s.getRange(), "symbol");
        inside(doc, s.getSelectionRange(), "symbol selection");
        if (s.getChildren() != null) {
            for (DocumentSymbol c : s.getChildren()) symbol(doc, c);
        }
    }

    private static void inside(TextDocument doc, Range r, String what) {
        if (r == null) return;
        for (Position p : List.of(r.getStart(), r.getEnd())) {
            int line = p.getLine();
            if (line < 0 || line >= doc.lines().lineCount() || p.getCharacter() < 0
                    || p.getCharacter() > doc.lines().lineEnd(line, doc.text()) - doc.lines().lineStart(line)) {
                throw new AssertionError(what + " range " + r + " lies outside the document ("
                        + doc.lines().lineCount() + " lines)");
            }
        }
    }
}
