package dev.llgoframes.core.trace;

import java.util.List;

/** The gc-shaped goroutine plus one line per change made to LLGo's frames, in the order applied. */
public record GcViewResult(ViewGoroutine goroutine, List<String> changes) {
    public GcViewResult {
        changes = List.copyOf(changes);
    }
}
