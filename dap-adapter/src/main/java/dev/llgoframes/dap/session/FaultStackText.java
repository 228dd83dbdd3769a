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
 * exceptionInfo's text at a fault stop: the live frames handed to the core's gc view and printed
 * the way {@code go run} prints a fault (panic line, {@code [signal …]}, panic and sigpanic above
 * the faulting frame, C frames in cgo form, nothing below runtime.main). The same view the CLI
 * gives for LLGo's printed fault traceback, so editor and terminal agree.
 */
final class FaultStackText {
    private FaultStackText() {}

    static String of(long goroutineId, Fault fault, SignalDetails signal, long faultPc, List<StackEntry> stack,
            Function<StackEntry, FrameDescription> describe, SymbolView view) {
        List<ViewFrame> frames = new ArrayList<>(stack.size());
        for (int i = 0; i < stack.size(); i++) {
            StackEntry e = stack.get(i);
            FrameDescription d = describe.apply(e);
            // ViewFrame's pc is a return address, or fault pc + 1 for the faulting frame (its convention)
            long pc = i == 0 || !e.returnAddress() ? e.pc() + 1 : e.pc();
            long entry = e.pc() == 0 ? 0 : view.entryAt(e.pc());
            Long entryOrNull = entry == 0 ? null : entry;
            Long offset = entry == 0 ? null : (i == 0 ? e.pc() : pc) - entry;
            frames.add(new ViewFrame(d.name(), d.file(), d.line(), e.pc() == 0 ? null : pc, entryOrNull, offset,
                    kind(e, d), provenance(e, d), d.note()));
        }
        LlgoStack st = new LlgoStack(StackShape.FAULT_TRACEBACK, goroutineId, "running", fault.runtimeError(),
                fault.runtimeError(), frames, 0, faultPc);
        GcViewOptions options = new GcViewOptions(null, goroutineId,
                signal.code() == null ? null : "0x" + Long.toHexString(signal.code()),
                signal.address() == null ? null : "0x" + Long.toHexString(signal.address()));
        GcViewResult gc = GcView.apply(st, options);
        return GcTextRenderer.render(List.of(gc.goroutine()), null, false);
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
