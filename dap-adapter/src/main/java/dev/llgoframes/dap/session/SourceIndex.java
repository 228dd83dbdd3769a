package dev.llgoframes.dap.session;

import dev.llgoframes.core.symbolize.SourceAnchors;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which lines of which Go files have statement anchors (spec §6.7): without DWARF these are
 * the only places a line breakpoint can go. Built once from the core's pcline table.
 */
public final class SourceIndex {
    /** How far a breakpoint may move down to the next anchored line. */
    public static final int MAX_MOVE = 50;

    private final Symbolizer symbolizer;
    private final SourceAnchors anchors;

    public SourceIndex(Symbolizer symbolizer) {
        this.symbolizer = symbolizer;
        this.anchors = new SourceAnchors(symbolizer.binary().resolver().pclineTable());
    }

    /**
     * The table's file for a client path: the same path, or the one file whose path ends with the
     * longest '/'-bounded suffix of the client's (build and debug machines often differ in roots);
     * empty when none or several match.
     */
    public Optional<String> resolveFile(String clientPath) {
        List<String> hits = anchors.filesMatching(clientPath.replace('\\', '/'));
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** Result of placing a line breakpoint: link-time pcs at the (possibly moved) line. */
    public record Placement(String file, int line, List<Long> linkPcs) {}

    /** The requested line if it has pcs, else the next anchored line within {@link #MAX_MOVE}. */
    public Optional<Placement> place(String file, int line) {
        List<Long> exact = symbolizer.pcsForLine(file, line);
        if (!exact.isEmpty()) {
            return Optional.of(new Placement(file, line, exact));
        }
        OptionalInt next = anchors.nextAnchoredLine(file, line, MAX_MOVE);
        return next.isPresent() ? Optional.of(new Placement(file, next.getAsInt(), anchors.pcs(file, next.getAsInt())))
                : Optional.empty();
    }

    public boolean knowsFiles() {
        return anchors.hasAnchors();
    }
}
