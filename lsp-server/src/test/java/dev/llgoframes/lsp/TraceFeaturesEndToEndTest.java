package dev.llgoframes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server process over stdio against real fixture binaries: the LLGo fault traceback of {@code prog segv}
 * (C frames printed as {@code main.cleanup(...)} at main.go:72) opened as a trace, every feature checked
 * against the files and the binary.
 */
class TraceFeaturesEndToEndTest {
    @TempDir Path home;

    private LspProcess start(CrashTraces.Crash c) throws Exception {
        LspProcess lsp = LspProcess.start(home, Map.of());
        lsp.initialize(List.of(c.goSources(), c.executable().getParent()), Session.settings(List.of(c.executable())));
        return lsp;
    }

    private String traceUri() { return home.resolve("crash.trace").toUri().toString(); }

    /** What the link of each printed location token must be, from the binary: C frames by DWARF, Go by the tables. */
    private static List<String> expectedTargets(CrashTraces.Crash c, boolean dwarf) throws Exception {
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(c.executable()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SymbolizedPc s = sym.symbolize(c.pcs().get(i), true);
            assertTrue(s.function().startsWith("cexc_"), s.toString());
            if (dwarf) out.add(Path.of(s.file()).toUri() + "#L" + s.line());
        }
        String main = c.mainGo().toUri().toString();
        out.addAll(List.of(main + "#L78", main + "#L67", main + "#L39"));
        return out;
    }

