package dev.llgoframes.core.trace;

import java.util.List;

/**
 * Result of parsing one text: traceback blocks in input order, every navigable location (frames
 * included, in input order) and the number of lines that were none of these.
 */
public record TraceDocument(List<Traceback> tracebacks, List<LocationToken> locations, int passthroughLines,
        int lineCount) {
    public TraceDocument {
        tracebacks = List.copyOf(tracebacks);
        locations = List.copyOf(locations);
    }
}
