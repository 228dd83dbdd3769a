package dev.llgoframes.core.trace;

/**
 * gc's {@code ...additional frames elided...} ({@code count} null) or {@code ...N frames elided...}.
 *
 * @param beforeFrame index into the goroutine's frames of the first frame after the marker
 */
public record ElidedMarker(Integer count, int beforeFrame, TextRange range, int lineIndex) {}
