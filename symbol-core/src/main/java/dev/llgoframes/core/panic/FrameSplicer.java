package dev.llgoframes.core.panic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The runtime's trim and splice (spec §8.5), rule for rule. */
public final class FrameSplicer {
    public static final List<String> RT_PREFIXES = List.of(
            "github.com/xgo-dev/llgo/runtime/internal/", "github.com/goplus/llgo/runtime/internal/");
    static final Set<String> RT_MACHINERY = Set.of("runtime.capturePanicPCs", "runtime.onFault", "runtime.fpWalkFrom");

    private FrameSplicer() {}

    /** Names the runtime trims from the head of a snapshot. */
    public static boolean isMachinery(String name) {
        return hasRuntimePrefix(name) || name != null && RT_MACHINERY.contains(name);
    }

    /** RTPREFIX of §8.5 in either module spelling (github.com/goplus/llgo before 2026-08-17). */
    public static boolean hasRuntimePrefix(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (String p : RT_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Leading machinery frames go except the last one (the gopanic stand-in); a non-fault
     * snapshot is cut at its first out-of-text pc nothing can name.
     */
    public static List<Long> trim(List<Long> snap, boolean fault, FunctionLookup f) {
        int h = 0;
        while (h < snap.size() && isMachinery(f.function(snap.get(h) - 1))) {
            h++;
        }
        if (h > 0) {
            h--;
        }
        List<Long> out = snap.subList(h, snap.size());
        if (fault) {
            return List.copyOf(out);
        }
        for (int i = 0; i < out.size(); i++) {
            long pc = out.get(i);
            if (!f.inText(pc) && f.function(pc - 1).isEmpty()) {
                return List.copyOf(out.subList(0, i));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Joins live frames and the snapshot at the first live frame whose function entry occurs in
     * the snapshot; the snapshot wins from there down.
     *
     * @param liveLookupPcs lookup pcs of the live frames (return address − 1, the stop pc itself for frame 0)
     */
    public static SpliceResult splice(List<Long> liveLookupPcs, List<Long> observable, boolean fault, FunctionLookup f) {
        List<Long> snap = trim(observable, fault, f);
        if (snap.isEmpty()) {
            return SpliceResult.none(liveLookupPcs.size());
        }
        List<Long> snapEntries = new ArrayList<>(snap.size());
        for (long pc : snap) {
            snapEntries.add(f.entry(pc - 1));
        }
        for (int i = 0; i < liveLookupPcs.size(); i++) {
            long e = f.entry(liveLookupPcs.get(i));
            if (e != 0 && snapEntries.contains(e)) {
                return new SpliceResult(i, snap, fault);
            }
        }
        return SpliceResult.none(liveLookupPcs.size());
    }
}
