package dev.llgoframes.lsp.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolution order and the allowed-roots check, on a made-up disk. */
class PathResolverTest {
    @TempDir Path tmp;

    private PathResolver resolver(Settings s, List<Path> folders, Path goroot, Path modcache) {
        return new PathResolver(s, folders, Optional.ofNullable(goroot), Optional.ofNullable(modcache),
                () -> WorkspaceFileIndex.scan(folders));
    }

    private static Settings subs(String from, String to) {
        return new Settings(List.of(), List.of(new Settings.Substitution(from, to)), null, true, List.of());
    }

    @Test
    void asPrintedWinsWhenTheFileIsInsideARoot() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws/pkg"));
        Files.writeString(ws.resolve("a.go"), "package pkg\n");
        Resolution r = resolver(Settings.DEFAULT, List.of(tmp.resolve("ws")), null, null).resolve(ws.resolve("a.go").toString());
        assertEquals(ws.resolve("a.go").toRealPath(), r.path());
        assertEquals("as printed", r.how());
    }

    @Test
    void substitutePathComesBeforeTheWorkspaceSuffix() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws/x"));
        Files.writeString(ws.resolve("a.go"), "");
        Path mapped = Files.createDirectories(tmp.resolve("mapped/x"));
        Files.writeString(mapped.resolve("a.go"), "");
        Resolution r = resolver(subs("/build", tmp.resolve("mapped").toString()), List.of(tmp.resolve("ws")), null, null)
                .resolve("/build/x/a.go");
        assertEquals(mapped.resolve("a.go").toRealPath(), r.path());
        assertTrue(r.how().startsWith("substitutePath /build → "), r.how());
        // A prefix only matches on a path boundary.
        Resolution other = resolver(subs("/build", tmp.resolve("mapped").toString()), List.of(), null, null)
                .resolve("/buildx/x/a.go");
        assertTrue(other.tried().contains("substitutePath: no rule matches"), other.tried().toString());
    }

    @Test
    void gorootAndModuleCacheMapForeignInstallPaths() throws Exception {
        Path goroot = Files.createDirectories(tmp.resolve("go/src/fmt"));
        Files.writeString(goroot.resolve("print.go"), "");
        Path mod = Files.createDirectories(tmp.resolve("mod/example.com/m@v1.0.0"));
        Files.writeString(mod.resolve("m.go"), "");
        PathResolver r = resolver(Settings.DEFAULT, List.of(), tmp.resolve("go"), tmp.resolve("mod"));
        assertEquals(goroot.resolve("print.go").toRealPath(), r.resolve("/usr/local/go/src/fmt/print.go").path());
        assertEquals(mod.resolve("m.go").toRealPath(), r.resolve("/root/go/pkg/mod/example.com/m@v1.0.0/m.go").path());
    }

    @Test
    void theLongestUniqueSuffixWinsAndTiesLinkNothing() throws Exception {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("a/demo"));
        Files.createDirectories(ws.resolve("b/other"));
        Files.writeString(ws.resolve("a/demo/main.go"), "");
        Files.writeString(ws.resolve("b/other/main.go"), "");
        PathResolver r = resolver(Settings.DEFAULT, List.of(ws), null, null);
        assertEquals(ws.resolve("a/demo/main.go").toRealPath(), r.resolve("/elsewhere/demo/main.go").path());
        Resolution tie = r.resolve("/elsewhere/third/main.go");
        assertNull(tie.path());
        assertTrue(tie.tried().contains("workspace folders: ambiguous, 2 files end in main.go"), tie.tried().toString());
    }

    @Test
    void nothingOutsideTheRootsEvenThroughSymlinksOrDotDot() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("s.go"), "");
        Files.createSymbolicLink(ws.resolve("s.go"), outside.resolve("s.go"));
        PathResolver r = resolver(Settings.DEFAULT, List.of(ws), null, null);
        assertNull(r.resolve(outside.resolve("s.go").toString()).path());
        assertNull(r.resolve(ws.resolve("s.go").toString()).path());
        assertNull(r.resolve(ws + "/../outside/s.go").path());
        // A substitutePath target is a configured root, but ".." cannot climb out of it.
        Path mapped = Files.createDirectories(tmp.resolve("mapped"));
        assertNull(resolver(subs("/b", mapped.toString()), List.of(ws), null, null).resolve("/b/../outside/s.go").path());
    }

    @Test
    void relativePathsUseTheWorkingDirectory() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws/cmd"));
        Files.writeString(ws.resolve("x_test.go"), "");
        PathResolver r = resolver(Settings.DEFAULT, List.of(tmp.resolve("ws")), null, null);
        assertEquals(ws.resolve("x_test.go").toRealPath(), r.resolve("x_test.go", ws).path());
        assertEquals("as printed", r.resolve("x_test.go", ws).how());
    }
}
