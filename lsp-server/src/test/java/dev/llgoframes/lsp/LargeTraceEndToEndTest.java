package dev.llgoframes.lsp;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 10,000-frame LLGo traceback, re-symbolized through a real binary: right answers, timings printed. */
class LargeTraceEndToEndTest {
    static final int FRAMES = 10_000;
    /** Generous: two cores shared with other builds. The printed timings are the real information. */
    static final long BUDGET_MILLIS = 20_000;

    @TempDir Path tmp;

    /** The two Go frames of the real crash (callC, viaGo) repeated; the runtime tail as printed. */
    static String bigTrace(CrashTraces.Crash c) {
        String t = c.text();
        int a = t.indexOf("main.callC(...)");
        int b = t.indexOf("main.main(...)");
        int r = t.indexOf("runtime.main(...)");
        String pair = t.substring(a, b);
        StringBuilder s = new StringBuilder("panic: boom\n\ngoroutine 1 [running]:\n");
        for (int i = 0; i < FRAMES / 2; i++) s.append(pair);
        return s.append(t.substring(r)).toString();
    }

    static <T> T timed(String what, Callable<T> f) throws Exception {
        long t0 = System.nanoTime();
        T v = f.call();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("large trace (%d frames): %-28s %6d ms%n", FRAMES, what, ms);
        assertTrue(ms < BUDGET_MILLIS, what + " took " + ms + " ms");
        return v;
    }

    @Test
    void tenThousandFramesStayCorrectAndResponsive() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        String text = bigTrace(c);
        String main = c.mainGo().toUri().toString();
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(c.goSources(), c.executable().getParent()), Session.settings(List.of(c.executable())));
            String uri = tmp.resolve("big.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", text);

            List<DocumentLink> links = timed("documentLink (cold)", () -> Session.links(lsp, uri));
            assertEquals(FRAMES, links.size());
            for (int i = 0; i < FRAMES; i++) assertEquals(main + (i % 2 == 0 ? "#L78" : "#L67"), links.get(i).getTarget(), "link " + i);
            timed("documentLink (warm)", () -> Session.links(lsp, uri));

            String last = timed("hover on the last frame", () -> Session.hover(lsp, uri, Cursor.at(text, "main.vi|aGo", FRAMES / 2 - 1)));
            assertTrue(last.startsWith("**main.viaGo** · Go function · package `main`\n\n`main.go:67`"), last);

            List<DocumentSymbol> syms = timed("documentSymbol", () -> Session.symbols(lsp, uri));
            assertEquals(FRAMES + 2, syms.get(0).getChildren().get(0).getChildren().size());
            assertEquals("main.callC", syms.get(0).getChildren().get(0).getChildren().get(FRAMES - 2).getName());
            int lastLine = (int) text.lines().count() - 1;
            assertEquals("0-" + lastLine, timed("foldingRange", () -> Session.folding(lsp, uri)).get(0).getStartLine() + "-" + lastLine);

            var d = timed("diagnostics published", () -> lsp.client.awaitDiagnostics(main, p -> !p.getDiagnostics().isEmpty()));
            assertEquals(77, d.getDiagnostics().get(0).getRange().getStart().getLine());
            assertEquals(PanicRelatedCap.CAP, d.getDiagnostics().get(0).getRelatedInformation().size());

            // An incremental edit at the end: one re-parse, same answers plus the new log line's link.
            lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                    List.of(new TextDocumentContentChangeEvent(new Range(new Position(lastLine + 1, 0), new Position(lastLine + 1, 0)),
                            "2024/01/02 15:04:05 main.go:39: after the dump\n"))));
            List<DocumentLink> after = timed("documentLink after an edit", () -> Session.links(lsp, uri));
            assertEquals(FRAMES + 1, after.size());
            assertEquals(main + "#L39", after.get(FRAMES).getTarget());
        }
    }

    /** The diagnostic's related information is capped; the cap is part of the contract. */
    static final class PanicRelatedCap {
        static final int CAP = 64;
    }
}
