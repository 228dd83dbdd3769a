package dev.llgoframes.lsp;

import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated 1,000,000-line goroutine dump (125,000 goroutines) opened in the server with its default
 * heap (the launchers pass no -Xmx: a quarter of physical memory): links, hover and diagnostics are
 * right, and a hover on a small second document is answered before the first of four requests queued
 * on the big one. Timings and the server's RSS are printed, not asserted.
 */
class HugeDumpEndToEndTest {
    static final int LINES = 1_000_000;
    static final int LINKED_EVERY = 50; // every 50th goroutine names the real main.go; the others a path not on disk

    @TempDir java.nio.file.Path tmp;

    static String dump(String mainGo) {
        return dump(mainGo, LINES);
    }

    static String dump(String mainGo, int totalLines) {
        StringBuilder b = new StringBuilder(totalLines * 40);
        b.append("panic: boom\n\ngoroutine 1 [running]:\nmain.callC(...)\n\t").append(mainGo).append(":78 +0x1d\nmain.main()\n\t")
                .append(mainGo).append(":39 +0x25\n\n");
        int lines = 8;
        for (int g = 2; lines + 8 <= totalLines; g++, lines += 8) {
            String file = g % LINKED_EVERY == 0 ? mainGo : "/build/other/worker.go";
            b.append("goroutine ").append(g).append(" [chan receive, ").append(g % 60).append(" minutes]:\n")
                    .append("main.worker(0xc000").append(Integer.toHexString(0x10000 + g)).append(", 0x").append(Integer.toHexString(g)).append(")\n\t")
                    .append(file).append(":67 +0x4a\nmain.viaGo(...)\n\t").append(file).append(":62\ncreated by main.main in goroutine 1\n\t")
                    .append(file).append(":39 +0x88\n\n");
        }
        while (lines++ < totalLines) b.append('\n');
        return b.toString();
    }

    @Test
    void aMillionLineDumpIsServedWithoutBlockingASmallDocument() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        String main = c.mainGo().toString();
        String text = dump(main);
        assertEquals(LINES, text.split("\n", -1).length - 1);
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(c.goSources()), Session.settings(List.of(c.executable())));
            String big = tmp.resolve("dump.trace").toUri().toString();
            String small = tmp.resolve("small.trace").toUri().toString();
            lsp.open(small, "llgo-trace", c.text());
            Session.links(lsp, small); // warm: binary loaded, small analysis parsed
            long t0 = System.nanoTime();
            lsp.open(big, "llgo-trace", text);

            var docs = lsp.server.getTextDocumentService();
            TextDocumentIdentifier bigId = new TextDocumentIdentifier(big);
            List<String> order = new CopyOnWriteArrayList<>();
            CompletableFuture<List<DocumentLink>> links = docs.documentLink(new DocumentLinkParams(bigId));
            links.whenComplete((r, e) -> order.add("big documentLink"));
            var symbols = docs.documentSymbol(new DocumentSymbolParams(bigId));
            symbols.whenComplete((r, e) -> order.add("big documentSymbol"));
            var folding = docs.foldingRange(new FoldingRangeRequestParams(bigId));
            folding.whenComplete((r, e) -> order.add("big foldingRange"));
            var lenses = docs.codeLens(new CodeLensParams(bigId));
            lenses.whenComplete((r, e) -> order.add("big codeLens"));
            var smallHover = docs.hover(new HoverParams(new TextDocumentIdentifier(small), Cursor.at(c.text(), "main.ca|llC")));
            smallHover.whenComplete((r, e) -> order.add("small hover"));

            String sh = smallHover.get(300, TimeUnit.SECONDS).getContents().getRight().getValue();
            long smallMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(sh.startsWith("**main.callC** · Go function"), sh);
            List<DocumentLink> l = links.get(300, TimeUnit.SECONDS);
            long linksMs = (System.nanoTime() - t0) / 1_000_000;
            symbols.get(300, TimeUnit.SECONDS);
            folding.get(300, TimeUnit.SECONDS);
            lenses.get(300, TimeUnit.SECONDS);
            long allMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("small hover", order.get(0), "the small document waited for the big one: " + order);

            int linked = 0;
            for (int g = 2; 8 * (g - 1) + 8 <= LINES; g++) if (g % LINKED_EVERY == 0) linked++;
            String mainUri = c.mainGo().toUri().toString();
            assertEquals(2 + 3 * linked, l.size());
            assertEquals(mainUri + "#L78", l.get(0).getTarget());
            assertEquals(mainUri + "#L67", l.get(2).getTarget());

            int lastG = text.lastIndexOf("\ngoroutine ") + 1;
            Position p = Cursor.positionOf(text, text.indexOf("main.worker", lastG) + 6);
            String h = Session.hover(lsp, big, p);
            long hoverMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(h.startsWith("**main.worker** · Go function"), h);
            var d = lsp.client.awaitDiagnostics(mainUri, x -> !x.getDiagnostics().isEmpty());
            assertEquals(77, d.getDiagnostics().get(0).getRange().getStart().getLine());

            System.out.printf("huge dump: %d lines, %d MB; small hover after %d ms, big documentLink (%d links) after %d ms, all four after %d ms, "
                    + "hover on the last goroutine after %d ms; order %s; server RSS %s%n", LINES, text.length() >> 20, smallMs, l.size(), linksMs,
                    allMs, hoverMs, order, Rss.of(lsp.process.pid()));
            assertTrue(lsp.alive());
            assertTrue(!lsp.stderr().contains("OutOfMemoryError"), lsp.stderr());
        }
    }
}
