package dev.llgoframes.lsp.services;

import dev.llgoframes.lsp.Cursor;
import org.eclipse.lsp4j.Hover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hover service called directly on text-only traces (no binary), cursors marked with {@code |}. */
class HoverServiceTest {
    @TempDir Path tmp;

    private String hover(TraceWorkspace ws, String uri, String text, String marked) {
        ws.documents().open(uri, "llgo-trace", 1, text);
        TraceAnalysis a = ws.analysis(uri).orElseThrow();
        int offset = a.document().lines().offsetOf(Cursor.at(text, marked));
        return new HoverService(ws).hover(a, offset).map(Hover::getContents).map(c -> c.getRight().getValue()).orElse(null);
    }

    private TraceWorkspace workspace(Path folder) {
        TraceWorkspace ws = new TraceWorkspace(new GoEnvironment(java.util.Map.of("HOME", tmp.toString())), (k, m) -> {}, m -> {});
        ws.configure(Settings.DEFAULT, List.of(folder));
        return ws;
    }

    @Test
    void aDeferredCallLandsOnTheClosingBraceAndSaysSo() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("demo"));
        Files.writeString(src.resolve("main.go"), "package main\n\nfunc f() {\n\tdefer g()\n\twork()\n}\n");
        String text = "panic: boom\n\ngoroutine 1 [running]:\nmain.g(...)\n\t" + src + "/main.go:6 +0x2f\n";
        assertEquals("""
                **main.g** · Go function · package `main`

                `main.go:6` · %s

                ```go
                }
                ```

                *as printed by LLGo (no binary matched)* · offset `+0x2f` as printed

                - deferred call: attributed to the closing brace, as gc does
                - no binary: no binaries configured (llgoFrames.binaries) and none found in the workspace folders""".formatted(src.resolve("main.go").toRealPath()),
                hover(workspace(tmp), "file:///t.trace", text, "main.|g(...)"));
    }

    @Test
    void gcFramesShowGcProvenanceAndPackagesOfPathQualifiedNames() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("m/pkg"));
        Files.writeString(src.resolve("t.go"), "package pkg\n\nfunc (t *T) M() {\n\tpanic(t)\n}\n");
        String text = "panic: boom\n\ngoroutine 1 [running]:\nexample.com/m/pkg.(*T).M(0xc000010000)\n\t" + src + "/t.go:4 +0x25\n";
        String h = hover(workspace(tmp), "file:///g.trace", text, "example.com/m/pkg.(*T).|M");
        assertTrue(h.startsWith("**example.com/m/pkg.(\\*T).M** · Go function · package `example.com/m/pkg`\n\n`t.go:4`"), h);
        assertTrue(h.contains("```go\npanic(t)\n```"), h);
        assertTrue(h.contains("*as printed by gc* · offset `+0x25` as printed"), h);
    }

    @Test
    void logSlogAndTestLocationsHoverTheirSourceLine() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(src.resolve("main.go"), "package main\n\nfunc main() {\n\tlog.Print(\"hi\")\n}\n");
        String text = "2024/01/02 15:04:05 " + src + "/main.go:4: hi\n"
                + "time=2024-01-02T15:04:05Z level=INFO source=" + src + "/main.go:4 msg=hi\n";
        TraceWorkspace ws = workspace(tmp);
        String log = hover(ws, "file:///a.log", text, "main.go:|4: hi");
        assertTrue(log.startsWith("**log call site**\n\n`main.go:4`"), log);
        assertTrue(log.endsWith("```go\nlog.Print(\"hi\")\n```"), log);
        String slog = hover(ws, "file:///a.log", text, "main.go:|4 msg");
        assertTrue(slog.startsWith("**slog source**"), slog);
        assertEquals(Optional.empty().orElse(null), hover(ws, "file:///a.log", text, "tim|e="));
    }

    @Test
    void aTerminalLineIsReadAsLogTestOrFrameLocation() {
        assertEquals("/x/main.go:12", loc("\t/x/main.go:12 +0x1f"));
        assertEquals("/x/main.go:12", loc("        /x/main.go:12 +0x1f"));
        assertEquals("x_test.go:7", loc("    x_test.go:7: want 1, got 2"));
        assertEquals("main.go:3", loc("2024/01/02 15:04:05 main.go:3: hello"));
        assertEquals(null, loc("nothing here"));
    }

    private static String loc(String line) {
        return TraceCommands.locationIn(line).map(t -> t.file() + ":" + t.line()).orElse(null);
    }
}
