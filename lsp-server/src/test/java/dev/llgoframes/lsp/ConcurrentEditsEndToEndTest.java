package dev.llgoframes.lsp;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 trace documents edited incrementally from 5 client threads (each owns 10 documents, so versions
 * stay in order per document), interleaved with hovers and link requests and the server's own
 * diagnostics. At the end every document's links, hovers and diagnostics equal those of a fresh open
 * of the text the client holds (applied with the same UTF-16 rules, including emoji).
 */
class ConcurrentEditsEndToEndTest {
    static final int DOCS = 50, THREADS = 5, EDITS = 40;

    @TempDir Path tmp;

    /** The client's copy of a document: LSP positions in UTF-16 units, lines split at '\n'. */
    static final class Model {
        String text;

        Model(String text) { this.text = text; }

        int offset(Position p) {
            int line = 0, i = 0;
            while (line < p.getLine() && i < text.length()) if (text.charAt(i++) == '\n') line++;
            int end = text.indexOf('\n', i);
            return Math.min(i + p.getCharacter(), end < 0 ? text.length() : end + 1);
        }

        int lines() { return (int) text.chars().filter(ch -> ch == '\n').count() + 1; }

        void apply(Range r, String s) {
            int a = offset(r.getStart()), b = offset(r.getEnd());
            text = text.substring(0, a) + s + text.substring(b);
        }
    }

