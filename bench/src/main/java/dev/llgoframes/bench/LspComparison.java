package dev.llgoframes.bench;

import dev.llgoframes.core.resolve.LlgoTracebackRenderer;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The language server on a 10,000-frame LLGo trace made from a fixture crash: cold start to
 * initialized, first documentLink, first hover, and the server's resident memory with the
 * binary loaded; next to the CLI doing the same re-symbolization of the same document
 * (`llgo-frames trace --binary`) as a process, in the same run. Writes bench/results/lsp.md.
 */
public final class LspComparison {
    private LspComparison() {}

    static final class QuietClient implements LanguageClient {
        @Override public void telemetryEvent(Object object) {}
        @Override public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {}
        @Override public void showMessage(MessageParams messageParams) {}
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }
        @Override public void logMessage(MessageParams message) {}
    }

    public static void main(String[] args) throws Exception {
        Path lspJar = Path.of(System.getProperty("llgoframes.lspJar", "lsp-server/target/llgo-frames-lsp.jar"));
        Path cliJar = Path.of(System.getProperty("llgoframes.cliJar", "cli/target/llgo-frames.jar"));
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie"));
        String trace = bigTrace(f, 10_000);
        Path dir = Files.createTempDirectory("lsp-bench");
        Path doc = dir.resolve("big.trace");
        Files.writeString(doc, trace);

        long t0 = System.nanoTime();
        Process server = new ProcessBuilder("java", "-jar", lspJar.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(new QuietClient(), server.getInputStream(), server.getOutputStream());
        l.startListening();
        LanguageServer s = l.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(f.executable().getParent().toUri().toString(), "fixture"),
                new WorkspaceFolder(Path.of(f.truth().anchors().get(0).file()).getParent().toUri().toString(), "src")));
        init.setInitializationOptions(Map.of("binaries", List.of(f.executable().toString()), "diagnostics", true));
        s.initialize(init).get(60, TimeUnit.SECONDS);
        s.initialized(new InitializedParams());
        long initialized = System.nanoTime() - t0;

        String uri = doc.toUri().toString();
        long t1 = System.nanoTime();
        s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "llgo-trace", 1, trace)));
        List<DocumentLink> links = s.getTextDocumentService().documentLink(new DocumentLinkParams(new TextDocumentIdentifier(uri)))
                .get(120, TimeUnit.SECONDS);
        long linksNs = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        int lastFrameLine = (int) trace.lines().takeWhile(x -> true).count() - 6;
        s.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(lastFrameLine, 2)))
                .get(60, TimeUnit.SECONDS);
        long hoverNs = System.nanoTime() - t2;
        long rssKb = rss(server.pid());
        s.shutdown().get(10, TimeUnit.SECONDS);
        s.exit();
        server.waitFor(10, TimeUnit.SECONDS);
        server.destroyForcibly();

        long cliNs = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long c0 = System.nanoTime();
            Process cli = new ProcessBuilder("java", "-jar", cliJar.toString(), "trace", "--color=never", "--binary",
                    f.executable().toString(), doc.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            cli.getInputStream().transferTo(OutputStream.nullOutputStream());
            cli.waitFor();
            cliNs = Math.min(cliNs, System.nanoTime() - c0);
        }
        Fixture large = BenchFixtures.largePrebuilt();
        long largeKb = serverRssWith(lspJar, large);
        long gdbKb = gdbRssWith(large);

        String report = String.format(Locale.ROOT, String.join("\n",
                "| language server on a 10,000-frame LLGo trace (fixture nopie) | time | vs CLI `trace --binary` on the same file |",
                "| --- | --- | --- |",
                "| cold start to initialized | %.0f ms | |",
                "| didOpen + first documentLink (%d links) | %.0f ms | %s |",
                "| first hover (last frame) | %.0f ms | |",
                "| server resident memory with the binary loaded | %.0f MiB | |",
                "| CLI process, whole document re-symbolized to gc's view (peer) | %.0f ms | 1.00× |",
                "",
                "| memory with the ~%d-function binary (%s) loaded | resident | vs gdb with the same binary |",
                "| --- | --- | --- |",
                "| language server, binary configured and loaded | %.0f MiB | %s |",
                "| gdb -nx, symbols read, waiting at its prompt (peer) | %.0f MiB | 1.00× |",
                ""),
                initialized / 1e6, links.size(), linksNs / 1e6, PeerComparison.ratio(cliNs, linksNs), hoverNs / 1e6,
                rssKb / 1024.0, cliNs / 1e6,
                BenchFixtures.FUNCTIONS, "prebuilt LLGOFTB1", largeKb / 1024.0, memoryRatio(largeKb, gdbKb), gdbKb / 1024.0);
        System.out.println(report);
        Path out = Path.of("bench/results/lsp.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The fixture's crash rendered as LLGo prints it, its Go frames repeated to {@code frames}. */
    static String bigTrace(Fixture f, int frames) throws Exception {
        Process p = new ProcessBuilder(f.executable().toString(), "segv").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<Long> pcs = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("fixture-frame: 0x")) {
                pcs.add(Long.parseUnsignedLong(line.substring(17).trim(), 16));
            }
        }
        List<Long> many = new ArrayList<>(pcs.subList(0, 5));
        while (many.size() < frames) {
            many.add(pcs.get(5));   // main.callC
            many.add(pcs.get(6));   // main.viaGo
        }
        many.addAll(pcs.subList(7, pcs.size()));
        LlgoBinary bin = LlgoBinary.open(f.executable());
        return "panic: runtime error: invalid memory address or nil pointer dereference\n\n"
                + new LlgoTracebackRenderer(bin.resolver()).faultTraceback(many);
    }

    /** The server's resident memory once {@code f} is configured and loaded (a symbols request waits for it). */
    static long serverRssWith(Path lspJar, Fixture f) throws Exception {
        Process server = new ProcessBuilder("java", "-jar", lspJar.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(new QuietClient(), server.getInputStream(), server.getOutputStream());
            l.startListening();
            LanguageServer s = l.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            init.setInitializationOptions(Map.of("binaries", List.of(f.executable().toString())));
            s.initialize(init).get(60, TimeUnit.SECONDS);
            s.initialized(new InitializedParams());
            // a trace of this binary: its hover needs the loaded tables
            String trace = "panic: boom\n\ngoroutine 1 [running]:\nmain.main(...)\n\t/src/main.go:3 +0x10\n";
            String uri = Files.createTempFile("lsp-bench", ".trace").toUri().toString();
            s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "llgo-trace", 1, trace)));
            s.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 2))).get(120, TimeUnit.SECONDS);
            long kb = rss(server.pid());
            s.shutdown().get(10, TimeUnit.SECONDS);
            s.exit();
            server.waitFor(10, TimeUnit.SECONDS);
            return kb;
        } finally {
            server.destroyForcibly();
        }
    }

    /** gdb's resident memory with {@code f}'s symbols read (and its DWARF, if any), idle at its prompt. */
    static long gdbRssWith(Fixture f) throws Exception {
        Process gdb = new ProcessBuilder("gdb", "-nx", "-q", "-readnow", f.executable().toString())
                .redirectErrorStream(true).start();
        try {
            OutputStream in = gdb.getOutputStream();
            in.write("info line main.main\necho READY\\n\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(gdb.getInputStream(), StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null && !line.contains("READY"); line = r.readLine()) {
                // wait until gdb has read everything and answered
            }
            long kb = rss(gdb.pid());
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            gdb.waitFor(10, TimeUnit.SECONDS);
            return kb;
        } finally {
            gdb.destroyForcibly();
        }
    }

    private static String memoryRatio(long oursKb, long peerKb) {
        double r = (double) oursKb / peerKb;
        return String.format(Locale.ROOT, "%.1f× %s", r >= 1 ? r : 1 / r, r >= 1 ? "more" : "less");
    }

    private static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
