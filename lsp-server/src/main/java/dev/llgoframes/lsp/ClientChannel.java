package dev.llgoframes.lsp;

import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the server says to the client: logs ({@code window/logMessage}, stderr before the client is
 * connected; never stdout, which carries the protocol), once-only warnings ({@code window/showMessage})
 * and diagnostics.
 */
public final class ClientChannel {
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

    public void publish(PublishDiagnosticsParams p) {
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(p);
    }
}
