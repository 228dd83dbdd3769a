package dev.llgoframes.lsp;

import dev.llgoframes.lsp.services.CodeLenses;
import dev.llgoframes.lsp.services.DocumentLinks;
import dev.llgoframes.lsp.services.DocumentRole;
import dev.llgoframes.lsp.services.DocumentSymbols;
import dev.llgoframes.lsp.services.FoldingRanges;
import dev.llgoframes.lsp.services.HoverService;
import dev.llgoframes.lsp.services.TextDocument;
import dev.llgoframes.lsp.services.TraceAnalysis;
import dev.llgoframes.lsp.services.TraceWorkspace;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Routes text-document notifications and requests. Notifications update the store in order on the
 * JSON-RPC thread (cheap); requests parse/compute on the request pool, honouring cancellation. Unknown
 * documents get empty answers; missing parameters get InvalidParams.
 */
final class TraceTextDocumentService implements TextDocumentService {
    private final LlgoFramesLanguageServer server;
    private final TraceWorkspace ws;
    private final DocumentLinks links;
    private final HoverService hovers;
    private final DocumentSymbols symbols;
    private final FoldingRanges folding;
    private final CodeLenses lenses;
    private final DocumentQueue queue;

    TraceTextDocumentService(LlgoFramesLanguageServer server, TraceWorkspace ws) {
        this.server = server;
        this.ws = ws;
        this.links = new DocumentLinks(ws);
        this.hovers = new HoverService(ws);
        this.symbols = new DocumentSymbols(ws);
        this.folding = new FoldingRanges(ws);
        this.lenses = new CodeLenses(ws);
        this.queue = new DocumentQueue(server.requests());
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        if (!server.accepts("didOpen")) return;
        if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
            server.client().log("ignored didOpen without a document");
            return;
        }
        var d = params.getTextDocument();
        TextDocument doc = ws.documents().open(d.getUri(), d.getLanguageId(), d.getVersion(), d.getText());
        if (ws.role(doc) == DocumentRole.TRACE) server.scheduleDiagnostics();
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (!server.accepts("didChange")) return;
        if (params == null || params.getTextDocument() == null || params.getContentChanges() == null) return;
        String uri = params.getTextDocument().getUri();
        Optional<TextDocument> doc = ws.documents().change(uri, params.getTextDocument().getVersion(), params.getContentChanges());
        if (doc.isEmpty()) {
            server.client().log("ignored didChange for unopened document " + uri);
            return;
        }
        if (ws.role(doc.get()) == DocumentRole.TRACE) server.scheduleDiagnostics();
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (!server.accepts("didClose")) return;
        if (params == null || params.getTextDocument() == null) return;
        String uri = params.getTextDocument().getUri();
        Optional<TextDocument> doc = ws.documents().close(uri);
        ws.forget(uri);
        if (doc.isPresent() && ws.role(doc.get()) == DocumentRole.TRACE) server.scheduleDiagnostics();
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the text arrives through didChange; nothing to do on save
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        server.checkServing();
        return onTrace(id(params == null ? null : params.getTextDocument()), List.of(), (a, cancel) -> links.links(a, cancel));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        server.checkServing();
        TextDocumentIdentifier id = id(params == null ? null : params.getTextDocument());
        if (params.getPosition() == null) throw invalid("position is required");
        return onTrace(id, null, (a, cancel) -> {
            int offset = a.document().lines().offsetOf(params.getPosition());
            return offset < 0 ? null : hovers.hover(a, offset).orElse(null);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        server.checkServing();
        return onTrace(id(params == null ? null : params.getTextDocument()), List.of(),
                (a, cancel) -> symbols.symbols(a, cancel).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        server.checkServing();
        return onTrace(id(params == null ? null : params.getTextDocument()), List.of(), (a, cancel) -> folding.ranges(a, cancel));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        server.checkServing();
        return onTrace(id(params == null ? null : params.getTextDocument()), List.of(), (a, cancel) -> lenses.lenses(a));
    }

    /** Runs {@code f} on the request pool for a trace document; {@code empty} when it is unknown or not a trace. */
    private <R> CompletableFuture<R> onTrace(TextDocumentIdentifier id, R empty, BiFunction<TraceAnalysis, CancelChecker, R> f) {
        String uri = id.getUri();
        return queue.submit(uri, cancel -> {
            server.awaitConfigured();
            cancel.checkCanceled();
            Optional<TraceAnalysis> a = ws.analysis(uri);
            if (a.isEmpty()) return empty;
            cancel.checkCanceled();
            return f.apply(a.get(), cancel);
        });
    }

    private static TextDocumentIdentifier id(TextDocumentIdentifier id) {
        if (id == null || id.getUri() == null) throw invalid("textDocument.uri is required");
        return id;
    }

    static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
