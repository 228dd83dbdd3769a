package dev.llgoframes.lsp;

import com.google.gson.JsonObject;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binary association: discovery and scoring, rebuilt binaries, stale sidecars and other builds shown once. */
class BinariesEndToEndTest {
    @TempDir Path tmp;

    @Test
    void aStaleSidecarIsShownOnceAndTheSymbolTableStillServes() throws Exception {
        Fixture stale = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("external-stale"));
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(c.goSources()), Session.settings(List.of(stale.executable())));
            String uri = tmp.resolve("crash.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", c.text());
            Session.links(lsp, uri);
            String hover = Session.hover(lsp, uri, Cursor.at(c.text(), "main.c|leanup"));
            // Without its tables the binary still has a symbol table: C frames are named from it.
            assertTrue(hover.contains("*from the symbol table of prog*"), hover);
            JsonObject again = Session.settings(List.of(stale.executable()));
            lsp.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(again));
            Session.links(lsp, uri);
            Thread.sleep(500);
            List<MessageParams> shown = lsp.client.shown();
            assertEquals(1, shown.size(), shown.toString());
            assertEquals(MessageType.Warning, shown.get(0).getType());
            assertTrue(shown.get(0).getMessage().startsWith("LLGo Frames: prog: stale sidecar (from another build): "
                    + stale.executable() + ".pclntab: stale:"), shown.get(0).getMessage());
        }
    }

    @Test
    void aBinaryBuiltAfterStartUpIsFoundThroughTheFileWatcher() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
        org.eclipse.lsp4j.WorkspaceClientCapabilities w = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        w.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(w);
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(ws, c.goSources()), new JsonObject(), caps);
            // the server asks to hear of every file of the workspace
            long end = System.currentTimeMillis() + 10_000;
            while (lsp.client.registrations().isEmpty() && System.currentTimeMillis() < end) Thread.sleep(50);
            org.eclipse.lsp4j.Registration r = lsp.client.registrations().get(0);
            assertEquals("workspace/didChangeWatchedFiles", r.getMethod());
            assertTrue(new com.google.gson.Gson().toJson(r.getRegisterOptions()).contains("**/*"), r.toString());

            String uri = tmp.resolve("crash.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", c.text());
            String before = Session.hover(lsp, uri, Cursor.at(c.text(), "main.c|leanup"));
            assertTrue(before.contains("none found in the workspace folders"), before);

            // the program is built now; the client reports the new file
            Path built = ws.resolve("prog");
            Files.copy(c.executable(), built, StandardCopyOption.COPY_ATTRIBUTES);
            lsp.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                    new org.eclipse.lsp4j.FileEvent(built.toUri().toString(), org.eclipse.lsp4j.FileChangeType.Created))));
            String after = before;
            end = System.currentTimeMillis() + 20_000;
            while (!after.startsWith("**cexc_leaf_segv**") && System.currentTimeMillis() < end) {
                Thread.sleep(200);
                after = Session.hover(lsp, uri, Cursor.at(c.text(), "main.c|leanup"));
            }
            assertTrue(after.startsWith("**cexc_leaf_segv** · C function"), after);
            assertTrue(after.contains("*from the symbol table of prog*"), after);
        }
    }

    @Test
    void discoveryScoresCandidatesAndPicksTheBuildTheTraceCameFrom() throws Exception {
        // Two builds of one program in the workspace: same function names, different addresses.
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        Fixture o0 = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie-o0"));
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve("a"));
        Files.createDirectories(ws.resolve("b"));
        Files.copy(o0.executable(), ws.resolve("a/prog-o0"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(c.executable(), ws.resolve("b/prog-o2"), StandardCopyOption.COPY_ATTRIBUTES);
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(ws, c.goSources()), new JsonObject());
            String uri = tmp.resolve("crash.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", c.text());
            String hover = Session.hover(lsp, uri, Cursor.at(c.text(), "main.c|leanup"));
            assertTrue(hover.startsWith("**cexc_leaf_segv** · C function"), hover);
            assertTrue(hover.contains("*from the symbol table of prog-o2*"), hover);
            assertEquals(List.of("re-symbolized with prog-o2"), Session.lenses(lsp, uri).stream().skip(1).map(l -> l.getCommand().getTitle()).toList());

            // Rebuilt: the -O0 build now sits where the trace's build was. Reloaded, and flagged as another build.
            Path target = ws.resolve("b/prog-o2");
            Files.copy(o0.executable(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            Files.delete(ws.resolve("a/prog-o0"));
            hover = Session.hover(lsp, uri, Cursor.at(c.text(), "main.c|leanup"));
            assertTrue(hover.startsWith("**main.cleanup** · Go function"), hover);
            assertTrue(hover.contains("binary prog-o2 looks like another build"), hover);
            lsp.client.awaitShown(1);
            assertTrue(lsp.client.shown().get(0).getMessage().startsWith("LLGo Frames: prog-o2 does not match the trace: "),
                    lsp.client.shown().toString());
            // Never the wrong line, but the printed one is all there is now.
            List<DocumentLink> links = Session.links(lsp, uri);
            assertEquals(7, links.size());
        }
    }
}
