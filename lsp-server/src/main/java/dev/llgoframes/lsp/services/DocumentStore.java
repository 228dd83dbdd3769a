package dev.llgoframes.lsp.services;

import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Open documents by uri. Edits are applied in notification order by the caller (the JSON-RPC thread). */
public final class DocumentStore {
    private final Map<String, TextDocument> docs = new ConcurrentHashMap<>();

    public TextDocument open(String uri, String languageId, int version, String text) {
        TextDocument d = TextDocument.of(uri, languageId, version, text);
        docs.put(uri, d);
        return d;
    }

    /** Applies the changes in order; empty when the document is not open (the change is ignored). */
    public Optional<TextDocument> change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        TextDocument d = docs.get(uri);
        if (d == null) return Optional.empty();
        for (TextDocumentContentChangeEvent c : changes) {
            if (c != null) d = d.apply(c, version);
        }
        docs.put(uri, d);
        return Optional.of(d);
    }

    public Optional<TextDocument> close(String uri) {
        return Optional.ofNullable(docs.remove(uri));
    }

    public Optional<TextDocument> get(String uri) {
        return uri == null ? Optional.empty() : Optional.ofNullable(docs.get(uri));
    }

    public List<TextDocument> all() { return List.copyOf(docs.values()); }
}
