package dev.llgoframes.lsp;

import dev.llgoframes.lsp.services.CommandException;
import dev.llgoframes.lsp.services.SettingsParser;
import dev.llgoframes.lsp.services.TraceCommands;
import dev.llgoframes.lsp.services.TraceWorkspace;
import dev.llgoframes.lsp.services.Uris;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Routes workspace notifications (configuration, folders, watched files) and commands. */
final class TraceWorkspaceService implements WorkspaceService {
    private final LlgoFramesLanguageServer server;
    private final TraceWorkspace ws;
    private final TraceCommands commands;

    TraceWorkspaceService(LlgoFramesLanguageServer server, TraceWorkspace ws) {
        this.server = server;
        this.ws = ws;
        this.commands = new TraceCommands(ws);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (params == null || !server.accepts("didChangeConfiguration")) return;
        server.reconfigure(SettingsParser.parse(params.getSettings()), ws.folders());
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        if (params == null || params.getEvent() == null || !server.accepts("didChangeWorkspaceFolders")) return;
        List<Path> folders = new ArrayList<>(ws.folders());
        if (params.getEvent().getRemoved() != null) {
            for (WorkspaceFolder f : params.getEvent().getRemoved()) Uris.toPath(f.getUri()).ifPresent(folders::remove);
        }
        if (params.getEvent().getAdded() != null) {
            for (WorkspaceFolder f : params.getEvent().getAdded()) Uris.toPath(f.getUri()).ifPresent(folders::add);
        }
        server.reconfigure(ws.settings(), folders);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        if (params == null || params.getChanges() == null || !server.accepts("didChangeWatchedFiles")) return;
        boolean structure = false;
        for (FileEvent e : params.getChanges()) {
            if (e == null) continue;
            Uris.toPath(e.getUri()).ifPresent(ws.binaries()::invalidate);
            structure |= e.getType() != FileChangeType.Changed;
        }
        if (structure) {
            ws.filesChanged();
            server.scheduleRediscovery();
        }
        server.scheduleDiagnostics();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        server.checkServing();
        if (params == null || params.getCommand() == null) throw TraceTextDocumentService.invalid("command is required");
        return CompletableFutures.computeAsync(server.requests(), cancel -> {
            server.awaitConfigured();
            try {
                return commands.execute(params.getCommand(), params.getArguments());
            } catch (CommandException e) {
                throw TraceTextDocumentService.invalid(params.getCommand() + ": " + e.getMessage());
            }
        });
    }
}
