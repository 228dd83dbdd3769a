package dev.llgoframes.core.panic;

import java.util.List;

/**
 * The panic-site snapshot stored in {@code g} (spec §8.2): the captured raw pcs (return
 * addresses; for a fault the first is fault pc + 1), who stored it and the recover mark.
 */
public record PanicSnapshot(int n, boolean armed, boolean fault, long recFP1, long recFP2, List<Long> pcs) {
    public static final PanicSnapshot EMPTY = new PanicSnapshot(0, false, false, 0, 0, List.of());

    public PanicSnapshot {
        pcs = List.copyOf(pcs);
    }

    public boolean isEmpty() { return n == 0 || pcs.isEmpty(); }
}
