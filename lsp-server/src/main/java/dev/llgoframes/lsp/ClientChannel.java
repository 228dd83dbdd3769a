package dev.llgoframes.lsp;

import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the server says to the client: logs ({@code window/logMessage}, stderr before the client is
 * connected; never stdout, which carries the protocol), once-only warnings ({@code window/showMessage})
 * and diagnostics.
 */
public final class ClientChannel {
    private static final String WATCH_REGISTRATION_ID = "llgo-frames-watch-files";

    private final PrintStream stderr;
    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    private volatile LanguageClient client;

    public ClientChannel(PrintStream stderr) {
        this.stderr = stderr;
    }

    void connect(LanguageClient c) { this.client = c; }

    public void log(String message) {
        LanguageClient c = client;
        if (c != null) c.logMessage(new MessageParams(MessageType.Log, message));
        else stderr.println("llgo-frames-lsp: " + message);
    }

    /** Shows {@code message} the first time {@code key} is seen, and only logs it afterwards. */
    public void warnOnce(String key, String message) {
        if (!shown.add(key)) return;
        LanguageClient c = client;
        if (c != null) c.showMessage(new MessageParams(MessageType.Warning, message));
        log(message);
    }

    /**
     * Asks the client to report every created, changed and deleted file of the workspace
     * ({@code client/registerCapability} for {@code workspace/didChangeWatchedFiles}): binaries built
     * after start-up are found, rebuilt ones reloaded, and the path index follows new sources.
     */
    public void watchWorkspaceFiles() {
        LanguageClient c = client;
        if (c == null) return;
        FileSystemWatcher all = new FileSystemWatcher(Either.forLeft("**/*"));
        Registration r = new Registration(WATCH_REGISTRATION_ID, "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(List.of(all)));
        try {
            c.registerCapability(new RegistrationParams(List.of(r))).whenComplete((v, e) -> {
                if (e != null) log("the client refused to watch files: " + e.getMessage());
            });
        } catch (RuntimeException e) {
            log("the client cannot watch files: " + e);
        }
    }

    public void publish(PublishDiagnosticsParams p) {
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(p);
    }
}
