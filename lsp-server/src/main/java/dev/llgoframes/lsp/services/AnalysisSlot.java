package dev.llgoframes.lsp.services;

/**
 * The analysis of one document version, parsed on first use by whoever needs it first. Parsing happens
 * outside the analyses map, so a huge document being parsed never holds a lock another document needs.
 */
final class AnalysisSlot {
    private final TextDocument document;
    private TraceAnalysis analysis;

    AnalysisSlot(TextDocument document) {
        this.document = document;
    }

    TextDocument document() { return document; }

    synchronized TraceAnalysis get() {
        if (analysis == null) analysis = TraceAnalysis.of(document);
        return analysis;
    }
}
