package dev.llgoframes.core.trace;

import java.util.List;

/**
 * One goroutine of a view.
 *
 * @param panic   panic value text (without {@code panic: }), null for plain stacks
 * @param signal  text between the brackets of {@code [signal …]}, null when there is none
 * @param elision where gc's {@code ...N frames elided...} goes, null when nothing was elided
 */
public record ViewGoroutine(long id, String state, String panic, String signal, ViewFrame createdBy,
        List<ViewFrame> frames, Elision elision) {

    public ViewGoroutine {
        frames = List.copyOf(frames);
    }

    /** {@code count} frames were left out before {@code frames.get(beforeIndex)}. */
    public record Elision(int beforeIndex, int count) {}
}
