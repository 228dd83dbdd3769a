package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.GoNames;
import dev.llgoframes.core.trace.LocationToken;
import dev.llgoframes.core.trace.ViewFrame;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code textDocument/hover} on a frame (its function or its {@code file:line}) or on a log/slog/test
 * location: what the frame is, where its source is (with the line itself), where that answer came from
 * and, with a binary, the pc facts and everything that differs from what was printed.
 */
public final class HoverService {
    private final TraceWorkspace ws;

    public HoverService(TraceWorkspace ws) {
        this.ws = ws;
    }

    public Optional<Hover> hover(TraceAnalysis a, int offset) {
        Optional<Target> t = a.targetAt(offset);
        if (t.isEmpty()) return Optional.empty();
        String md = t.get().kind() == Target.Kind.LOG ? location(t.get().location()) : frame(a, t.get().frame());
        Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, md));
        h.setRange(a.document().lines().rangeOf(t.get().start(), t.get().end()));
        return Optional.of(h);
    }

    /** The markdown for one frame; public so tests and the terminal command can show the same text. */
    public String frame(TraceAnalysis a, FrameRef ref) {
        Interpretation interp = ws.interpret(a);
        FrameInsight fi = FrameInsights.of(a, interp, ref);
        ViewFrame v = fi.view();
        StringBuilder b = new StringBuilder();
        String name = v.function() == null ? fi.printed().function() : v.function();
        String pkg = v.kind() == FrameKind.C ? null : GoSymbols.packageOf(name);
        b.append("**").append(md(name)).append("** · ").append(kindWord(v.kind()));
        if (pkg != null) b.append(" · package `").append(pkg).append('`');
        if (fi.ref().createdBy()) b.append(" · created the goroutine");
        b.append("\n\n");
        String gcName = v.kind() == FrameKind.C ? name : GoNames.gcName(name);
        if (gcName != null && !gcName.equals(name)) b.append("gc spells it `").append(gcName).append("`\n\n");

        List<String> notes = new ArrayList<>(fi.notes());
        if (fi.file() != null && fi.line() != null) {
            source(b, fi.file(), fi.line(), notes);
        } else if (fi.noLinkReason() != null) {
            b.append("No link: ").append(md(fi.noLinkReason())).append("\n\n");
        } else if (v.file() != null && v.line() != null) {
            source(b, v.file(), v.line(), notes); // pc-only frame placed by the binary
        } else {
            b.append("No source location printed").append(fi.printed().printedPc() != null
                    ? " (pc `0x" + Long.toHexString(fi.printed().printedPc()) + "` as printed)" : "").append("\n\n");
        }

        b.append('*').append(provenance(fi)).append('*');
        if (fi.binary() != null) {
            if (v.pc() != null) b.append(" · pc `").append(hex(v.pc())).append('`');
            if (v.entry() != null) b.append(" · entry `").append(hex(v.entry())).append('`');
            if (v.offset() != null) b.append(" · offset `+").append(hex(v.offset())).append('`');
        } else if (fi.printed().offset() != null) {
            b.append(" · offset `+").append(hex(fi.printed().offset())).append("` as printed");
        }
        b.append("\n\n");
        if (fi.binary() == null && fi.traceback().dialect() == Dialect.LLGO) {
            interp.match().filter(BinaryMatcher.Score::mismatched).ifPresent(s -> notes.add("binary " + s.binary().name()
                    + " looks like another build (" + (s.checked() - s.consistent()) + " of " + s.checked()
                    + " frames land elsewhere): not used"));
            if (interp.noBinary() != null) notes.add("no binary: " + interp.noBinary());
        }
        for (String n : notes) b.append("- ").append(md(n)).append('\n');
        return b.toString().stripTrailing();
    }

    private void source(StringBuilder b, String file, int line, List<String> notes) {
        Resolution r = ws.paths().resolve(file);
        String loc = FrameInsights.baseName(file) + ":" + line;
        if (!r.resolved()) {
            b.append('`').append(file).append(':').append(line).append("` — not found locally, so no link:\n");
            for (String t : r.tried()) b.append("- ").append(md(t)).append('\n');
            b.append('\n');
            return;
        }
        b.append('`').append(loc).append("` · ").append(md(r.path().toString()));
        if (!r.how().equals("as printed")) b.append(" (").append(md(r.how())).append(')');
        b.append("\n\n");
        Optional<String> text = ws.sources().line(r.path(), line);
        if (text.isPresent()) {
            b.append("```").append(GoSymbols.fenceLanguage(file)).append('\n').append(text.get().strip()).append("\n```\n\n");
            if (text.get().strip().equals("}") && GoSymbols.fenceLanguage(file).equals("go")) {
                notes.add(0, "deferred call: attributed to the closing brace, as gc does");
            }
        } else {
            notes.add("line " + line + " is past the end of " + r.path().getFileName() + ": the file changed since the build?");
        }
    }

    private String location(LocationToken l) {
        StringBuilder b = new StringBuilder();
        String what = switch (l.kind()) {
            case LOG -> "log call site";
            case SLOG -> "slog source";
            case TEST -> "test failure";
            default -> "frame";
        };
        b.append("**").append(what).append("**\n\n");
        List<String> notes = new ArrayList<>();
        source(b, l.file(), l.line(), notes);
        for (String n : notes) b.append("- ").append(md(n)).append('\n');
        return b.toString().stripTrailing();
    }

    private static String provenance(FrameInsight fi) {
        ViewFrame v = fi.view();
        String bin = fi.binary() == null ? "" : " of " + fi.binary().name();
        return switch (v.provenance()) {
            case TEXT -> fi.traceback().dialect() == Dialect.GC ? "as printed by gc"
                    : "as printed by LLGo" + (fi.binary() == null ? " (no binary matched)" : "; pc not resolved in " + fi.binary().name());
            case TABLES -> "from LLGo's funcinfo tables" + bin;
            case SYMTAB -> "from the symbol table" + bin;
            case DWARF -> "from the DWARF line table" + bin + (v.kind() == FrameKind.C ? " (name from the symbol table)" : "");
            case SNAPSHOT -> "from the panic snapshot";
            case INFERRED -> "inferred";
        };
    }

    static String kindWord(FrameKind k) {
        return switch (k) {
            case GO -> "Go function";
            case C -> "C function";
            case RUNTIME -> "runtime function";
            case PANIC -> "panic";
        };
    }

    static String hex(long v) { return "0x" + Long.toHexString(v); }

    /** Escapes what markdown would otherwise eat in names ({@code (*T)}, {@code [T]}); intraword {@code _} is safe. */
    static String md(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*[]<>".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

}
