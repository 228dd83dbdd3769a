package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.LlgoStack;
import dev.llgoframes.core.trace.Provenance;
import dev.llgoframes.core.trace.StackShape;
import dev.llgoframes.core.trace.TextFrames;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.Traceback;
import dev.llgoframes.core.trace.ViewFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, per printed frame, what it really is and where its link goes. The rule that matters: when the
 * binary shows a printed location is LLGo's wrong guess (a Go name and line for a pc inside C code), the
 * link goes to the C source if DWARF names it, otherwise nowhere, never to the wrong Go line.
 */
public final class FrameInsights {
    private FrameInsights() {}

    public static FrameInsight of(TraceAnalysis a, Interpretation interp, FrameRef ref) {
        Traceback tb = a.trace().tracebacks().get(ref.traceback());
        Goroutine g = tb.goroutines().get(ref.goroutine());
        TraceFrame printed = a.frame(ref);
        List<LlgoStack> stacks = interp.stacks().get(ref.traceback());
        LlgoStack stack = stacks == null || ref.goroutine() >= stacks.size() ? null : stacks.get(ref.goroutine());
        ViewFrame view = stack != null && !ref.createdBy() && ref.frame() < stack.frames().size()
                ? stack.frames().get(ref.frame()) : TextFrames.of(printed);
        boolean resolved = interp.binary() != null && stack != null && view.provenance() != Provenance.TEXT;
        List<String> notes = new ArrayList<>();

        boolean renamed = resolved && view.function() != null && !view.function().equals(printed.function());
        // A different directory is a build-path difference (trace or binary moved), not a wrong location.
        boolean movedLine = resolved && printed.hasSourceFile() && view.file() != null
                && (!baseName(view.file()).equals(baseName(printed.file())) || !java.util.Objects.equals(view.line(), printed.line()));
        boolean printedWrong = renamed && printed.hasSourceFile() || movedLine;
        String file = printed.hasSourceFile() ? printed.file() : null;
        Integer line = printed.hasSourceFile() ? printed.line() : null;
        String noLink = null;

        if (renamed) {
            String where = printed.hasSourceFile() ? " at " + baseName(printed.file()) + ":" + printed.line() : "";
            String says = view.provenance() == Provenance.TABLES ? "LLGo's tables say" : "the symbol table says";
            notes.add("LLGo printed " + printed.function() + where + "; " + says + " " + view.function()
                    + (view.kind() == FrameKind.C ? " (C)" : ""));
        }
        if (printedWrong) {
            if (view.file() != null && view.line() != null) {
                file = view.file();
                line = view.line();
            } else {
                file = null;
                line = null;
                noLink = "the printed " + baseName(printed.file()) + ":" + printed.line() + " is not where this pc is: "
                        + view.function() + " has no line information in the binary (no DWARF)";
            }
        }
        if (stack != null && !ref.createdBy()) {
            if (stack.shape() == StackShape.FAULT_TRACEBACK && ref.frame() == 0 && stack.fault()) {
                notes.add("faulting instruction: LLGo stores the fault pc + 1, looked up at the fault pc");
            } else if (stack.shape() == StackShape.STACK_DUMP && stack.faultFrameIndex() != null
                    && stack.faultFrameIndex() == ref.frame()) {
                notes.add("panic site from the snapshot: LLGo spliced the recovered fault's frames in below the deferred function");
            }
        }
        if (resolved && view.note() != null && !renamed) {
            for (String n : view.note().split("; ")) if (!n.startsWith("LLGo printed")) notes.add(n);
        }
        return new FrameInsight(ref, tb, g, printed, view, stack, resolved ? interp.binary() : null, printedWrong,
                file, line, noLink, notes);
    }

    static String baseName(String path) {
        if (path == null) return "";
        int k = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return k < 0 ? path : path.substring(k + 1);
    }
}
