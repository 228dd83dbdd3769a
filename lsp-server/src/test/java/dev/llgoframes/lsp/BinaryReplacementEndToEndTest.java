package dev.llgoframes.lsp;

import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configured binary deleted, and replaced by other builds, while hovers that need it are in flight
 * and between requests: every hover is answered, says why it has no binary data, and the next request
 * uses the new file, also when the new build has the same size and modification time (found by file
 * identity and change time). The server never writes to the binary or next to it.
 */
class BinaryReplacementEndToEndTest {
    @TempDir Path tmp;

    @Test
    void deletedAndReplacedBinariesAreNoticedOnTheNextRequest() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        Fixture o0 = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie-o0"));
        byte[] original = Files.readAllBytes(c.executable());
        String fixtureHash = sha256(original);
        // The same build with one C symbol renamed in place: another binary of exactly the same size.
        byte[] renamed = replaceAll(original, "cexc_leaf_segv", "cexc_leaf_SEGV");
        assertEquals(original.length, renamed.length);

        Path dir = Files.createDirectories(tmp.resolve("bin"));
        Path prog = dir.resolve("prog");
        Files.write(prog, original);
        FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(prog, built);
        String text = c.text();
        var onCleanup = Cursor.at(text, "main.c|leanup");
        try (LspProcess lsp = LspProcess.start(tmp, Map.of())) {
            lsp.initialize(List.of(c.goSources()), Session.settings(List.of(prog)));
            String uri = tmp.resolve("crash.trace").toUri().toString();
            lsp.open(uri, "llgo-trace", text);
            String h = Session.hover(lsp, uri, onCleanup);
            assertTrue(h.startsWith("**cexc_leaf_segv** · C function"), h);

            // Deleted while hovers are in flight: each is answered, with or without the binary.
            List<CompletableFuture<String>> inFlight = hovers(lsp, uri, onCleanup, 12);
            Files.delete(prog);
            for (CompletableFuture<String> f : inFlight) {
                String r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.startsWith("**cexc_leaf_segv** · C function") || r.startsWith("**main.cleanup** · Go function"), r);
            }
            h = Session.hover(lsp, uri, onCleanup);
            assertTrue(h.startsWith("**main.cleanup** · Go function"), h);
            assertTrue(h.contains("no binary: configured binary " + prog + " does not exist now (deleted, or being rebuilt)"), h);

            // Another build appears at the path while hovers are in flight: flagged as another build next time.
            inFlight = hovers(lsp, uri, onCleanup, 12);
            Files.copy(o0.executable(), prog);
            for (CompletableFuture<String> f : inFlight) assertTrue(f.get(60, TimeUnit.SECONDS).startsWith("**"));
            h = Session.hover(lsp, uri, onCleanup);
            assertTrue(h.contains("binary prog looks like another build"), h);

            // The trace's build again (atomic rename), then the renamed-symbol build with the same size and mtime.
            install(prog, original, built);
            assertTrue(Session.hover(lsp, uri, onCleanup).startsWith("**cexc_leaf_segv** · C function"));
            install(prog, renamed, built);
            h = Session.hover(lsp, uri, onCleanup);
            assertTrue(h.startsWith("**cexc_leaf_SEGV** · C function"), "same size and mtime, other inode: " + h);

            // Rewritten in place (same inode), mtime set back: the change time still tells.
            Files.write(prog, original);
            Files.setLastModifiedTime(prog, built);
            h = Session.hover(lsp, uri, onCleanup);
            assertTrue(h.startsWith("**cexc_leaf_segv** · C function"), "same inode, size and mtime: " + h);

            assertArrayEquals(original, Files.readAllBytes(prog));
            assertEquals(built, Files.getLastModifiedTime(prog));
            try (var files = Files.list(dir)) {
                assertEquals(List.of(prog), files.toList(), "the server wrote next to the binary");
            }
            assertTrue(lsp.alive());
        }
        assertEquals(fixtureHash, sha256(Files.readAllBytes(c.executable())));
    }

    private static List<CompletableFuture<String>> hovers(LspProcess lsp, String uri, org.eclipse.lsp4j.Position p, int n) {
        List<CompletableFuture<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(lsp.server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(new org.eclipse.lsp4j.TextDocumentIdentifier(uri), p))
                    .thenApply(h -> h.getContents().getRight().getValue()));
        }
        return out;
    }

    /** Writes {@code bytes} to a sibling and renames it over {@code target}, the way linkers and package managers do. */
    private static void install(Path target, byte[] bytes, FileTime mtime) throws Exception {
        Path next = target.resolveSibling(target.getFileName() + ".new");
        Files.write(next, bytes);
        Files.setLastModifiedTime(next, mtime);
        Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] replaceAll(byte[] in, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII), b = to.getBytes(StandardCharsets.US_ASCII);
        byte[] out = in.clone();
        int n = 0;
        for (int i = 0; i + a.length <= out.length; i++) {
            boolean hit = true;
            for (int k = 0; k < a.length && hit; k++) hit = out[i + k] == a[k];
            if (hit) {
                System.arraycopy(b, 0, out, i, b.length);
                n++;
            }
        }
        if (n == 0) throw new IllegalStateException(from + " not in the binary");
        return out;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
