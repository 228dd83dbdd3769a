package dev.llgoframes.core.trace;

import java.util.ArrayList;
import java.util.List;

/** One-call entry points for the CLI and the language server: parsed LLGo traceback → views → text. */
public final class TraceViews {
    private TraceViews() {}

    /** gc view of every goroutine of an LLGo traceback; {@code resolver} null for text only. */
    public static List<GcViewResult> gcView(Traceback tb, PcResolver resolver, GcViewOptions options) {
        List<GcViewResult> out = new ArrayList<>();
        for (LlgoStack st : LlgoStacks.of(tb, resolver)) out.add(GcView.apply(st, options));
        return out;
    }

    /** What {@code go run} would print for the program; {@code showRuntime} as with GOTRACEBACK=system. */
    public static String gcText(Traceback tb, PcResolver resolver, GcViewOptions options, boolean showRuntime) {
        List<ViewGoroutine> gs = new ArrayList<>();
        for (GcViewResult r : gcView(tb, resolver, options)) gs.add(r.goroutine());
        return GcTextRenderer.render(gs, tb.exitStatus(), showRuntime);
    }

    /** LLGo's own shape with re-symbolized names and locations. */
    public static String llgoText(Traceback tb, PcResolver resolver) {
        StringBuilder b = new StringBuilder();
        for (LlgoStack st : LlgoStacks.of(tb, resolver)) b.append(LlgoTextRenderer.render(st));
        if (tb.exitStatus() != null) b.append("exit status ").append(tb.exitStatus()).append('\n');
        return b.toString();
    }
}
