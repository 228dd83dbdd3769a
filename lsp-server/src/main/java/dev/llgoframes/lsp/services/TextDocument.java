package dev.llgoframes.lsp.services;

import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** One open document: immutable snapshot of uri, language, version and text. */
public record TextDocument(String uri, String languageId, int version, String text, LineIndex lines) {

    public static TextDocument of(String uri, String languageId, int version, String text) {
        String t = text == null ? "" : text;
        return new TextDocument(uri, languageId == null ? "" : languageId, version, t, new LineIndex(t));
    }

    /** The document after one content change (a range edit, or the whole text when the range is absent). */
    public TextDocument apply(TextDocumentContentChangeEvent change, int newVersion) {
        String t = change.getText() == null ? "" : change.getText();
        Range r = change.getRange();
        if (r == null) return of(uri, languageId, newVersion, t);
        // Clamped: a client that is one line off must not lose the document.
        int a = lines.clampedOffsetOf(r.getStart());
        int b = lines.clampedOffsetOf(r.getEnd());
        if (b < a) { int x = a; a = b; b = x; }
        String next = text.substring(0, a) + t + text.substring(b);
        return of(uri, languageId, newVersion, next);
    }
}
