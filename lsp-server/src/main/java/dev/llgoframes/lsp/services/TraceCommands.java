package dev.llgoframes.lsp.services;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.GcViewOptions;
import dev.llgoframes.core.trace.LocationToken;
import dev.llgoframes.core.trace.PcResolver;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.TraceParser;
import dev.llgoframes.core.trace.TraceViews;
import dev.llgoframes.core.trace.Traceback;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code workspace/executeCommand}: symbolize raw pcs, the gc view or re-symbolized LLGo text of a
 * document, and the terminal-link lookup of one printed line. Arguments are one JSON object.
 */
public final class TraceCommands {
    public static final String SYMBOLIZE = "llgoFrames.symbolize";
    public static final String GC_VIEW = "llgoFrames.gcView";
    public static final String RESYMBOLIZE = "llgoFrames.resymbolize";
    public static final String RESOLVE_LOCATION = "llgoFrames.resolveLocation";
    public static final List<String> ALL = List.of(SYMBOLIZE, GC_VIEW, RESYMBOLIZE, RESOLVE_LOCATION);

    private final TraceWorkspace ws;

    public TraceCommands(TraceWorkspace ws) {
        this.ws = ws;
    }

    public Object execute(String command, List<Object> arguments) {
        JsonObject args = argument(arguments);
        return switch (command == null ? "" : command) {
            case SYMBOLIZE -> symbolize(args);
            case GC_VIEW -> view(args, true);
            case RESYMBOLIZE -> view(args, false);
            case RESOLVE_LOCATION -> resolveLocation(args);
            default -> throw new CommandException("unknown command '" + command + "'; supported: " + ALL);
        };
    }

    private static JsonObject argument(List<Object> arguments) {
        if (arguments == null || arguments.isEmpty()) return new JsonObject();
        Object a = arguments.get(0);
        if (a instanceof JsonElement e && e.isJsonObject()) return e.getAsJsonObject();
        throw new CommandException("expected one JSON object argument, got " + a);
    }

    /** Same shape as the CLI's {@code symbolize --json}. */
    private JsonArray symbolize(JsonObject args) {
        String bin = string(args, "binary", true);
        JsonElement pcs = args.get("pcs");
        if (pcs == null || !pcs.isJsonArray()) throw new CommandException("pcs: expected a list of hexadecimal pcs");
        boolean ra = args.has("returnAddresses") && args.get("returnAddresses").isJsonPrimitive() && args.get("returnAddresses").getAsBoolean();
        Path p = path(bin, "binary");
        LoadedBinary b = ws.binaries().explicit(p).orElseThrow(() -> new CommandException(ws.binaries().whyNot(p)));
        JsonArray out = new JsonArray();
        com.google.gson.Gson gson = new com.google.gson.GsonBuilder().serializeNulls().create();
        for (JsonElement e : pcs.getAsJsonArray()) {
            SymbolizedPc r = b.symbolizer().symbolize(parsePc(e), ra);
            out.add(gson.toJsonTree(r.jsonFields()));   // the CLI's symbolize --json shape, from the core
        }
        return out;
    }

