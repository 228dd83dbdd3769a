package dev.llgoframes.core.panic;

import java.util.List;

/**
 * What a debugger reads of one thread's {@code g}: the defer chain head, the panics in flight
 * (innermost first), the snapshot and the goroutine id.
 */
public record GState(long address, long deferHead, List<PanicNode> panics, PanicSnapshot snapshot, long goid) {
    public GState {
        panics = List.copyOf(panics);
    }

    /** {@code g.panic_ != null}: a panic is in flight (§8.4's first rule). */
    public boolean panicking() { return !panics.isEmpty(); }
}
