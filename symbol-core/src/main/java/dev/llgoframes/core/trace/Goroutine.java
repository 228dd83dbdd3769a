package dev.llgoframes.core.trace;

import java.util.List;

/**
 * One goroutine section. Pseudo sections without a header (clite dump, gc's {@code runtime stack:},
 * race report sections) have {@code id} −1 unless the text names one, and a null {@code headerRange}
 * for the clite dump.
 *
 * @param state              the first comma-separated part inside the brackets ({@code running},
 *                           {@code chan receive (nil chan)}, …); for race sections the section heading
 * @param waitMinutes        gc's {@code , N minutes}
 * @param createdBy          gc's {@code created by …} frame, null if absent
 * @param createdByGoroutine gc 1.21+ {@code in goroutine N}
 */
public record Goroutine(
        long id,
        String state,
        Integer waitMinutes,
        boolean lockedToThread,
        TextRange headerRange,
        int headerLineIndex,
        List<TraceFrame> frames,
        TraceFrame createdBy,
        Long createdByGoroutine,
        List<ElidedMarker> elided) {

    public Goroutine {
        frames = List.copyOf(frames);
        elided = List.copyOf(elided);
    }
}