    @Test
    void linksGoToTheSourceLineAndMisnamedCFramesToTheirCSourceWithDwarf() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie-dwarf5");
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "llgo-trace", c.text());
            List<DocumentLink> links = Session.links(lsp, traceUri());
            assertEquals(expectedTargets(c, true), links.stream().map(DocumentLink::getTarget).toList());
            for (DocumentLink l : links) {
                assertFalse(l.getTarget().contains("main.go#L72"), "a misnamed C frame links to the wrong Go line: " + l);
                assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(l.getTarget().replaceAll("#L\\d+$", "")))), l.getTarget());
            }
            // Each link covers exactly the printed file:line token.
            String firstGo = c.mainGo() + ":78";
            assertEquals(Cursor.at(c.text(), "|" + firstGo), links.get(4).getRange().getStart());
            assertEquals(Cursor.at(c.text(), firstGo + "|"), links.get(4).getRange().getEnd());
            assertEquals("cexc_leaf_segv (LLGo printed main.cleanup at main.go:72) — prog.c:"
                    + links.get(0).getTarget().replaceAll(".*#L", ""), links.get(0).getTooltip());
        }
    }

    @Test
    void withoutDwarfTheMisnamedCFramesGetNoLinkAndTheHoverSaysWhy() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "llgo-trace", c.text());
            assertEquals(expectedTargets(c, false), Session.links(lsp, traceUri()).stream().map(DocumentLink::getTarget).toList());
            assertEquals("""
                    **cexc_leaf_segv** · C function

                    No link: the printed main.go:72 is not where this pc is: cexc_leaf_segv has no line information in the binary (no DWARF)

                    *from the symbol table of prog* · pc `0x%x` · entry `0x%x` · offset `+0x1`

                    - LLGo printed main.cleanup at main.go:72; the symbol table says cexc_leaf_segv (C)
                    - faulting instruction: LLGo stores the fault pc + 1, looked up at the fault pc"""
                    .formatted(c.pcs().get(0), c.pcs().get(0) - 1),
                    Session.hover(lsp, traceUri(), Cursor.at(c.text(), "main.go:7|2")));
        }
    }

    @Test
    void hoverShowsNamePackageSourceLineKindProvenanceAndPcFacts() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie-dwarf5");
        Symbolizer sym = Symbolizer.of(LlgoBinary.open(c.executable()));
        SymbolizedPc leaf = sym.symbolize(c.pcs().get(0), true);
        SymbolizedPc callC = sym.symbolize(c.pcs().get(4), true);
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "llgo-trace", c.text());
            assertEquals("""
                    **main.callC** · Go function · package `main`

                    `main.go:78` · %s

                    ```go
                    return int(C.cexc_segv(3))
                    ```

                    *from LLGo's funcinfo tables of prog* · pc `0x%x` · entry `0x%x` · offset `+0x%x`"""
                    .formatted(c.mainGo(), callC.pc(), callC.entry(), callC.pc() - callC.entry()),
                    Session.hover(lsp, traceUri(), Cursor.at(c.text(), "main.ca|llC(...)")));
            // The function token and the file:line token of one frame answer the same.
            assertEquals(Session.hover(lsp, traceUri(), Cursor.at(c.text(), "main.ca|llC(...)")),
                    Session.hover(lsp, traceUri(), Cursor.at(c.text(), "main.go:7|8")));
            assertEquals("""
                    **cexc_leaf_segv** · C function

                    `prog.c:%d` · %s

                    ```c
                    *p = 42;
                    ```

                    *from the DWARF line table of prog (name from the symbol table)* · pc `0x%x` · entry `0x%x` · offset `+0x1`

                    - LLGo printed main.cleanup at main.go:72; the symbol table says cexc_leaf_segv (C)
                    - faulting instruction: LLGo stores the fault pc + 1, looked up at the fault pc"""
                    .formatted(leaf.line(), leaf.file(), leaf.pc(), leaf.entry()),
                    Session.hover(lsp, traceUri(), Cursor.at(c.text(), "main.c|leanup(...)")));
            String second = Session.hover(lsp, traceUri(), Cursor.at(c.text(), "main.c|leanup(...)", 1));
            assertTrue(second.startsWith("**cexc_mid_segv** · C function"), second);
            assertFalse(second.contains("faulting instruction"), second);
            assertNull(Session.hover(lsp, traceUri(), Cursor.at(c.text(), "goroutine| 1")));
        }
    }

    @Test
    void diagnosticsMarkTheTopUserFrameInTheGoFileAndFollowTheTrace() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie-dwarf5");
        String mainUri = c.mainGo().toUri().toString();
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "llgo-trace", c.text()); // main.go itself is never opened
            PublishDiagnosticsParams p = lsp.client.awaitDiagnostics(mainUri, d -> !d.getDiagnostics().isEmpty());
            assertEquals(1, p.getDiagnostics().size());
            Diagnostic d = p.getDiagnostics().get(0);
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertEquals("llgo-frames", d.getSource());
            assertEquals(new Range(new org.eclipse.lsp4j.Position(77, 2), new org.eclipse.lsp4j.Position(77, 28)), d.getRange());
            assertEquals("panic: runtime error: invalid memory address or nil pointer dereference\nmain.callC (goroutine 1, crash.trace)",
                    d.getMessage());
            List<String> related = new ArrayList<>();
            for (DiagnosticRelatedInformation r : d.getRelatedInformation()) {
                related.add(r.getMessage() + " @ " + Path.of(java.net.URI.create(r.getLocation().getUri())).getFileName()
                        + ":" + (r.getLocation().getRange().getStart().getLine() + 1));
            }
            assertEquals(List.of(
                    "printed here: panic: runtime error: invalid memory address or nil pointer dereference @ crash.trace:1",
                    "callee cexc_leaf_segv @ prog.c:" + Symbolizer.of(LlgoBinary.open(c.executable())).symbolize(c.pcs().get(0), true).line(),
                    "callee cexc_mid_segv @ prog.c:" + Symbolizer.of(LlgoBinary.open(c.executable())).symbolize(c.pcs().get(1), true).line(),
                    "callee cexc_mid_segv @ prog.c:" + Symbolizer.of(LlgoBinary.open(c.executable())).symbolize(c.pcs().get(2), true).line(),
                    "callee cexc_segv @ prog.c:" + Symbolizer.of(LlgoBinary.open(c.executable())).symbolize(c.pcs().get(3), true).line(),
                    "called from main.viaGo @ main.go:67",
                    "called from main.main @ main.go:39"), related);

            // Editing the panic away clears them; so does closing; the setting switches them off.
            var td = lsp.server.getTextDocumentService();
            td.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(traceUri(), 2),
                    List.of(new TextDocumentContentChangeEvent(new Range(new org.eclipse.lsp4j.Position(0, 0),
                            new org.eclipse.lsp4j.Position(0, 5)), "recovered"))));
            lsp.client.awaitDiagnostics(mainUri, x -> x.getDiagnostics().isEmpty());
            td.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(traceUri(), 3),
                    List.of(new TextDocumentContentChangeEvent(c.text()))));
            lsp.client.awaitDiagnostics(mainUri, x -> x.getDiagnostics().size() == 1);
            td.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(traceUri())));
            lsp.client.awaitDiagnostics(mainUri, x -> x.getDiagnostics().isEmpty());
            lsp.open(traceUri(), "llgo-trace", c.text());
            lsp.client.awaitDiagnostics(mainUri, x -> x.getDiagnostics().size() == 1);
            JsonObject off = Session.settings(List.of(c.executable()));
            off.addProperty("diagnostics", false);
            JsonObject section = new JsonObject();
            section.add("llgoFrames", off);
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(section));
            lsp.client.awaitDiagnostics(mainUri, x -> x.getDiagnostics().isEmpty());
        }
    }

    @Test
    void symbolsListGoroutinesAndRealFrameNamesAndFoldingCoversBlocks() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie-dwarf5");
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "llgo-trace", c.text());
            List<DocumentSymbol> syms = Session.symbols(lsp, traceUri());
            assertEquals(1, syms.size());
            assertEquals("panic: runtime error: invalid memory address or nil pointer dereference", syms.get(0).getName());
            assertEquals("LLGo · fault", syms.get(0).getDetail());
            DocumentSymbol g = syms.get(0).getChildren().get(0);
            assertEquals("goroutine 1 [running]", g.getName());
            assertEquals(List.of("cexc_leaf_segv", "cexc_mid_segv", "cexc_mid_segv", "cexc_segv", "main.callC", "main.viaGo",
                    "main.main", "runtime.main", "runtime.goexit"), g.getChildren().stream().map(DocumentSymbol::getName).toList());
            assertTrue(g.getChildren().get(0).getDetail().endsWith("(printed as main.cleanup)"), g.getChildren().get(0).getDetail());
            assertEquals("main.go:78", g.getChildren().get(4).getDetail());

            List<FoldingRange> folds = Session.folding(lsp, traceUri());
            int last = (int) c.text().lines().count() - 1;
            assertEquals(List.of("0-" + last, "2-" + last), folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()).toList());
        }
    }

    @Test
    void longRunsOfRuntimeFramesFold() throws Exception {
        String dump = String.join("\n",
                "goroutine 7 [chan receive]:",
                "runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)",
                "\t/usr/local/go/src/runtime/proc.go:424 +0xce",
                "runtime.chanrecv(0xc000020060, 0x0, 0x1)",
                "\t/usr/local/go/src/runtime/chan.go:639 +0x41c",
                "runtime.chanrecv1(0xc000020060?, 0x0?)",
                "\t/usr/local/go/src/runtime/chan.go:489 +0x12",
                "main.worker()",
                "\t/home/dev/demo/main.go:12 +0x25",
                "runtime.goexit({})",
                "\t/usr/local/go/src/runtime/asm_amd64.s:1700 +0x1",
                "created by main.main in goroutine 1",
                "\t/home/dev/demo/main.go:20 +0x3a",
                "");
        try (LspProcess lsp = LspProcess.start(home, Map.of())) {
            lsp.initialize(List.of(home), new JsonObject());
            String uri = home.resolve("dump.stack").toUri().toString();
            lsp.open(uri, "llgo-trace", dump);
            List<FoldingRange> folds = Session.folding(lsp, uri);
            // the goroutine block, and the three runtime frames above main.worker (one goexit is no run)
            FoldingRange run = folds.stream().filter(f -> f.getCollapsedText() != null).findFirst().orElseThrow(() ->
                    new AssertionError(folds.toString()));
            assertEquals("1-6 3 runtime frames", run.getStartLine() + "-" + run.getEndLine() + " " + run.getCollapsedText());
            assertEquals(1, folds.stream().filter(f -> f.getCollapsedText() != null).count(), folds.toString());
        }
    }

    @Test
    void codeLensesOfferTheGcViewAndTheResymbolizedTextAndTheirCommandsRun() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "llgo-trace", c.text());
            List<? extends CodeLens> lenses = Session.lenses(lsp, traceUri());
            assertEquals(List.of("gc view", "re-symbolized with prog"), lenses.stream().map(l -> l.getCommand().getTitle()).toList());
            String gcText = Session.execute(lsp, lenses.get(0).getCommand().getCommand(), lenses.get(0).getCommand().getArguments()).getAsString();
            String main = c.mainGo().toString();
            assertTrue(gcText.startsWith("panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=? addr=? pc=0x"
                    + Long.toHexString(c.pcs().get(0) - 1) + "]\n\ngoroutine 1 [running]:\ncexc_leaf_segv\n"), gcText);
            assertTrue(gcText.contains("main.callC()\n\t" + main + ":78 +0x"), gcText);
            assertFalse(gcText.contains("main.cleanup"), gcText);
            String rawText = Session.execute(lsp, lenses.get(1).getCommand().getCommand(), lenses.get(1).getCommand().getArguments()).getAsString();
            assertTrue(rawText.contains("\ncexc_leaf_segv(...)\n\tpc=0x"), rawText);
            assertTrue(rawText.endsWith("runtime.goexit(...)\n\tpc=0x" + Long.toHexString(c.pcs().get(8) - 1) + "\n"), rawText);
        }
    }

    @Test
    void commandsSymbolizeRewriteAndResolveTerminalLines() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie-dwarf5");
        try (LspProcess lsp = start(c)) {
            lsp.open(traceUri(), "plaintext", "some log line\n" + c.text() + "exit status 2\n");
            JsonObject args = new JsonObject();
            args.addProperty("binary", c.executable().toString());
            JsonArray pcs = new JsonArray();
            pcs.add("0x" + Long.toHexString(c.pcs().get(0)));
            pcs.add("0x" + Long.toHexString(c.pcs().get(4)));
            args.add("pcs", pcs);
            args.addProperty("returnAddresses", true);
            JsonArray frames = (Session.execute(lsp, "llgoFrames.symbolize", args)).getAsJsonArray();
            assertEquals(2, frames.size());
            JsonObject f0 = frames.get(0).getAsJsonObject();
            assertEquals(List.of("pc", "function", "file", "line", "entry", "kind", "provenance"), List.copyOf(f0.keySet()));
            assertEquals("cexc_leaf_segv", f0.get("function").getAsString());
            assertEquals("c", f0.get("kind").getAsString());
            assertEquals("dwarf", f0.get("provenance").getAsString());
            JsonObject f1 = frames.get(1).getAsJsonObject();
            assertEquals("main.callC", f1.get("function").getAsString());
            assertEquals(c.mainGo().toString(), f1.get("file").getAsString());
            assertEquals(78, f1.get("line").getAsInt());
            assertEquals("tables", f1.get("provenance").getAsString());

            JsonObject view = new JsonObject();
            view.addProperty("uri", traceUri());
            String gcText = (Session.execute(lsp, "llgoFrames.gcView", view)).getAsString();
            assertTrue(gcText.startsWith("some log line\npanic: runtime error"), gcText);
            assertTrue(gcText.endsWith("main.main()\n\t" + c.mainGo() + ":39 +0x" + Long.toHexString(
                    c.pcs().get(6) - Symbolizer.of(LlgoBinary.open(c.executable())).entryOf("main.main")) + "\nexit status 2\n"), gcText);

            JsonObject frameLine = new JsonObject();
            frameLine.addProperty("line", "        " + c.mainGo() + ":78 +0x27");
            JsonObject loc = (Session.execute(lsp, "llgoFrames.resolveLocation", frameLine)).getAsJsonObject();
            assertEquals(c.mainGo().toUri().toString(), loc.get("uri").getAsString());
            assertEquals(78, loc.get("line").getAsInt());
            JsonObject logLine = new JsonObject();
            logLine.addProperty("line", "2024/01/02 15:04:05 main.go:39: starting");
            logLine.addProperty("cwd", c.goSources().toString());
            loc = (Session.execute(lsp, "llgoFrames.resolveLocation", logLine)).getAsJsonObject();
            assertEquals(c.mainGo().toUri().toString(), loc.get("uri").getAsString());
            assertEquals(39, loc.get("line").getAsInt());
            JsonObject nowhere = new JsonObject();
            nowhere.addProperty("line", "\t/home/elsewhere/nothing_here.go:12 +0x1");
            assertTrue((Session.execute(lsp, "llgoFrames.resolveLocation", nowhere)).isJsonNull());
            JsonObject prose = new JsonObject();
            prose.addProperty("line", "hello world");
            assertTrue((Session.execute(lsp, "llgoFrames.resolveLocation", prose)).isJsonNull());
        }
    }
}
