package dev.llgoframes.dap.session;

import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.GcTextRenderer;
import dev.llgoframes.core.trace.GcView;
import dev.llgoframes.core.trace.GcViewOptions;
import dev.llgoframes.core.trace.GcViewResult;
import dev.llgoframes.core.trace.LlgoStack;
import dev.llgoframes.core.trace.Provenance;
import dev.llgoframes.core.trace.StackShape;
import dev.llgoframes.core.trace.ViewFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * exceptionInfo's stack text: the live frames (panic snapshot already spliced) handed to the core's
 * gc view and printed by its gc printer, so the editor, the CLI and the language server show one
 * gc view. At a fault: panic line, {@code [signal …]}, panic and sigpanic above the faulting frame
 * (hidden as gc hides them), C frames in cgo form, nothing below runtime.main. At a panic stop:
 * every frame gc has, its {@code panic} and {@code runtime.sigpanic} frames included, as a
 * debugger shows them.
 */
final class GcStackText {
    private GcStackText() {}

    static String fault(long goroutineId, Fault fault, SignalDetails signal, long faultPc, List<StackEntry> stack,
            Function<StackEntry, FrameDescription> describe, SymbolView view) {
        List<ViewFrame> frames = frames(stack, describe, view, true);
        LlgoStack st = new LlgoStack(StackShape.FAULT_TRACEBACK, goroutineId, "running", fault.runtimeError(),
                fault.runtimeError(), frames, 0, faultPc);
        GcViewOptions options = new GcViewOptions(null, goroutineId, signal.codeHex(), signal.addressHex());
        GcViewResult gc = GcView.apply(st, options);
        return GcTextRenderer.render(List.of(gc.goroutine()), null, false);
    }

    /** A panic stop: {@code panicLine} is the value as gc prints it after {@code panic: }. */
    static String panic(long goroutineId, String panicLine, List<StackEntry> stack,
            Function<StackEntry, FrameDescription> describe, SymbolView view) {
        LlgoStack st = new LlgoStack(StackShape.PANIC_TRACEBACK, goroutineId, "running", panicLine, null,
                frames(stack, describe, view, false), null, null);
        GcViewResult gc = GcView.apply(st, new GcViewOptions(null, goroutineId, null, null));
        return GcTextRenderer.render(List.of(gc.goroutine()), null, true);
    }

    private static List<ViewFrame> frames(List<StackEntry> stack, Function<StackEntry, FrameDescription> describe,
            SymbolView view, boolean faultOnTop) {
        List<ViewFrame> frames = new ArrayList<>(stack.size());
        for (int i = 0; i < stack.size(); i++) {
            StackEntry e = stack.get(i);
            FrameDescription d = describe.apply(e);
            // ViewFrame's pc is a return address, or fault pc + 1 for the faulting frame (its convention)
            boolean top = i == 0 && faultOnTop;
            long pc = top || !e.returnAddress() ? e.pc() + 1 : e.pc();
            long entry = e.pc() == 0 ? 0 : view.entryAt(e.pc(), e.returnAddress() && !top);
            Long entryOrNull = entry == 0 ? null : entry;
            Long offset = entry == 0 ? null : (top ? e.pc() : pc) - entry;
            frames.add(new ViewFrame(d.name(), d.file(), d.line(), e.pc() == 0 ? null : pc, entryOrNull, offset,
                    kind(e, d), provenance(e, d), d.note()));
        }
        return frames;
    }

    private static FrameKind kind(StackEntry e, FrameDescription d) {
        if (e.role() == StackEntry.Role.PANIC) return FrameKind.PANIC;
        if (e.role() == StackEntry.Role.SIGPANIC) return FrameKind.RUNTIME;
        return switch (d.kind()) {
            case GO -> FrameKind.GO;
            case C -> FrameKind.C;
            case RUNTIME -> FrameKind.RUNTIME;
        };
    }

    private static Provenance provenance(StackEntry e, FrameDescription d) {
        if (StackEntry.FROM_SNAPSHOT.equals(e.origin())) return Provenance.SNAPSHOT;
        if (e.role() != StackEntry.Role.FRAME) return Provenance.INFERRED;
        if (d.file() != null) return Provenance.TABLES;
        return d.inExecutable() ? Provenance.SYMTAB : Provenance.TEXT;
    }
}
