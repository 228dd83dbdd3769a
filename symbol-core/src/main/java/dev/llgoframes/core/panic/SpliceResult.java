package dev.llgoframes.core.panic;

import java.util.List;

/**
 * A spliced stack: the first {@code liveKept} live frames, then {@code snapshot} (raw pcs,
 * trimmed). {@code liveKept == live size} and an empty snapshot mean "nothing spliced".
 */
public record SpliceResult(int liveKept, List<Long> snapshot, boolean fault) {
    public SpliceResult {
        snapshot = List.copyOf(snapshot);
    }

    public boolean spliced() { return !snapshot.isEmpty(); }

    public static SpliceResult none(int liveCount) {
        return new SpliceResult(liveCount, List.of(), false);
    }
}
