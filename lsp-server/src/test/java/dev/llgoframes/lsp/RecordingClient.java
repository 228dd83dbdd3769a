package dev.llgoframes.lsp;

import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A client that records what the server sends and lets tests wait for it. */
public final class RecordingClient implements LanguageClient {
    final List<MessageParams> shown = new ArrayList<>();
    final List<MessageParams> logged = new ArrayList<>();
    final List<org.eclipse.lsp4j.Registration> registrations = new ArrayList<>();
    final Map<String, List<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
        diagnostics.computeIfAbsent(p.getUri(), k -> new ArrayList<>()).add(p);
        notifyAll();
    }

    @Override
    public synchronized void showMessage(MessageParams m) {
        shown.add(m);
        notifyAll();
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams p) {
        registrations.addAll(p.getRegistrations());
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    public synchronized List<org.eclipse.lsp4j.Registration> registrations() { return List.copyOf(registrations); }

    @Override
    public synchronized void logMessage(MessageParams m) {
        logged.add(m);
    }

    public synchronized List<MessageParams> shown() { return List.copyOf(shown); }

    public synchronized List<MessageParams> logged() { return List.copyOf(logged); }

    /** The latest publication for {@code uri} once it satisfies {@code p}; fails after 20 s. */
    public synchronized PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> p)
            throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (true) {
            List<PublishDiagnosticsParams> l = diagnostics.get(uri);
            if (l != null && !l.isEmpty() && p.test(l.get(l.size() - 1))) return l.get(l.size() - 1);
            long left = end - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("no matching diagnostics for " + uri + "; got " + diagnostics.keySet() + ": " + l);
            wait(left);
        }
    }

    public synchronized void awaitShown(int count) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (shown.size() < count) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("expected " + count + " shown messages, got " + shown);
            wait(left);
        }
    }
}
