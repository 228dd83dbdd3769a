package dev.llgoframes.lsp;

import dev.llgoframes.lsp.services.GoEnvironment;
import dev.llgoframes.lsp.services.Settings;
import dev.llgoframes.lsp.services.SettingsParser;
import dev.llgoframes.lsp.services.TraceCommands;
import dev.llgoframes.lsp.services.TraceWorkspace;
import dev.llgoframes.lsp.services.Uris;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lsp4j entry point: capabilities, lifecycle and the two executors. Requests run on a small pool off
 * the JSON-RPC thread; configuration and diagnostics run in order on one background thread. Requests
 * wait for the configuration in force when they arrived, so a hover right after initialize already sees
 * the binaries.
 */
public final class LlgoFramesLanguageServer implements LanguageServer, LanguageClientAware {
    static final String VERSION = "0.1.0";
    private static final long DIAGNOSTICS_DELAY_MILLIS = 150;
    private static final long REDISCOVERY_DELAY_MILLIS = 1_000;

    private final ClientChannel client;
    private final TraceWorkspace ws;
    private final ExecutorService requests = Executors.newFixedThreadPool(2, daemon("llgo-frames-request"));
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(daemon("llgo-frames-background"));
    private final TraceTextDocumentService documents;
    private final TraceWorkspaceService workspace;
    private final DiagnosticsPublisher diagnostics;
    private volatile CompletableFuture<Void> configured = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> pendingDiagnostics;
    private volatile boolean initialized;
    private volatile boolean clientWatchesFiles;
    private ScheduledFuture<?> pendingRediscovery;
    private volatile boolean shutdown;

    public LlgoFramesLanguageServer(ClientChannel client, GoEnvironment env) {
        this.client = client;
        this.ws = new TraceWorkspace(env, client::warnOnce, client::log);
        this.diagnostics = new DiagnosticsPublisher(ws, client);
        this.documents = new TraceTextDocumentService(this, ws);
        this.workspace = new TraceWorkspaceService(this, ws);
    }

    @Override
    public void connect(LanguageClient c) { client.connect(c); }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (initialized) throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "initialize was already received", null));
        initialized = true;
        List<Path> folders = new ArrayList<>();
        if (params != null && params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                if (f != null) Uris.toPath(f.getUri()).ifPresent(folders::add);
            }
        }
        if (folders.isEmpty() && params != null && params.getRootUri() != null) Uris.toPath(params.getRootUri()).ifPresent(folders::add);
        Settings s = SettingsParser.parse(params == null ? null : params.getInitializationOptions());
        reconfigure(s, folders);
        clientWatchesFiles = params != null && params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(TraceCommands.ALL));
        WorkspaceFoldersOptions wf = new WorkspaceFoldersOptions();
        wf.setSupported(true);
        wf.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(wf));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("llgo-frames-lsp", VERSION)));
    }

    @Override
    public void initialized(InitializedParams params) {
        client.log("initialized; workspace folders " + ws.folders());
        if (clientWatchesFiles) client.watchWorkspaceFiles();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        requests.shutdownNow();
        background.shutdownNow();
        System.exit(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() { return documents; }

    @Override
    public WorkspaceService getWorkspaceService() { return workspace; }

    ExecutorService requests() { return requests; }

    /** The LSP lifecycle for requests: ServerNotInitialized before initialize, InvalidRequest after shutdown. */
    void checkServing() {
        if (!initialized) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet", null));
        }
        if (shutdown) throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "the server is shutting down", null));
    }

    /** The lifecycle for notifications: dropped (and logged) before initialize and after shutdown. */
    boolean accepts(String notification) {
        if (initialized && !shutdown) return true;
        client.log("ignored " + notification + (initialized ? " after shutdown" : " before initialize"));
        return false;
    }

    ClientChannel client() { return client; }

    /** Applies new settings/folders on the background thread; later requests wait for it. */
    synchronized void reconfigure(Settings s, List<Path> folders) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        configured = f;
        background.execute(() -> {
            try {
                List<String> problems = ws.configure(s, folders);
                for (String p : problems) client.warnOnce("settings:" + p, "LLGo Frames settings: " + p);
                client.log("configured: " + ws.binaries().candidates().size() + " binaries, GOROOT "
                        + ws.paths().goroot().map(Path::toString).orElse("unknown"));
            } catch (RuntimeException e) {
                client.log("configuration failed: " + e);
            } finally {
                f.complete(null);
            }
        });
        scheduleDiagnostics();
    }

    /** Blocks a request thread until the configuration it arrived under is in force. */
    void awaitConfigured() {
        try {
            configured.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            client.log("configuration not finished: " + e);
        }
    }

    /**
     * Files were created or deleted: binaries may have appeared or gone. A build creates many files
     * at once, so the workspace is rescanned once the burst has settled.
     */
    synchronized void scheduleRediscovery() {
        if (pendingRediscovery != null) pendingRediscovery.cancel(false);
        pendingRediscovery = background.schedule(() -> reconfigure(ws.settings(), ws.folders()),
                REDISCOVERY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Coalesces bursts of edits into one recomputation. */
    synchronized void scheduleDiagnostics() {
        if (pendingDiagnostics != null) pendingDiagnostics.cancel(false);
        pendingDiagnostics = background.schedule(() -> {
            try {
                diagnostics.publish();
            } catch (RuntimeException e) {
                client.log("diagnostics failed: " + e);
            }
        }, DIAGNOSTICS_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
