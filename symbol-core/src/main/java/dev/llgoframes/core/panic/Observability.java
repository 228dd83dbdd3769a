package dev.llgoframes.core.panic;

import java.util.List;
import java.util.Optional;

/** When the snapshot belongs in a stack (spec §8.4). */
public final class Observability {
    static final int MAX_STEPS = 4096;
    static final long MAX_STRIDE = 1L << 20;

    private Observability() {}

    /**
     * The runtime's rule, walked from the frame address of the API function doing the walk:
     * the snapshot while a panic is in flight, or while a live frame straddles the recover mark.
     */
    public static Optional<List<Long>> faithful(GState g, long apiFp, ProcessMemory m) {
        PanicSnapshot s = g.snapshot();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (g.panicking()) {
            return Optional.of(s.pcs());
        }
        if (s.recFP1() == 0) {
            return Optional.empty();
        }
        return straddled(s.recFP1(), apiFp, m) ? Optional.of(s.pcs()) : Optional.empty();
    }

    /**
     * The same question for a debugger stop, where no API frame lies below the current one.
     * The runtime's walk finds the recovering deferred call because its own frames reach below
     * the mark; stopped in that deferred call (after Recover returned) nothing live does. So:
     * the faithful walk from the innermost live frame, or else the recovering frame itself is
     * still live: the mark is recoverMark's frame (§8.3), called by Recover, called by the
     * deferred function, whose frame address is therefore two saved-fp links above the mark.
     *
     * @param liveFps frame addresses of the live frames, innermost first
     */
    public static Optional<List<Long>> atStop(GState g, List<Long> liveFps, ProcessMemory m) {
        PanicSnapshot s = g.snapshot();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (g.panicking()) {
            return Optional.of(s.pcs());
        }
        long mark = s.recFP1();
        if (mark == 0 || liveFps.isEmpty()) {
            return Optional.empty();
        }
        if (straddled(mark, liveFps.get(0), m)) {
            return Optional.of(s.pcs());
        }
        long recovering = savedFp(savedFp(mark, m), m);
        return recovering != 0 && liveFps.contains(recovering) ? Optional.of(s.pcs()) : Optional.empty();
    }

    /** §8.4's loop: a frame record at or below the mark whose caller's frame lies above it. */
    static boolean straddled(long mark, long fp, ProcessMemory m) {
        for (int i = 0; i < MAX_STEPS && fp != 0; i++) {
            if (!m.readable(fp)) {
                return false;
            }
            long prev = m.readWord(fp);
            if (Long.compareUnsigned(fp, mark) <= 0 && (Long.compareUnsigned(prev, mark) > 0 || prev == 0)) {
                return true;
            }
            if (Long.compareUnsigned(prev, fp) <= 0 || prev - fp > MAX_STRIDE || prev % 8 != 0) {
                return false;
            }
            fp = prev;
        }
        return false;
    }

    /** The caller's frame address saved at fp, 0 when unreadable or not a plausible link. */
    private static long savedFp(long fp, ProcessMemory m) {
        if (fp == 0 || fp % 8 != 0 || !m.readable(fp)) {
            return 0;
        }
        long prev = m.readWord(fp);
        if (Long.compareUnsigned(prev, fp) <= 0 || prev - fp > MAX_STRIDE || prev % 8 != 0) {
            return 0;
        }
        return prev;
    }
}
