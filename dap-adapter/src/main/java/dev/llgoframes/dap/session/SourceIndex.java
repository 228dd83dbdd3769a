package dev.llgoframes.dap.session;

import dev.llgoframes.core.resolve.PcLineTable;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which lines of which Go files have statement anchors (spec §6.7): without DWARF these are
 * the only places a line breakpoint can go. Built once from the core's pcline table.
 */
public final class SourceIndex {
    /** How far a breakpoint may move down to the next anchored line. */
    public static final int MAX_MOVE = 50;

    private final Symbolizer symbolizer;
    private final Map<String, NavigableMap<Integer, List<Long>>> byFile = new TreeMap<>();

    public SourceIndex(Symbolizer symbolizer) {
        this.symbolizer = symbolizer;
        for (PcLineTable.Anchor a : symbolizer.binary().resolver().pclineTable().anchors()) {
            if (a.file() == null || a.file().isEmpty() || a.line() <= 0) {
                continue;
            }
            byFile.computeIfAbsent(a.file(), f -> new TreeMap<>()).computeIfAbsent(a.line(), l -> new ArrayList<>()).add(a.pc());
        }
    }

    /**
     * The table's file for a client path: the same path, or the one file whose path ends with the
     * longest '/'-bounded suffix of the client's (build and debug machines often differ in roots).
     */
    public Optional<String> resolveFile(String clientPath) {
        String p = clientPath.replace('\\', '/');
        if (byFile.containsKey(p)) {
            return Optional.of(p);
        }
        String suffix = p;
        while (true) {
            List<String> hits = new ArrayList<>();
            for (String f : byFile.keySet()) {
                if (f.equals(suffix) || f.endsWith("/" + suffix)) {
                    hits.add(f);
                }
            }
            if (hits.size() == 1) {
                return Optional.of(hits.get(0));
            }
            if (hits.size() > 1) {
                return Optional.empty();
            }
            int slash = suffix.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            suffix = suffix.substring(slash + 1);
            if (suffix.isEmpty()) {
                return Optional.empty();
            }
        }
    }

    /** Result of placing a line breakpoint: link-time pcs at the (possibly moved) line. */
    public record Placement(String file, int line, List<Long> linkPcs) {}

    /** The requested line if it has pcs, else the next anchored line within {@link #MAX_MOVE}. */
    public Optional<Placement> place(String file, int line) {
        List<Long> exact = symbolizer.pcsForLine(file, line);
        if (!exact.isEmpty()) {
            return Optional.of(new Placement(file, line, exact));
        }
        NavigableMap<Integer, List<Long>> lines = byFile.get(file);
        if (lines == null) {
            return Optional.empty();
        }
        Map.Entry<Integer, List<Long>> next = lines.ceilingEntry(line);
        if (next == null || next.getKey() - line > MAX_MOVE) {
            return Optional.empty();
        }
        return Optional.of(new Placement(file, next.getKey(), List.copyOf(next.getValue())));
    }

    public boolean knowsFiles() {
        return !byFile.isEmpty();
    }
}
