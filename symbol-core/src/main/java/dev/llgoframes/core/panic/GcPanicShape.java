package dev.llgoframes.core.panic;

import dev.llgoframes.core.trace.FrameKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A panic stack in gc's shape (spec §9.9): gc shows {@code panic} where LLGo has its runtime
 * machinery, and {@code panic} + {@code runtime.sigpanic} directly above a faulting frame.
 * Callers apply it only to stacks that are about a panic: a spliced stack or a panic stop.
 */
public final class GcPanicShape {
    private GcPanicShape() {}

    /**
     * @param names      display names of the frames, innermost first
     * @param faultIndex index of the faulting frame (fault snapshot's first pc, or the interrupted frame), or -1
     */
    public static List<ShapedFrame> shape(List<String> names, int faultIndex) {
        List<ShapedFrame> out = new ArrayList<>();
        if (faultIndex >= 0) {
            // Above the fault: the user's frames (a deferred call) stay; from the first machinery
            // or signal frame on, everything up to the faulting frame is LLGo's conversion of the signal.
            int i = 0;
            while (i < faultIndex && !isMachineryOrSignal(names.get(i))) {
                out.add(new ShapedFrame(i, null, null));
                i++;
            }
            out.add(new ShapedFrame(i < faultIndex ? i : -1, ShapedFrame.PANIC, FrameKind.PANIC));
            out.add(new ShapedFrame(-1, ShapedFrame.SIGPANIC, FrameKind.RUNTIME));
            for (int k = faultIndex; k < names.size(); k++) {
                out.add(new ShapedFrame(k, null, null));
            }
            return out;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!FrameSplicer.isMachinery(names.get(i))) {
                out.add(new ShapedFrame(i, null, null));
                continue;
            }
            int j = i;
            while (j + 1 < names.size() && FrameSplicer.isMachinery(names.get(j + 1))) {
                j++;
            }
            // the last machinery frame of the run is the stand-in (§8.5): the CORE helper that raised it
            out.add(new ShapedFrame(j, ShapedFrame.PANIC, FrameKind.PANIC));
            i = j;
        }
        return out;
    }

    private static boolean isMachineryOrSignal(String name) {
        return FrameSplicer.isMachinery(name) || "<signal handler called>".equals(name)
                || name != null && name.startsWith("llgo_fault_");
    }
}
