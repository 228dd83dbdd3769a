package dev.llgoframes.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.core.symbolize.SymbolizerPcResolver;
import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.GcViewOptions;
import dev.llgoframes.core.trace.GcViewResult;
import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.PcResolver;
import dev.llgoframes.core.trace.TextFrames;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.TraceParser;
import dev.llgoframes.core.trace.TraceViews;
import dev.llgoframes.core.trace.Traceback;
import dev.llgoframes.core.trace.ViewFrame;
import dev.llgoframes.core.trace.ViewGoroutine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code llgo-frames trace}: a pipe filter that passes other lines through and rewrites LLGo
 * tracebacks into the frames gc would show (or LLGo's shape with fixed names, with --raw).
 */
final class TraceCommand {
    private final InputStream in;
    private final PrintStream out;

    TraceCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    private enum Color { AUTO, ALWAYS, NEVER }

    int run(String[] args) throws UsageException, InputException {
        String binary = null;
        String goroot = null;
        String input = null;
        boolean json = false;
        boolean raw = false;
        boolean aggregate = false;
        Color color = Color.AUTO;
        PathMap map = new PathMap();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--binary") || a.equals("--map") || a.equals("--goroot")) {
                if (i + 1 >= args.length) {
                    throw new UsageException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--binary" -> binary = v;
                    case "--map" -> map.add(v);
                    default -> goroot = v;
                }
            } else if (a.startsWith("--binary=")) {
                binary = a.substring(9);
            } else if (a.startsWith("--map=")) {
                map.add(a.substring(6));
            } else if (a.startsWith("--goroot=")) {
                goroot = a.substring(9);
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--raw")) {
                raw = true;
            } else if (a.equals("--aggregate")) {
                aggregate = true;
            } else if (a.startsWith("--color")) {
                String v = a.startsWith("--color=") ? a.substring(8) : "always";
                color = switch (v) {
                    case "auto" -> Color.AUTO;
                    case "always" -> Color.ALWAYS;
                    case "never" -> Color.NEVER;
                    default -> throw new UsageException("--color takes auto, always or never");
                };
            } else if (a.equals("-") || !a.startsWith("-")) {
                if (input != null) {
                    throw new UsageException("trace reads one input, got '" + input + "' and '" + a + "'");
                }
                input = a;
            } else {
                throw new UsageException("unknown option '" + a + "'");
            }
        }
        PcResolver resolver = null;
        if (binary != null) {
            LlgoBinary bin = BinaryLoader.open(binary);
            resolver = new SymbolizerPcResolver(Symbolizer.of(bin));
        }
        String text = read(input);
        TraceDocument doc = TraceParser.parse(text);
        String tracedGoroot = tracedGoroot(doc);
        String localGoroot = goroot != null ? goroot : (tracedGoroot == null ? null : dev.llgoframes.core.paths.GoPaths.detectGoroot(System.getenv()).map(Path::toString).orElse(null));
        if (tracedGoroot != null && localGoroot != null && !tracedGoroot.equals(localGoroot)) {
            map.addPrefix(tracedGoroot + "/", localGoroot + "/");
        }
        GcViewOptions options = new GcViewOptions(localGoroot, null, null, null);
        if (json) {
            out.println(json(doc, resolver, options, map, binary));
            return Main.OK;
        }
        boolean useColor = color == Color.ALWAYS || (color == Color.AUTO && System.console() != null);
        filter(text, doc, resolver, options, map, raw, aggregate, useColor);
        return Main.OK;
    }

    private String read(String input) throws InputException {
        try {
            if (input == null || input.equals("-")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path p = Path.of(input);
            if (!Files.isRegularFile(p)) {
                throw new InputException(input + ": no such file");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException((input == null ? "stdin" : input) + ": cannot read: " + e.getMessage());
        }
    }

    private static String tracedGoroot(TraceDocument doc) {
        for (Traceback tb : doc.tracebacks()) {
            for (Goroutine g : tb.goroutines()) {
                for (TraceFrame f : g.frames()) {
                    String r = dev.llgoframes.core.paths.GoPaths.gorootOf(f.file()).orElse(null);
                    if (r != null && f.function() != null && f.function().startsWith("runtime")) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private void filter(String text, TraceDocument doc, PcResolver resolver, GcViewOptions options, PathMap map,
                        boolean raw, boolean aggregate, boolean color) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int lineCount = text.endsWith("\n") ? lines.length - 1 : lines.length;
        int next = 0;
        for (Traceback tb : doc.tracebacks()) {
            for (int i = next; i < tb.firstLineIndex() && i < lineCount; i++) {
                out.println(lines[i]);
            }
            String rendered;
            if (tb.dialect() == Dialect.GC && !aggregate) {
                rendered = String.join("\n", java.util.Arrays.copyOfRange(lines, tb.firstLineIndex(), tb.lastLineIndex() + 1)) + "\n";
            } else if (aggregate) {
                rendered = aggregated(tb, resolver, options);
            } else {
                rendered = raw ? TraceViews.llgoText(tb, resolver) : TraceViews.gcText(tb, resolver, options, false);
            }
            String[] outLines = rendered.split("\n", -1);
            int n = rendered.endsWith("\n") ? outLines.length - 1 : outLines.length;
            for (int i = 0; i < n; i++) {
                out.println(paint(map.applyToLine(outLines[i]), color));
            }
            next = tb.lastLineIndex() + 1;
        }
        for (int i = next; i < lineCount; i++) {
            out.println(lines[i]);
        }
    }

    /** panicparse-style buckets: goroutines with identical frames printed once with their ids. */
    private static String aggregated(Traceback tb, PcResolver resolver, GcViewOptions options) {
        Map<String, List<ViewGoroutine>> buckets = new LinkedHashMap<>();
        for (ViewGoroutine g : goroutines(tb, resolver, options)) {
            StringBuilder key = new StringBuilder(g.state()).append('|');
            for (ViewFrame f : g.frames()) {
                key.append(f.function()).append('@').append(f.file()).append(':').append(f.line()).append(';');
            }
            buckets.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(g);
        }
        StringBuilder b = new StringBuilder();
        for (List<ViewGoroutine> same : buckets.values()) {
            ViewGoroutine g = same.get(0);
            b.append(same.size()).append(same.size() == 1 ? " goroutine" : " goroutines").append(" [").append(g.state()).append("]: ");
            for (int i = 0; i < same.size() && i < 16; i++) {
                b.append(i == 0 ? "" : ", ").append(same.get(i).id());
            }
            if (same.size() > 16) {
                b.append(", …");
            }
            b.append('\n');
            for (ViewFrame f : g.frames()) {
                b.append("    ").append(f.function()).append("()\n\t").append(f.file() == null ? "?" : f.file())
                        .append(':').append(f.line() == null ? 0 : f.line()).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static List<ViewGoroutine> goroutines(Traceback tb, PcResolver resolver, GcViewOptions options) {
        List<ViewGoroutine> out = new ArrayList<>();
        if (tb.dialect() == Dialect.GC) {
            for (Goroutine g : tb.goroutines()) {
                List<ViewFrame> frames = new ArrayList<>();
                for (TraceFrame f : g.frames()) {
                    frames.add(TextFrames.of(f));
                }
                ViewFrame created = g.createdBy() == null ? null : TextFrames.of(g.createdBy());
                String panic = tb.finalPanic() == null ? null : tb.finalPanic().text();
                String signal = tb.signal() == null ? null : tb.signal().name();
                out.add(new ViewGoroutine(g.id(), g.state(), panic, signal, created, frames, null));
            }
            return out;
        }
        for (GcViewResult r : TraceViews.gcView(tb, resolver, options)) {
            out.add(r.goroutine());
        }
        return out;
    }

    private static String paint(String line, boolean color) {
        if (!color || line.isEmpty()) {
            return line;
        }
        if (line.startsWith("\t")) {
            return "\t\u001b[36m" + line.substring(1) + "\u001b[0m";
        }
        if (line.startsWith("goroutine ") || line.startsWith("panic: ") || line.startsWith("[signal")) {
            return "\u001b[1;31m" + line + "\u001b[0m";
        }
        int paren = line.lastIndexOf('(');
        return paren > 0 ? "\u001b[1m" + line.substring(0, paren) + "\u001b[0m" + line.substring(paren) : line;
    }

    private static String json(TraceDocument doc, PcResolver resolver, GcViewOptions options, PathMap map, String binary) {
        JsonObject root = new JsonObject();
        root.add("binary", binary == null ? JsonNull.INSTANCE : new JsonPrimitive(binary));
        JsonArray gs = new JsonArray();
        for (Traceback tb : doc.tracebacks()) {
            for (ViewGoroutine g : goroutines(tb, resolver, options)) {
                JsonObject o = new JsonObject();
                o.addProperty("id", g.id());
                o.addProperty("state", g.state());
                o.add("panic", str(g.panic()));
                o.add("signal", str(g.signal()));
                o.add("createdBy", g.createdBy() == null ? JsonNull.INSTANCE : frame(g.createdBy(), map));
                JsonArray frames = new JsonArray();
                for (ViewFrame f : g.frames()) {
                    frames.add(frame(f, map));
                }
                o.add("frames", frames);
                gs.add(o);
            }
        }
        root.add("goroutines", gs);
        root.addProperty("passthrough", doc.passthroughLines());
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }

    private static JsonElement str(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    private static JsonElement hex(Long v) {
        return v == null ? JsonNull.INSTANCE : new JsonPrimitive("0x" + Long.toHexString(v));
    }

    private static JsonObject frame(ViewFrame f, PathMap map) {
        JsonObject o = new JsonObject();
        o.addProperty("function", f.function());
        o.add("file", str(map.apply(f.file())));
        o.add("line", f.line() == null ? JsonNull.INSTANCE : new JsonPrimitive(f.line()));
        o.add("pc", hex(f.pc()));
        o.add("entry", hex(f.entry()));
        o.add("offset", hex(f.offset()));
        o.addProperty("kind", f.kind().name().toLowerCase());
        o.addProperty("provenance", f.provenance().name().toLowerCase());
        o.add("note", str(f.note()));
        return o;
    }
}
