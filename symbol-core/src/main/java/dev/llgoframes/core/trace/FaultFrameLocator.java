package dev.llgoframes.core.trace;

import java.util.List;

/**
 * Finds the faulting frame in a stack taken after a recovered fault. LLGo splices the fault snapshot
 * in right below the deferred function (§8.5), and the deferred function is almost always a closure
 * of the function that owns the defer, which appears further down. So: the frame after the first
 * {@code F.funcN} whose {@code F} occurs below it; failing that (a named deferred function), the frame
 * after the one that called the stack printer.
 */
final class FaultFrameLocator {
    private FaultFrameLocator() {}

    static Integer inStack(List<ViewFrame> frames) {
        for (int i = 0; i + 1 < frames.size(); i++) {
            String parent = closureParent(frames.get(i).function());
            if (parent == null) continue;
            for (int j = i + 1; j < frames.size(); j++) {
                if (parent.equals(frames.get(j).function())) return i + 1;
            }
        }
        // a named deferred function ({@code defer handler()}): it called the stack printer itself, so
        // the snapshot starts right below it, two frames under runtime/debug.Stack or runtime.Stack
        for (int i = frames.size() - 1; i >= 0; i--) {
            String f = frames.get(i).function();
            if ("runtime/debug.Stack".equals(f) || "runtime.Stack".equals(f)) {
                return i + 2 < frames.size() ? i + 2 : null;
            }
        }
        return null;
    }

    /** {@code main.main.func1} → {@code main.main}; LLGo's {@code main.main$1.func2} → {@code main.main}. */
    static String closureParent(String name) {
        if (name == null) return null;
        int d = name.indexOf('$');
        if (d > 0) return name.substring(0, d);
        int k = name.lastIndexOf(".func");
        if (k > 0 && Text.allDigits(name, k + 5, name.length())) return name.substring(0, k);
        return null;
    }
}
