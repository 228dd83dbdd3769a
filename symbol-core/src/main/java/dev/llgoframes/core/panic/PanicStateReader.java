package dev.llgoframes.core.panic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.llgoframes.core.panic.GLayout.*;

/** Reads a {@link GState} from process memory at a {@code g} address (§8.1/§8.2 layout). */
public final class PanicStateReader {
    /** Nested panics beyond this are not followed: a corrupt chain must not loop. */
    static final int MAX_PANICS = 32;

    private PanicStateReader() {}

    public static GState read(ProcessMemory m, long g) {
        if (g == 0) {
            throw new IllegalArgumentException("no g: currentG is 0 (the runtime has not started on this thread)");
        }
        long defer = m.readWord(g + G_DEFER);
        List<PanicNode> panics = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long p = m.readWord(g + G_PANIC); p != 0 && panics.size() < MAX_PANICS && seen.add(p); ) {
            PanicNode node = new PanicNode(p, m.readWord(p + NODE_PREV), m.readWord(p + NODE_ARG_TYPE),
                    m.readWord(p + NODE_ARG_DATA), m.readWord(p + NODE_DEFER));
            panics.add(node);
            p = node.prev();
        }
        return new GState(g, defer, panics, readSnapshot(m, g + G_PANIC_PCS), m.readWord(g + G_GOID));
    }

    static PanicSnapshot readSnapshot(ProcessMemory m, long store) {
        int n = m.readInt(store + PCS_N);
        int armed = m.readInt(store + PCS_ARMED);
        int fault = m.readInt(store + PCS_FAULT);
        long fp1 = m.readWord(store + PCS_REC_FP1);
        long fp2 = m.readWord(store + PCS_REC_FP2);
        // n outside [0, 64] is garbage (an uninitialised or foreign g): no snapshot, not an error.
        int count = n < 0 || n > PCS_CAPACITY ? 0 : n;
        List<Long> pcs = new ArrayList<>(count);
        if (count > 0) {
            byte[] raw = m.read(store + PCS_PCS, count * 8);
            for (int i = 0; i < count; i++) {
                long v = 0;
                for (int k = 7; k >= 0; k--) {
                    v = (v << 8) | (raw[i * 8 + k] & 0xff);
                }
                pcs.add(v);
            }
        }
        return new PanicSnapshot(count, armed != 0, fault != 0, fp1, fp2, pcs);
    }
}
