package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.LocationToken;

/**
 * A token the cursor can be on: a frame's function name or {@code file:line}, or a location in a log,
 * slog or test line. {@code [start, end)} are char offsets into the document.
 */
public record Target(int start, int end, Kind kind, FrameRef frame, LocationToken location) {
    public enum Kind { FUNCTION, LOCATION, LOG }

    public boolean contains(int offset) { return offset >= start && offset < end; }
}