    static long parsePc(JsonElement e) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            long v = e.getAsLong();
            if (v < 0) throw new CommandException("pcs: negative pc " + v);
            return v;
        }
        String tok = e != null && e.isJsonPrimitive() ? e.getAsString().trim() : "";
        String h = tok.startsWith("0x") || tok.startsWith("0X") ? tok.substring(2) : tok;
        if (h.isEmpty() || h.length() > 16 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new CommandException("pcs: '" + (e == null ? "" : e) + "' is not a hexadecimal pc");
        }
        return Long.parseUnsignedLong(h, 16);
    }

    /** The document with LLGo tracebacks rewritten (gc view, or LLGo's shape with real names); other lines as they are. */
    private String view(JsonObject args, boolean gc) {
        String uri = string(args, "uri", true);
        TraceAnalysis a = ws.analysis(uri).orElseThrow(() -> new CommandException("no open trace document " + uri));
        Interpretation interp = ws.interpret(a);
        PcResolver resolver = interp.resolver();
        GcViewOptions opt = new GcViewOptions(ws.paths().goroot().map(Path::toString).orElse(null), null, null, null);
        List<Traceback> tbs = a.trace().tracebacks();
        JsonElement only = args.get("traceback");
        if (only != null && !only.isJsonNull()) {
            int i = only.isJsonPrimitive() && only.getAsJsonPrimitive().isNumber() ? only.getAsInt() : -1;
            if (i < 0 || i >= tbs.size()) throw new CommandException("traceback: no traceback " + only + " (document has " + tbs.size() + ")");
            return render(a, tbs.get(i), resolver, opt, gc);
        }
        String text = a.document().text();
        LineIndex lines = a.document().lines();
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (Traceback tb : tbs) {
            for (int i = next; i < tb.firstLineIndex(); i++) appendLine(b, text, lines, i);
            b.append(render(a, tb, resolver, opt, gc));
            next = tb.lastLineIndex() + 1;
        }
        int count = a.trace().lineCount();
        for (int i = next; i < count && i < lines.lineCount(); i++) appendLine(b, text, lines, i);
        return b.toString();
    }

    private static String render(TraceAnalysis a, Traceback tb, PcResolver resolver, GcViewOptions opt, boolean gc) {
        if (tb.dialect() == Dialect.GC) {
            LineIndex lines = a.document().lines();
            StringBuilder b = new StringBuilder();
            for (int i = tb.firstLineIndex(); i <= tb.lastLineIndex(); i++) appendLine(b, a.document().text(), lines, i);
            return b.toString();
        }
        return gc ? TraceViews.gcText(tb, resolver, opt, false) : TraceViews.llgoText(tb, resolver);
    }

    private static void appendLine(StringBuilder b, String text, LineIndex lines, int i) {
        b.append(text, lines.lineStart(i), lines.lineEnd(i, text)).append('\n');
    }

    /** One terminal line → {@code {uri, line}} of its source location, or null. */
    private JsonElement resolveLocation(JsonObject args) {
        String line = string(args, "line", true);
        String cwd = string(args, "cwd", false);
        Path dir = cwd == null ? null : path(cwd, "cwd");
        Optional<LocationToken> tok = locationIn(line);
        if (tok.isEmpty()) return JsonNull.INSTANCE;
        Resolution r = ws.paths().resolve(tok.get().file(), dir);
        if (!r.resolved()) return JsonNull.INSTANCE;
        JsonObject o = new JsonObject();
        o.addProperty("uri", Uris.of(r.path()));
        o.addProperty("line", tok.get().line());
        return o;
    }

    /**
     * The location in a single line: a log/slog/test line as the parser sees it, else a frame's
     * location line (terminals often turn its tab into spaces), read by parsing it under a dummy frame.
     */
    static Optional<LocationToken> locationIn(String line) {
        String l = line.replace("\r", "").replace("\n", "");
        TraceDocument d = TraceParser.parse(l);
        if (!d.locations().isEmpty()) return Optional.of(d.locations().get(0));
        TraceDocument f = TraceParser.parse("goroutine 1 [running]:\nx.f()\n\t" + l.strip() + "\n");
        for (Traceback tb : f.tracebacks()) {
            for (var g : tb.goroutines()) {
                for (TraceFrame fr : g.frames()) {
                    if (fr.hasSourceFile() && fr.line() != null) {
                        return Optional.of(new LocationToken(LocationToken.Kind.FRAME, fr.file(), fr.line(), fr.locationRange(), 0));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String string(JsonObject o, String key, boolean required) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) throw new CommandException(key + ": required");
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw new CommandException(key + ": expected a string, got " + e);
        return e.getAsString();
    }

    private static Path path(String s, String what) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new CommandException(what + ": invalid path '" + s + "'");
        }
    }

    private static JsonElement str(String s) { return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s); }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
