package dev.llgoframes.core.trace;

import java.util.List;

/**
 * One contiguous traceback block.
 *
 * @param panics        panic lines in printed order (gc: the first is the oldest panic)
 * @param signal        gc's {@code [signal …]} line, null if absent
 * @param fatalError    text after {@code fatal error: }, null if absent
 * @param exitStatus    a directly following {@code exit status N} line ({@code go run}/{@code llgo run})
 * @param precedingLine the nearest non-blank line before the block (e.g. {@code recovered: runtime error: …}
 *                      printed by a deferred function before {@code debug.Stack()}), null if none; lets a
 *                      viewer tell a stack taken after a recovered fault
 */
public record Traceback(
        Dialect dialect,
        TracebackKind kind,
        List<PanicMessage> panics,
        SignalInfo signal,
        String fatalError,
        List<Goroutine> goroutines,
        Integer exitStatus,
        TextRange range,
        int firstLineIndex,
        int lastLineIndex,
        String precedingLine) {

    public Traceback {
        panics = List.copyOf(panics);
        goroutines = List.copyOf(goroutines);
    }

    /** The panic that ended the program (gc prints the oldest first, the escaping one last). */
    public PanicMessage finalPanic() { return panics.isEmpty() ? null : panics.get(panics.size() - 1); }

    public int frameCount() {
        int n = 0;
        for (Goroutine g : goroutines) n += g.frames().size();
        return n;
    }
}
