package dev.llgoframes.lsp.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The server's state behind one facade (as lemminx's language service): open documents, their parsed
 * analyses, settings, workspace folders, binaries and path resolution. Features read it; only the
 * protocol layer writes it.
 */
public final class TraceWorkspace {
    private final DocumentStore documents = new DocumentStore();
    private final Map<String, AnalysisSlot> analyses = new ConcurrentHashMap<>();
    private final GoEnvironment env;
    private final BinaryRegistry registry;
    private final Interpreter interpreter;
    private final SourceLines sources = new SourceLines();
    private volatile Settings settings = Settings.DEFAULT;
    private volatile List<Path> folders = List.of();
    private volatile PathResolver paths;
    private volatile WorkspaceFileIndex index;

    public TraceWorkspace(GoEnvironment env, BinaryRegistry.Notifier notifier, Consumer<String> log) {
        this.env = env;
        this.registry = new BinaryRegistry(notifier, log);
        this.interpreter = new Interpreter(registry);
        this.paths = newResolver();
    }

    public DocumentStore documents() { return documents; }

    public BinaryRegistry binaries() { return registry; }

    public SourceLines sources() { return sources; }

    public Settings settings() { return settings; }

    public List<Path> folders() { return folders; }

    public PathResolver paths() { return paths; }

    /**
     * New settings and folders. Walks the disk (GOROOT detection, binary discovery): call off the
     * JSON-RPC thread. Returns the problems found in the settings.
     */
    public List<String> configure(Settings s, List<Path> workspaceFolders) {
        this.settings = s;
        this.folders = List.copyOf(workspaceFolders);
        this.index = null;
        this.paths = newResolver();
        List<String> problems = new java.util.ArrayList<>(s.problems());
        registry.configure(s, folders, problems);
        return problems;
    }

    /** Files were created or deleted: the suffix index and cached answers are out of date. */
    public void filesChanged() {
        this.index = null;
        this.paths = newResolver();
    }

    private PathResolver newResolver() {
        return new PathResolver(settings, folders, env.goroot(settings), env.moduleCache(), this::fileIndex);
    }

    private WorkspaceFileIndex fileIndex() {
        WorkspaceFileIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) index = i = WorkspaceFileIndex.scan(folders);
            }
        }
        return i;
    }

    public DocumentRole role(TextDocument d) {
        return DocumentRole.of(d.languageId(), d.uri(), d.text());
    }

    /** The parsed current version of a trace document; empty for unknown or non-trace documents. */
    public Optional<TraceAnalysis> analysis(String uri) {
        Optional<TextDocument> d = documents.get(uri);
        if (d.isEmpty() || role(d.get()) != DocumentRole.TRACE) return Optional.empty();
        TextDocument doc = d.get();
        AnalysisSlot slot = analyses.compute(uri, (k, old) -> old != null && old.document() == doc ? old : new AnalysisSlot(doc));
        TraceAnalysis a = slot.get();
        // Closed meanwhile: do not keep the analysis of a document nobody has open.
        if (documents.get(uri).isEmpty()) analyses.remove(uri, slot);
        return Optional.of(a);
    }

    public List<TraceAnalysis> traceAnalyses() {
        return documents.all().stream().map(d -> analysis(d.uri())).flatMap(Optional::stream).toList();
    }

    public void forget(String uri) { analyses.remove(uri); }

    public Interpretation interpret(TraceAnalysis a) { return interpreter.of(a); }

    public FrameInsight insight(TraceAnalysis a, FrameRef ref) { return FrameInsights.of(a, interpret(a), ref); }
}
