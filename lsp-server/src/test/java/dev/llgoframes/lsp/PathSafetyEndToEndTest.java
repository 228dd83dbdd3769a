package dev.llgoframes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
 * Links and the terminal's resolveLocation command never open a file outside the workspace folders,
 * GOROOT, the module cache and substitutePath targets: not through symlinked files or directories, not
 * through {@code ..} in printed paths (as printed, after a substitutePath, GOROOT or module-cache
 * mapping), and not through a {@code ..} in a substitutePath target. Relative targets mean the first
 * workspace folder, never the server's working directory.
 */
class PathSafetyEndToEndTest {
    @TempDir Path tmp;

    @Test
    void symlinksAndDotDotNeverLeadOutsideTheRoots() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.go"), "package secret\n\nvar key = 1\n");
        Files.writeString(ws.resolve("in.go"), "package in\n\nfunc f() {}\n");
        Files.createSymbolicLink(ws.resolve("link-out.go"), outside.resolve("secret.go"));
        Files.createSymbolicLink(ws.resolve("dirlink"), outside);
        Files.createSymbolicLink(ws.resolve("alias.go"), ws.resolve("in.go"));
        Files.createDirectories(ws.resolve("sub"));
        Path mapped = Files.createDirectories(tmp.resolve("mapped"));
        Files.writeString(mapped.resolve("a.go"), "package a\n\nfunc A() {}\n");
        Path rel = Files.createDirectories(ws.resolve("rel-target"));
        Files.writeString(rel.resolve("r.go"), "package r\n\nfunc R() {}\n");
        Path goroot = Files.createDirectories(tmp.resolve("goroot/src/runtime"));
        Files.writeString(goroot.resolve("panic.go"), "package runtime\n\nfunc gopanic() {}\n");
        Path modcache = Files.createDirectories(tmp.resolve("modcache/example.com/m@v1.0.0"));
        Files.writeString(modcache.resolve("m.go"), "package m\n\nfunc M() {}\n");

        List<String> bad = List.of(
                ws + "/sub/../../outside/secret.go",          // .. as printed
                ws + "/dirlink/secret.go",                    // symlinked directory
                ws + "/link-out.go",                          // symlinked file
                "/usr/local/go/src/../../outside/secret.go",  // .. after the GOROOT mapping
                "/home/ci/go/pkg/mod/../../outside/secret.go",// .. after the module-cache mapping
                "/build/../outside/secret.go",                // .. after a substitutePath mapping
                "/esc/secret.go",                             // rule whose target climbs out with ..: ignored
                outside + "/secret.go");                      // plainly outside
        List<String> good = List.of(ws + "/in.go", ws + "/alias.go", "/build/a.go", "/rel/r.go",
                "/usr/local/go/src/runtime/panic.go", "/home/ci/go/pkg/mod/example.com/m@v1.0.0/m.go");
        StringBuilder text = new StringBuilder("panic: boom\n\ngoroutine 1 [running]:\n");
        for (String p : bad) text.append("main.bad()\n\t").append(p).append(":1 +0x1\n");
        text.append("\n");
        for (String p : good) text.append("2024/01/02 15:04:05 ").append(p).append(":1: fine\n");
        for (String p : bad) text.append("2024/01/02 15:04:05 ").append(p).append(":1: not fine\n");

        JsonObject settings = new JsonObject();
        JsonArray subs = new JsonArray();
        subs.add(rule("/build", mapped.toString()));
        subs.add(rule("/esc", ws + "/../outside"));
        subs.add(rule("/rel", "rel-target"));
        settings.add("substitutePath", subs);
        settings.addProperty("goroot", tmp.resolve("goroot").toString());
        try (LspProcess lsp = LspProcess.start(tmp, Map.of("GOMODCACHE", tmp.resolve("modcache").toString()))) {
            lsp.initialize(List.of(ws), settings);
            String uri = tmp.resolve("paths.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", text.toString());
            List<String> targets = Session.links(lsp, uri).stream().map(DocumentLink::getTarget).toList();
            String in = ws.resolve("in.go").toRealPath().toUri() + "#L1";
            assertEquals(List.of(in, in, mapped.resolve("a.go").toRealPath().toUri() + "#L1", rel.resolve("r.go").toRealPath().toUri() + "#L1",
                    goroot.resolve("panic.go").toRealPath().toUri() + "#L1", modcache.resolve("m.go").toRealPath().toUri() + "#L1"), targets);
            for (String t : targets) assertTrue(!t.contains("outside"), t);

            // The hover says why, per strategy; the ignored rule was reported to the user.
            String sub = Session.hover(lsp, uri, Cursor.at(text.toString(), "/build/../outside/secret.g|o"));
            assertTrue(sub.contains("not found locally, so no link") && sub.contains("leaves the target (..)"), sub);
            lsp.client.awaitShown(1);
            assertTrue(lsp.client.shown().stream().anyMatch(m -> m.getMessage().contains("the target must not contain '..'")),
                    lsp.client.shown().toString());

            // The terminal's command applies the same rules.
            for (String p : bad) {
                JsonElement r = resolve(lsp, "\t" + p + ":1 +0x1");
                assertTrue(r == null || r.isJsonNull(), p + " → " + r);
            }
            JsonElement ok = resolve(lsp, "\t" + ws + "/alias.go:3");
            assertEquals(ws.resolve("in.go").toRealPath().toUri().toString(), ok.getAsJsonObject().get("uri").getAsString());
            JsonElement viaCwd = resolveIn(lsp, "\tsecret.go:1 +0x1", outside.toString());
            assertTrue(viaCwd == null || viaCwd.isJsonNull(), String.valueOf(viaCwd));
        }
    }

    private static JsonObject rule(String from, String to) {
        JsonObject r = new JsonObject();
        r.addProperty("from", from);
        r.addProperty("to", to);
        return r;
    }

    private static JsonElement resolve(LspProcess lsp, String line) throws Exception {
        JsonObject a = new JsonObject();
        a.addProperty("line", line);
        return Session.execute(lsp, "llgoFrames.resolveLocation", a);
    }

    private static JsonElement resolveIn(LspProcess lsp, String line, String cwd) throws Exception {
        JsonObject a = new JsonObject();
        a.addProperty("line", line);
        a.addProperty("cwd", cwd);
        return Session.execute(lsp, "llgoFrames.resolveLocation", a);
    }
}
