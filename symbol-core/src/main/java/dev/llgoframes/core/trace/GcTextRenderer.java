package dev.llgoframes.core.trace;

import java.util.List;

/**
 * Prints gc-view goroutines as {@code go run} would: panic line, {@code [signal …]}, goroutine header,
 * frames with {@code ()}, C frames in cgo-symbolizer form, {@code created by}, {@code exit status}.
 * Applies gc's display filter (runtime.showfuncinfo at GOTRACEBACK=single): {@code panic} is hidden as
 * the first frame, unexported {@code runtime.*} frames always, unless {@code showRuntime}.
 */
public final class GcTextRenderer {
    private GcTextRenderer() {}

    public static String render(List<ViewGoroutine> goroutines, Integer exitStatus, boolean showRuntime) {
        StringBuilder b = new StringBuilder();
        if (!goroutines.isEmpty() && goroutines.get(0).panic() != null) {
            ViewGoroutine first = goroutines.get(0);
            b.append("panic: ").append(first.panic()).append('\n');
            if (first.signal() != null) b.append("[signal ").append(first.signal()).append("]\n");
            b.append('\n');
        }
        for (int g = 0; g < goroutines.size(); g++) {
            if (g > 0) b.append('\n');
            goroutine(b, goroutines.get(g), showRuntime);
        }
        if (exitStatus != null) b.append("exit status ").append(exitStatus).append('\n');
        return b.toString();
    }

    private static void goroutine(StringBuilder b, ViewGoroutine g, boolean showRuntime) {
        b.append("goroutine ").append(g.id()).append(" [").append(g.state()).append("]:\n");
        boolean first = true;
        List<ViewFrame> frames = g.frames();
        for (int i = 0; i < frames.size(); i++) {
            if (g.elision() != null && i == g.elision().beforeIndex()) {
                b.append("...").append(g.elision().count()).append(" frames elided...\n");
            }
            ViewFrame f = frames.get(i);
            if (!showRuntime && hidden(f, first)) continue;
            first = false;
            frame(b, f);
        }
        if (g.createdBy() != null) {
            b.append("created by ").append(g.createdBy().function()).append('\n');
            if (g.createdBy().file() != null) location(b, g.createdBy());
        }
    }

    static boolean hidden(ViewFrame f, boolean first) {
        if (f.kind() == FrameKind.PANIC) return first;
        String n = f.function();
        return n != null && n.startsWith("runtime.") && !exportedRuntime(n);
    }

    /** gc's isExportedRuntime: {@code runtime.Callers}, {@code runtime.(*Func).Name}, … */
    static boolean exportedRuntime(String name) {
        String n = name.substring("runtime.".length());
        String rcvr = "";
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            rcvr = n.substring(0, dot);
            n = n.substring(dot + 1);
            if (rcvr.length() >= 3 && rcvr.startsWith("(*") && rcvr.endsWith(")")) rcvr = rcvr.substring(2, rcvr.length() - 1);
        }
        return !n.isEmpty() && Character.isUpperCase(n.charAt(0))
                && (rcvr.isEmpty() || Character.isUpperCase(rcvr.charAt(0)));
    }

    private static void frame(StringBuilder b, ViewFrame f) {
        if (f.kind() == FrameKind.C) {
            // gc's printOneCgoTraceback: bare name, then "\t[file:line ]pc=0x…".
            b.append(GoNames.isUnnamed(f.function()) ? "non-Go function" : f.function()).append("\n\t");
            if (f.file() != null) b.append(f.file()).append(':').append(f.line() == null ? 0 : f.line()).append(' ');
            b.append("pc=").append(f.pc() == null ? "?" : Text.hex(f.pc() - 1)).append('\n');
            return;
        }
        b.append(f.function()).append(f.kind() == FrameKind.PANIC ? "(...)" : "()").append('\n');
        location(b, f);
    }

    private static void location(StringBuilder b, ViewFrame f) {
        b.append('\t').append(f.file() == null ? "?" : f.file());
        if (f.line() != null || f.file() == null) b.append(':').append(f.line() == null ? 0 : f.line());
        if (f.offset() != null && f.offset() > 0) b.append(" +").append(Text.hex(f.offset()));
        b.append('\n');
    }
}
