package dev.llgoframes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small request builders over an {@link LspProcess}, so tests read like the scenario. */
final class Session {
    private Session() {}

    static JsonObject settings(List<Path> binaries) {
        JsonObject s = new JsonObject();
        JsonArray b = new JsonArray();
        for (Path p : binaries) b.add(p.toString());
        s.add("binaries", b);
        return s;
    }

    static List<DocumentLink> links(LspProcess lsp, String uri) throws Exception {
        return lsp.server.getTextDocumentService().documentLink(new DocumentLinkParams(new TextDocumentIdentifier(uri)))
                .get(60, TimeUnit.SECONDS);
    }

    static String hover(LspProcess lsp, String uri, Position p) throws Exception {
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), p)).get(60, TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    static List<DocumentSymbol> symbols(LspProcess lsp, String uri) throws Exception {
        return lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                .get(60, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
    }

    static List<FoldingRange> folding(LspProcess lsp, String uri) throws Exception {
        return lsp.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri)))
                .get(60, TimeUnit.SECONDS);
    }

    static List<? extends CodeLens> lenses(LspProcess lsp, String uri) throws Exception {
        return lsp.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(60, TimeUnit.SECONDS);
    }

    /** The command's result as JSON (the client decodes untyped results into maps, lists and strings). */
    static JsonElement execute(LspProcess lsp, String command, JsonElement argument) throws Exception {
        return execute(lsp, command, List.of(argument));
    }

    static JsonElement execute(LspProcess lsp, String command, List<Object> arguments) throws Exception {
        Object r = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(command, arguments))
                .get(60, TimeUnit.SECONDS);
        return new com.google.gson.Gson().toJsonTree(r);
    }
}
