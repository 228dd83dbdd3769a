package dev.llgoframes.core.trace;

import java.util.ArrayList;
import java.util.List;

/** Turns a parsed LLGo traceback into {@link LlgoStack}s, re-symbolized when a resolver is given. */
public final class LlgoStacks {
    private LlgoStacks() {}

    /** @param resolver null for text-only frames */
    public static List<LlgoStack> of(Traceback tb, PcResolver resolver) {
        StackShape shape = switch (tb.kind()) {
            case FAULT -> StackShape.FAULT_TRACEBACK;
            case CLITE -> StackShape.CLITE_DUMP;
            case STACK -> StackShape.STACK_DUMP;
            default -> StackShape.PANIC_TRACEBACK;
        };
        PanicMessage pm = tb.finalPanic();
        String panic = pm == null ? null : pm.text();
        // A stack printed by a deferred function after a recovered fault is told by the line before it.
        String faultHint = FaultSignal.of(panic) != null ? panic
                : shape == StackShape.STACK_DUMP && FaultSignal.of(tb.precedingLine()) != null ? tb.precedingLine() : null;
        Resymbolizer resym = resolver == null ? null : new Resymbolizer(resolver);
        List<LlgoStack> out = new ArrayList<>();
        for (Goroutine g : tb.goroutines()) {
            List<ViewFrame> frames = new ArrayList<>();
            for (TraceFrame f : g.frames()) frames.add(resym == null ? TextFrames.of(f) : resym.frame(f));
            Integer faultIndex = null;
            Long faultPc = null;
            String hint = faultHint;
            if (hint != null) {
                faultIndex = shape == StackShape.FAULT_TRACEBACK ? Integer.valueOf(0)
                        : shape == StackShape.STACK_DUMP ? FaultFrameLocator.inStack(frames) : null;
                if (shape == StackShape.STACK_DUMP && faultIndex != null && faultIndex < frames.size()
                        && GoNames.isLlgoMachinery(frames.get(faultIndex).function())) {
                    // below the deferred function stands LLGo's gopanic stand-in: a Go-level check
                    // (AssertNilDeref, AssertDivideByZero, …) panicked with a fault's message, no
                    // hardware fault happened (§8.6), so this is a non-fault snapshot (§9.9 rule 1)
                    faultIndex = null;
                    hint = null;
                }
                if (faultIndex != null && faultIndex < frames.size() && frames.get(faultIndex).pc() != null) {
                    faultPc = frames.get(faultIndex).pc() - 1;
                }
            }
            long id = g.id() < 0 ? 1 : g.id();
            String state = g.state() == null ? "running" : g.state();
            out.add(new LlgoStack(shape, id, state, panic, hint, frames, faultIndex, faultPc));
        }
        return out;
    }
}
