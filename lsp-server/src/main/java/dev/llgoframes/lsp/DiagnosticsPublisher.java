package dev.llgoframes.lsp;

import dev.llgoframes.lsp.services.PanicDiagnostics;
import dev.llgoframes.lsp.services.TraceWorkspace;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes the Go-file diagnostics of all open traces and clears the files that no longer get any
 * (trace closed or edited, setting switched off). Runs on the server's single background thread, so
 * publications never interleave.
 */
final class DiagnosticsPublisher {
    private final TraceWorkspace ws;
    private final PanicDiagnostics diagnostics;
    private final ClientChannel client;
    private Set<String> published = new HashSet<>();

    DiagnosticsPublisher(TraceWorkspace ws, ClientChannel client) {
        this.ws = ws;
        this.diagnostics = new PanicDiagnostics(ws);
        this.client = client;
    }

    void publish() {
        Map<String, List<Diagnostic>> now = diagnostics.compute(ws.traceAnalyses());
        for (String uri : published) {
            if (!now.containsKey(uri)) client.publish(new PublishDiagnosticsParams(uri, List.of()));
        }
        for (Map.Entry<String, List<Diagnostic>> e : now.entrySet()) {
            client.publish(new PublishDiagnosticsParams(e.getKey(), e.getValue()));
        }
        published = new HashSet<>(now.keySet());
    }
}
