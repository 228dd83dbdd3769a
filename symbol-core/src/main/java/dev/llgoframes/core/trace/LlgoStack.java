package dev.llgoframes.core.trace;

import java.util.List;

/**
 * One LLGo goroutine stack in LLGo's shape, its frames re-symbolized where a binary was available.
 * Input of {@link GcView}.
 *
 * @param printedGoroutineId the id LLGo printed (panic tracebacks always say 1, stacks of the main
 *                           goroutine say 0)
 * @param panic              the panic value of a traceback, null for stack dumps
 * @param faultHint          text naming the fault that preceded this stack (the panic value, or a
 *                           {@code recovered: runtime error: …} line printed before a stack dump), null when
 *                           no fault is known
 * @param faultFrameIndex    index of the faulting frame in {@code frames}, null when unknown or no fault
 * @param faultPc            the faulting instruction's pc, null when unknown
 */
public record LlgoStack(StackShape shape, long printedGoroutineId, String state, String panic, String faultHint,
        List<ViewFrame> frames, Integer faultFrameIndex, Long faultPc) {

    public LlgoStack {
        frames = List.copyOf(frames);
    }

    public boolean fault() { return faultHint != null && FaultSignal.of(faultHint) != null; }
}
