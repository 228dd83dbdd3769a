package dev.llgoframes.core.trace;

import java.util.List;

/**
 * Tells LLGo's tracebacks from gc's by marks only one of them prints (spec §9.8): LLGo's
 * {@code ???:0} and bare {@code pc=0x…} location lines, {@code goroutine 0 [running]}, LLGo runtime
 * and {@code $}-closure names, and {@code (...)} on every frame; gc's {@code created by}, signal
 * lines, wait times, argument words.
 */
final class DialectGuess {
    private DialectGuess() {}

    static Dialect of(boolean clite, boolean race, SignalInfo signal, List<Goroutine> goroutines) {
        if (clite) return Dialect.LLGO;
        if (race || signal != null) return Dialect.GC;
        int frames = 0, elidedArgs = 0;
        for (Goroutine g : goroutines) {
            if (g.createdBy() != null || g.waitMinutes() != null || !g.elided().isEmpty()) return Dialect.GC;
            if (g.id() == 0 && "running".equals(g.state())) return Dialect.LLGO;
            for (TraceFrame f : g.frames()) {
                if ("???".equals(f.file()) || f.file() == null && f.printedPc() != null) return Dialect.LLGO;
                String name = f.function();
                if (name.startsWith("github.com/xgo-dev/llgo/") || name.startsWith("github.com/goplus/llgo/")
                        || name.indexOf('$') >= 0) {
                    return Dialect.LLGO;
                }
                if (f.fp() != null || f.args() != null && !f.args().isEmpty() && !f.elidedArgs()) return Dialect.GC;
                frames++;
                if (f.elidedArgs()) elidedArgs++;
            }
        }
        return frames > 0 && elidedArgs == frames ? Dialect.LLGO : Dialect.GC;
    }

    /** LLGo's fault traceback prints frames without a file as {@code \tpc=0x…} (§9.3). */
    static boolean hasPcOnlyFrame(List<Goroutine> goroutines) {
        for (Goroutine g : goroutines) {
            for (TraceFrame f : g.frames()) if (f.file() == null && f.printedPc() != null) return true;
        }
        return false;
    }
}
