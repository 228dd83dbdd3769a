package dev.llgoframes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.DocumentLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Build paths that do not exist here: a trace from another machine resolved by workspace suffix,
 * substitutePath, GOROOT and the module cache; files outside the allowed roots (directly or through a
 * symlink) never linked.
 */
class PathResolutionEndToEndTest {
    @TempDir Path tmp;

    private static final String OTHER = "/home/ci/build/demo";

    @Test
    void aTraceFromAnotherMachineLinksToTheWorkspaceCopyByLongestSuffix() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        Path ws = tmp.resolve("ws");
        Path demo = Files.createDirectories(ws.resolve("checkout/demo"));
        Files.copy(c.mainGo(), demo.resolve("main.go"));
        // A decoy with the same base name but a shorter common suffix.
        Files.createDirectories(ws.resolve("tools"));
        Files.writeString(ws.resolve("tools/main.go"), "package main\n");
        String text = c.text().replace(c.goSources().toString(), OTHER);
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(ws), Session.settings(List.of(c.executable())));
            String uri = tmp.resolve("ci.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", text);
            String copy = demo.resolve("main.go").toRealPath().toUri().toString();
            assertEquals(List.of(copy + "#L78", copy + "#L67", copy + "#L39"),
                    Session.links(lsp, uri).stream().map(DocumentLink::getTarget).toList());
            String hover = Session.hover(lsp, uri, Cursor.at(text, "main.ca|llC"));
            assertTrue(hover.contains("`main.go:78` · " + demo.resolve("main.go").toRealPath()
                    + " (workspace folder (matching suffix demo/main.go))\n\n```go\nreturn int(C.cexc_segv(3))\n```"), hover);
        }
    }

    @Test
    void substitutePathGorootAndModuleCacheResolveAndOutsideFilesNeverLink() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path mapped = Files.createDirectories(tmp.resolve("mapped"));
        Files.writeString(mapped.resolve("main.go"), "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n");
        Path goroot = Files.createDirectories(tmp.resolve("goroot/src/runtime"));
        Files.writeString(goroot.resolve("panic.go"), "package runtime\n\nfunc gopanic() {\n\tfatal()\n}\n");
        Path mod = Files.createDirectories(tmp.resolve("modcache/example.com/lib@v1.2.3"));
        Files.writeString(mod.resolve("lib.go"), "package lib\n\nfunc Do() {\n\tcallback()\n}\n");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.go"), "package secret\n");
        Files.createSymbolicLink(ws.resolve("link.go"), outside.resolve("secret.go"));

        String text = """
                panic: boom

                goroutine 1 [running]:
                runtime.gopanic({0x4a2b40, 0x4c8f10})
                	/usr/local/go/src/runtime/panic.go:4 +0x1e5
                example.com/lib.Do(...)
                	/home/ci/go/pkg/mod/example.com/lib@v1.2.3/lib.go:4
                main.main()
                	%s/main.go:4 +0x25
                exit status 2
                2024/01/02 15:04:05 %s:1: read outside the roots
                2024/01/02 15:04:05 %s:1: read through a symlink
                2024/01/02 15:04:05 /home/ci/build/demo/missing.go:9: gone
                """.formatted(OTHER, outside.resolve("secret.go"), ws.resolve("link.go"));
        JsonObject settings = new JsonObject();
        JsonArray subs = new JsonArray();
        JsonObject rule = new JsonObject();
        rule.addProperty("from", OTHER);
        rule.addProperty("to", mapped.toString());
        subs.add(rule);
        settings.add("substitutePath", subs);
        settings.addProperty("goroot", tmp.resolve("goroot").toString());
        try (LspProcess lsp = LspProcess.start(tmp, Map.of("GOMODCACHE", tmp.resolve("modcache").toString()))) {
            lsp.initialize(List.of(ws), settings);
            String uri = tmp.resolve("gc.panic").toUri().toString();
            lsp.open(uri, "plaintext", text);
            assertEquals(List.of(
                    goroot.resolve("panic.go").toRealPath().toUri() + "#L4",
                    mod.resolve("lib.go").toRealPath().toUri() + "#L4",
                    mapped.resolve("main.go").toRealPath().toUri() + "#L4"),
                    Session.links(lsp, uri).stream().map(DocumentLink::getTarget).toList());
            assertEquals("""
                    **log call site**

                    `/home/ci/build/demo/missing.go:9` — not found locally, so no link:
                    - as printed: no such file
                    - substitutePath /home/ci/build/demo → %s: %s/missing.go not found
                    - GOROOT %s: not a GOROOT path
                    - workspace folders: no file named missing.go
                    - module cache %s: not a module path""".formatted(mapped, mapped, tmp.resolve("goroot"), tmp.resolve("modcache")),
                    Session.hover(lsp, uri, Cursor.at(text, "missing.go|:9")));
            String secret = Session.hover(lsp, uri, Cursor.at(text, "secret.g|o"));
            assertTrue(secret.contains("- as printed: exists, but outside the workspace folders, GOROOT, the module cache and configured roots"), secret);
            String link = Session.hover(lsp, uri, Cursor.at(text, "link.g|o"));
            assertTrue(link.contains("not found locally, so no link"), link);
            // The gc panic is diagnosed on the substituted main.go, which is not open.
            var d = lsp.client.awaitDiagnostics(mapped.resolve("main.go").toRealPath().toUri().toString(), p -> !p.getDiagnostics().isEmpty());
            assertEquals("panic: boom\nmain.main (goroutine 1, gc.panic)", d.getDiagnostics().get(0).getMessage());
            assertEquals(3, d.getDiagnostics().get(0).getRange().getStart().getLine());
        }
    }
}
