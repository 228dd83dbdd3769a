package dev.llgoframes.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a child process ({@code java -cp <test classpath> dev.llgoframes.lsp.LspMain}) talking
 * stdio to an lsp4j client, with a private HOME so the module cache and GOROOT detection are the test's.
 */
public final class LspProcess implements AutoCloseable {
    final Process process;
    final LanguageServer server;
    final RecordingClient client = new RecordingClient();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private LspProcess(Process process) {
        this.process = process;
        Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        l.startListening();
        this.server = l.getRemoteProxy();
        Thread t = new Thread(() -> drain(process.getErrorStream()), "lsp-stderr");
        t.setDaemon(true);
        t.start();
    }

    public static LspProcess start(Path home, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), "dev.llgoframes.lsp.LspMain"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("GOMODCACHE");
        pb.environment().remove("GOPATH");
        pb.environment().remove("GOROOT");
        pb.environment().putAll(env);
        return new LspProcess(pb.start());
    }

    /** The forked test JVM's classpath (surefire's manifest-only jar hides it from java.class.path). */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    public InitializeResult initialize(List<Path> folders, JsonObject settings) throws Exception {
        return initialize(folders, settings, new ClientCapabilities());
    }

    public InitializeResult initialize(List<Path> folders, JsonObject settings, ClientCapabilities caps) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setCapabilities(caps);
        List<WorkspaceFolder> wf = new ArrayList<>();
        for (Path f : folders) wf.add(new WorkspaceFolder(f.toUri().toString(), f.getFileName().toString()));
        p.setWorkspaceFolders(wf);
        p.setInitializationOptions(settings);
        InitializeResult r = server.initialize(p).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    public void open(String uri, String languageId, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    }

    public boolean alive() { return process.isAlive(); }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (stderr) {
                    stderr.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
        } catch (Exception e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