    @Test
    void fiftyDocumentsEditedConcurrentlyEndEqualToAFreshOpen() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(c.goSources()), Session.settings(List.of(c.executable())));
            List<String> uris = new ArrayList<>();
            List<Model> models = new ArrayList<>();
            for (int i = 0; i < DOCS; i++) {
                String uri = tmp.resolve("doc-" + i + ".trace").toUri().toString();
                uris.add(uri);
                models.add(new Model(c.text()));
                lsp.open(uri, "llgo-trace", c.text());
            }
            var docs = lsp.server.getTextDocumentService();
            List<CompletableFuture<?>> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    Random rnd = new Random(1000 + thread);
                    for (int e = 0; e < EDITS; e++) {
                        for (int d = thread; d < DOCS; d += THREADS) {
                            Model m = models.get(d);
                            List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
                            int n = 1 + rnd.nextInt(3); // several changes in one notification apply in order
                            for (int k = 0; k < n; k++) {
                                Range r = edit(rnd, m);
                                String s = insertion(rnd);
                                m.apply(r, s);
                                changes.add(new TextDocumentContentChangeEvent(r, s));
                            }
                            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uris.get(d), 2 + e), changes));
                            if (rnd.nextInt(4) == 0) requests.add(docs.documentLink(new DocumentLinkParams(new TextDocumentIdentifier(uris.get(d)))));
                            if (rnd.nextInt(4) == 0) {
                                requests.add(docs.hover(new HoverParams(new TextDocumentIdentifier(uris.get(d)),
                                        new Position(rnd.nextInt(m.lines() + 2), rnd.nextInt(40)))));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) w.get(300, TimeUnit.SECONDS);
            pool.shutdown();
            for (CompletableFuture<?> r : requests) r.get(300, TimeUnit.SECONDS); // none failed
            long editMs = (System.nanoTime() - t0) / 1_000_000;

            // Fresh opens of the final texts, then compare everything per document.
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < DOCS; i++) {
                String uri = tmp.resolve("fresh-" + i + ".trace").toUri().toString();
                fresh.add(uri);
                lsp.open(uri, "llgo-trace", models.get(i).text);
            }
            int linksCompared = 0, hoversCompared = 0;
            for (int i = 0; i < DOCS; i++) {
                List<DocumentLink> a = Session.links(lsp, uris.get(i)), b = Session.links(lsp, fresh.get(i));
                assertEquals(describe(b), describe(a), "links of document " + i);
                linksCompared += a.size();
                Random rnd = new Random(i);
                for (int k = 0; k < 5; k++) {
                    Position p = new Position(rnd.nextInt(models.get(i).lines()), rnd.nextInt(30));
                    assertEquals(Session.hover(lsp, fresh.get(i), p), Session.hover(lsp, uris.get(i), p), "hover " + p + " of document " + i);
                    hoversCompared++;
                }
            }
            // Diagnostics: each trace's diagnostic (found by its "printed here" link) equals its fresh copy's.
            String marker = tmp.resolve("marker.trace").toUri().toString();
            lsp.open(marker, "llgo-trace", c.text());
            Map<String, Diagnostic> byTrace = awaitMarker(lsp, marker);
            int diagnostics = 0;
            for (int i = 0; i < DOCS; i++) {
                Diagnostic a = byTrace.get(uris.get(i)), b = byTrace.get(fresh.get(i));
                assertEquals(b == null, a == null, "diagnostic presence of document " + i);
                if (a == null) continue;
                diagnostics++;
                assertEquals(b.getRange(), a.getRange());
                assertEquals(b.getMessage().replace("fresh-" + i + ".trace", "doc-" + i + ".trace"), a.getMessage());
                assertEquals(b.getRelatedInformation().size(), a.getRelatedInformation().size());
                for (int k = 0; k < a.getRelatedInformation().size(); k++) {
                    assertEquals(b.getRelatedInformation().get(k).getLocation().getRange(), a.getRelatedInformation().get(k).getLocation().getRange());
                    assertEquals(b.getRelatedInformation().get(k).getMessage(), a.getRelatedInformation().get(k).getMessage());
                }
            }
            System.out.printf("concurrent edits: %d documents × %d notifications from %d threads, %d interleaved requests in %d ms; "
                    + "compared %d links, %d hovers, %d diagnostics; server RSS %s%n", DOCS, EDITS, THREADS, requests.size(), editMs,
                    linksCompared, hoversCompared, diagnostics, Rss.of(lsp.process.pid()));
            assertTrue(linksCompared > DOCS * 3, "edits left too few links to compare: " + linksCompared);
            assertTrue(diagnostics >= 5, "edits left too few diagnostics to compare: " + diagnostics);
            assertTrue(lsp.alive());
        }
    }

    /** A range to replace: an insertion point, a line, or a span inside a line (may split an emoji: the server clamps alike). */
    private static Range edit(Random rnd, Model m) {
        int lines = m.lines();
        // Below the panic and goroutine headers, so most traces keep a panic to diagnose.
        int l = 5 + rnd.nextInt(Math.max(1, lines - 5));
        return switch (rnd.nextInt(4)) {
            case 0 -> new Range(new Position(l, 0), new Position(l, 0));
            case 1 -> new Range(new Position(l, 0), new Position(l + 1, 0));
            case 2 -> new Range(new Position(l, rnd.nextInt(6)), new Position(l, 6 + rnd.nextInt(6)));
            default -> new Range(new Position(l, 0), new Position(l, 0));
        };
    }

    private static String insertion(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> "2024/01/02 15:04:05 main.go:" + (1 + rnd.nextInt(80)) + ": edited \ud83d\ude00\n";
            case 1 -> "";
            case 2 -> "main.viaGo(...)\n\t" + "/x/main.go:" + (60 + rnd.nextInt(20)) + " +0x1\n";
            case 3 -> "\u00e9\ud83d\ude00";
            default -> "x";
        };
    }

    private static List<String> describe(List<DocumentLink> links) {
        List<String> out = new ArrayList<>();
        for (DocumentLink l : links) out.add(l.getRange() + " → " + l.getTarget() + " (" + l.getTooltip() + ")");
        return out;
    }

    /**
     * Latest diagnostics per Go file, by the trace each came from, once they include {@code marker}: a
     * trace opened after everything else, so that computation saw all edits and fresh opens.
     */
    private static Map<String, Diagnostic> awaitMarker(LspProcess lsp, String marker) throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (true) {
            Map<String, Diagnostic> byTrace = new HashMap<>();
            synchronized (lsp.client) {
                for (List<PublishDiagnosticsParams> l : lsp.client.diagnostics.values()) {
                    for (Diagnostic d : l.get(l.size() - 1).getDiagnostics()) {
                        byTrace.put(d.getRelatedInformation().get(0).getLocation().getUri(), d);
                    }
                }
            }
            if (byTrace.containsKey(marker)) return byTrace;
            if (System.currentTimeMillis() > end) throw new AssertionError("no diagnostics computed after the last open");
            Thread.sleep(100);
        }
    }
}
